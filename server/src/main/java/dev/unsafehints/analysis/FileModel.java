package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.ModulePaths;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
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
    private FileDeclarations declarations;

    /** Converts the parse's code point indices to this text's UTF-16 offsets. */
    public TokenOffsets offsets() {
        return offsets;
    }

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
            try {
                facts = UnsafeFacts.of(this);
            } catch (StackOverflowError e) {
                if (Boolean.getBoolean("unsafehints.debug")) {
                    StackTraceElement[] st = e.getStackTrace();
                    for (int i = 0; i < Math.min(40, st.length); i++) {
                        System.err.println("  at " + st[i]);
                    }
                }
                facts = new UnsafeFacts();
                factsFailure = "the file nests too deeply to analyze; no findings are reported for it";
            }
        }
        return facts;
    }

    private String factsFailure;
    private List<MacroTextUnsafe.Site> macroTextUnsafe;

    /** The unsafe code in the transcribers of this file's `macro_rules!`, read once (two rules look at it). */
    public List<MacroTextUnsafe.Site> macroTextUnsafe() {
        if (macroTextUnsafe == null) {
            macroTextUnsafe = MacroTextUnsafe.read(this);
        }
        return macroTextUnsafe;
    }

    /** Why the facts are empty although the file may hold unsafe code, or null. */
    public String factsFailure() {
        return factsFailure;
    }

    /**
     * Declarations already known to be this text's (those of the previous version, moved, after an
     * edit inside a function body, which declares nothing): then they are not collected again.
     */
    public void useDeclarations(FileDeclarations known) {
        this.declarations = known;
    }

    /** The items of this file that other files need (functions, statics, unions, imports). */
    public FileDeclarations declarations() {
        if (declarations == null) {
            // the scanner indexes every file before analyzing it: no need to collect them again
            declarations = index.declarationsOf(document.crate(), document.path(), source.text())
                    .orElseGet(() -> FileDeclarations.of(document.path(), ModulePaths.of(document.path(),
                            document.crate()), parsed, source.text(), offsets, source));
        }
        return declarations;
    }

    /** The doc comments of an item of this file (what `///` and `#[doc]` say about it). */
    public String docsOf(org.antlr.v4.runtime.ParserRuleContext holder) {
        return FileDeclarations.docsOf(parsed, holder);
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
        if (ctx.getStart() instanceof dev.unsafehints.macros.ExpandedToken
                || ctx.getStop() instanceof dev.unsafehints.macros.ExpandedToken) {
            return ExpansionText.of(ctx); // partly written by a macro: its tokens, not the call's text
        }
        return source.slice(rangeOf(ctx));
    }

    /**
     * Whether items of this file can be public API of a library: false for binaries, tests,
     * examples and benches, and for modules declared without plain `pub` on the way from the root.
     */
    public boolean isExported() {
        if (exported == null) {
            exported = computeExported();
        }
        return exported;
    }

    private Boolean exported;
    private WorkspaceIndex.CrateDeclarations crateView;

    /** What the file's crate declares, this file's declarations included; merged once per analysis. */
    public WorkspaceIndex.CrateDeclarations crateView() {
        if (crateView == null) {
            crateView = index.crate(document.crate(), declarations());
        }
        return crateView;
    }

    private boolean computeExported() {
        CrateInfo crate = document.crate();
        if (crate.root() == null || document.path() == null) {
            return true;
        }
        java.nio.file.Path abs = document.path().toAbsolutePath().normalize();
        java.nio.file.Path src = crate.root().resolve("src");
        if (!abs.startsWith(src) || abs.equals(src.resolve("main.rs")) || abs.startsWith(src.resolve("bin"))) {
            return false;
        }
        return crateView().isModuleExported(declarations().fileModulePath());
    }

    /** The offset of the first line of the item at {@code offset}, above its attribute lines. */
    public int firstLineOfItem(int offset) {
        int line = source.lineOf(offset);
        while (line > 0) {
            String above = source.lineText(line - 1).strip();
            if (!(above.startsWith("#[") || above.startsWith("#![") || above.endsWith(")]") && !above.startsWith("//"))) {
                break;
            }
            line--;
        }
        return source.lineStart(line);
    }

    public TextPosition positionOf(int offset) {
        return source.positionAt(offset);
    }
}
