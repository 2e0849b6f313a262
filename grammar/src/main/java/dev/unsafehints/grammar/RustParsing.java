package dev.unsafehints.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Rust source in two stages: SLL prediction with bail-out first (fast, enough for nearly
 * all real files), then full LL with error recovery only when the first stage fails.
 *
 * <p>A file nested deeper than {@link NestingLimit#MAX_DEPTH} levels is not parsed: its tree is
 * that of an empty file and its one syntax error says why.
 *
 * <p>A shebang line and a byte order mark are blanked to spaces before lexing, so offsets and
 * columns stay those of the original text.
 */
public final class RustParsing {
    private RustParsing() {
    }

    public static ParsedFile parse(String text, Edition edition) {
        CharStream chars = CharStreams.fromString(blankShebang(text));
        RustLexer lexer = new RustLexer(chars);
        lexer.setEdition(edition);
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        SyntaxError tooDeep = NestingLimit.check(tokens.getTokens(), NestingLimit.MAX_DEPTH);
        if (tooDeep != null) {
            return new ParsedFile(emptyCrate(tokens), tokens, List.of(tooDeep), false, edition);
        }

        RustParser parser = new RustParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            parser.resetContext();
            RustParser.CrateContext tree = parser.crate();
            return new ParsedFile(tree, tokens, List.of(), false, edition);
        } catch (ParseCancellationException slowPath) {
            tokens.seek(0);
            parser.reset();
            parser.resetContext();
            List<SyntaxError> errors = new ArrayList<>();
            parser.addErrorListener(new Collector(errors));
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            RustParser.CrateContext tree = parser.crate();
            return new ParsedFile(tree, tokens, List.copyOf(errors), true, edition);
        }
    }

    /**
     * The tree of an empty file, for a file that is not parsed: a crate holding only the end of
     * file (a copy of the real one, so positions taken from the tree stay those of the text).
     */
    private static RustParser.CrateContext emptyCrate(CommonTokenStream tokens) {
        Token realEof = tokens.get(tokens.size() - 1);
        CommonToken eof = new CommonToken(realEof);
        RustParser parser = new RustParser(new CommonTokenStream(new ListTokenSource(List.of(eof))));
        parser.removeErrorListeners();
        RustParser.CrateContext tree = parser.crate();
        eof.setTokenIndex(realEof.getTokenIndex());
        return tree;
    }

    /** Replaces a first-line shebang ("#!" not followed by "[") with spaces. */
    static String blankShebang(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        if (!text.startsWith("#!", start)) {
            return text;
        }
        int i = start + 2;
        // "#![" (possibly with whitespace or comments between) is an inner attribute, not a shebang.
        while (i < text.length() && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '[') {
            return text;
        }
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        StringBuilder sb = new StringBuilder(text);
        for (int k = start; k < end; k++) {
            if (sb.charAt(k) != '\r') {
                sb.setCharAt(k, ' ');
            }
        }
        return sb.toString();
    }

    private static final class Collector extends BaseErrorListener {
        private final List<SyntaxError> errors;

        Collector(List<SyntaxError> errors) {
            this.errors = errors;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            int start = -1;
            int stop = -1;
            if (offendingSymbol instanceof Token t) {
                start = t.getStartIndex();
                stop = t.getStopIndex();
            }
            errors.add(new SyntaxError(line, column, start, stop, SyntaxMessages.humanize(msg)));
        }
    }
}
