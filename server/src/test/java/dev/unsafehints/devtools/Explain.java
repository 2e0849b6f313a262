package dev.unsafehints.devtools;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Analyzer;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Files;
import java.nio.file.Path;

/** Development aid: print the findings and notes of one file. Not part of the product. */
public final class Explain {
    public static void main(String[] args) throws Exception {
        Path f = Path.of(args[0]).toAbsolutePath();
        String text = Files.readString(f);
        FileAnalysis a = new Analyzer().analyze(new SourceDocument(f, text, new CargoManifests().crateOf(f)),
                AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
        for (Finding x : a.findings()) {
            System.out.println((a.start(x).line() + 1) + ":" + (a.start(x).column() + 1) + " " + x.ruleId() + " " + x.message());
        }
        a.notes().forEach(n -> System.out.println("NOTE " + n));
        a.syntaxProblems().forEach(n -> System.out.println("SYNTAX " + n));
    }
}
