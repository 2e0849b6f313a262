package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.workspace.FileDeclarations;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the analysis found in one file: findings sorted by position, the syntax errors it
 * recovered from, a summary, notes for the user (e.g. which part of a broken file was skipped), and
 * the file's code tokens for reports that need them (empty unless the analyzer keeps them), and
 * what the file declares to other files (kept for the language server, which hands them to the
 * workspace index instead of reading the file once more; empty unless the analyzer keeps them).
 */
public record FileAnalysis(Path path, SourceText source, Edition edition, List<Finding> findings,
                           List<SyntaxProblem> syntaxProblems, FileSummary summary, List<String> notes,
                           CodeTokens codeTokens, FileStructure structure, Optional<FileDeclarations> declarations) {
    public FileAnalysis {
        findings = List.copyOf(findings);
        syntaxProblems = List.copyOf(syntaxProblems);
        notes = List.copyOf(notes);
    }

    public TextPosition start(Finding f) {
        return source.positionAt(f.range().start());
    }

    public TextPosition end(Finding f) {
        return source.positionAt(f.range().end());
    }
}
