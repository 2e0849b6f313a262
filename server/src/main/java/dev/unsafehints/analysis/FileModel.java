package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * One parsed file as the rules see it: text, tree, tokens (comments on the hidden channel), crate,
 * settings, the workspace index, and the unsafe facts built once for all rules.
 */
public final class FileModel {
    private final SourceDocument document;
    private final SourceText source;
    private final ParsedFile parsed;
    private final TokenOffsets offsets;
    private final WorkspaceIndex index;
    private final AnalysisSettings settings;
    private final Comments comments;
    private UnsafeFacts facts;

    public FileModel(SourceDocument document, SourceText source, ParsedFile parsed, WorkspaceIndex index,
                     AnalysisSettings settings) {
        this.document = document;
        this.source = source;
        this.parsed = parsed;
        this.offsets = new TokenOffsets(source.text());
        this.index = index;
        this.settings = settings;
        this.comments = new Comments(this);
    }

    public Path path() {
        return document.path();
    }

    public SourceText source() {
        return source;
    }

    public ParsedFile parsed() {
        return parsed;
    }

    public CrateInfo crate() {
        return document.crate();
    }

    public Edition edition() {
        return parsed.edition();
    }

    public WorkspaceIndex index() {
        return index;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    public Comments comments() {
        return comments;
    }

    /** The unsafe facts of this file, computed on first use. */
    public UnsafeFacts facts() {
        if (facts == null) {
            facts = UnsafeFacts.of(this);
        }
        return facts;
    }

    /** UTF-16 offset where a token starts. */
    public int startOf(Token token) {
        return offsets.toUtf16(token.getStartIndex());
    }

    /** UTF-16 offset just after a token. */
    public int endOf(Token token) {
        return offsets.toUtf16(token.getStopIndex() + 1);
    }

    public TextRange rangeOf(Token token) {
        return new TextRange(startOf(token), Math.max(startOf(token), endOf(token)));
    }

    public TextRange rangeOf(Token first, Token last) {
        int start = startOf(first);
        int end = last == null || last.getStopIndex() < last.getStartIndex() ? start : endOf(last);
        return new TextRange(start, Math.max(start, end));
    }

    public TextRange rangeOf(ParserRuleContext ctx) {
        return rangeOf(ctx.getStart(), ctx.getStop());
    }

    public TextRange rangeOf(TerminalNode node) {
        return rangeOf(node.getSymbol());
    }

    public String textOf(ParserRuleContext ctx) {
        return source.slice(rangeOf(ctx));
    }

    public TextPosition positionOf(int offset) {
        return source.positionAt(offset);
    }
}
