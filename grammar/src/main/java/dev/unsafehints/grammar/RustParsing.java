package dev.unsafehints.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Rust source in stages: SLL prediction with bail-out first (fast, enough for nearly all
 * real files); when it fails, the same again with full-LL prediction in the top-level item where
 * it failed, and item by item from there on, each fast first; when an item fails in full LL too,
 * the file has a syntax error, and a last parse with full LL and error recovery finds them all.
 * Full-LL prediction is bounded ({@link BoundedFullPrediction}), so every stage takes time linear
 * in the file's size.
 *
 * <p>Thread-safe: every call builds its own lexer and parser; they share ANTLR's lookahead caches,
 * which {@link PredictionCache} keeps bounded.
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
        return parse(text, edition, null);
    }

    /**
     * Parses the text as {@link #parse(String, Edition)} does, twice, with lookahead caches of its
     * own that start empty, and counts the work the predictions of the second parse did: a measure
     * of parsing cost that does not depend on the machine, its load, or what was parsed before. The
     * first parse fills the caches; what it costs more grows with the number of different shapes of
     * code (a deeper generic type is a new one), which the shared caches of a process keep.
     */
    public static ParseWork measureWork(String text, Edition edition) {
        ParseWork.Counter counter = new ParseWork.Counter();
        PredictionCache.Generation caches = new PredictionCache.Generation(counter);
        parse(text, edition, null, -1, caches, java.util.Set.of());
        counter.reset();
        ParsedFile parsed = parse(text, edition, null, -1, caches, java.util.Set.of());
        return counter.result(parsed.tokens().size());
    }

    /**
     * Parses all but the bodies of functions that cannot hold unsafe code: they are empty in the
     * tree, and their syntax errors are not reported (see {@link BodySkippingTokenSource}). What an
     * analysis of unsafe code needs, at a fraction of the cost of {@link #parse}.
     */
    public static ParsedFile parseUnsafeRelevant(String text, Edition edition) {
        return parseUnsafeRelevant(text, edition, -1, java.util.Set.of());
    }

    /**
     * As {@link #parseUnsafeRelevant(String, Edition)}, keeping also the bodies that call one of
     * {@code macroSigns} (the crate's macros whose expansions write `unsafe`).
     */
    public static ParsedFile parseUnsafeRelevant(String text, Edition edition, java.util.Set<String> macroSigns) {
        return parseUnsafeRelevant(text, edition, -1, macroSigns);
    }

    /**
     * As {@link #parseUnsafeRelevant(String, Edition)}, but every function body is left out except
     * the one whose `{` is at code point {@code focus} (and the bodies nested in it, judged as
     * usual): for re-analysing one edited function. {@link ParsedFile#bodies()} says what was left
     * out and where the focused body ends.
     */
    public static ParsedFile parseUnsafeRelevant(String text, Edition edition, int focus) {
        return parseUnsafeRelevant(text, edition, focus, java.util.Set.of());
    }

    /** As {@link #parseUnsafeRelevant(String, Edition, int)}, with macro names that are signs of unsafe code. */
    public static ParsedFile parseUnsafeRelevant(String text, Edition edition, int focus, java.util.Set<String> macroSigns) {
        PredictionCache.Generation caches = PredictionCache.current();
        try {
            return parse(text, edition, BodySkippingTokenSource.Mode.SAFE_BODIES, focus, caches, macroSigns);
        } finally {
            PredictionCache.afterParse(caches);
        }
    }

    /**
     * Parses what a file declares and skips what its functions do: the tree has every item, but
     * each function body is empty (see {@link BodySkippingTokenSource}). For indexing a workspace,
     * where only signatures matter, this is several times faster than {@link #parse}.
     */
    public static ParsedFile parseDeclarations(String text, Edition edition) {
        return parse(text, edition, BodySkippingTokenSource.Mode.ALL_BODIES);
    }

    /** A parse and the lexer's tokens it was made from, for another parse of the same text. */
    public record Lexed(ParsedFile parsed, LexedSource lexed) {
    }

    /**
     * As {@link #parseDeclarations(String, Edition)}, keeping also the lexer's tokens
     * ({@link Lexed#lexed()}), from which {@link #parseUnsafeRelevant(LexedSource, java.util.Set)}
     * parses the same text again without lexing it.
     */
    public static Lexed parseDeclarationsKeepingTokens(String text, Edition edition) {
        PredictionCache.Generation caches = PredictionCache.current();
        try {
            LexedSource[] lexed = new LexedSource[1];
            ParsedFile parsed = parse(text, edition, BodySkippingTokenSource.Mode.ALL_BODIES, -1, caches,
                    java.util.Set.of(), null, lexed);
            return new Lexed(parsed, lexed[0]);
        } finally {
            PredictionCache.afterParse(caches);
        }
    }

    /**
     * As {@link #parseUnsafeRelevant(String, Edition, java.util.Set)} on the text that {@code lexed}
     * was lexed from, for its edition, replaying its tokens instead of lexing it again. The caller
     * makes sure that it is that text ({@link LexedSource#isOf}).
     */
    public static ParsedFile parseUnsafeRelevant(String text, LexedSource lexed, java.util.Set<String> macroSigns) {
        if (!lexed.mayBeOf(text)) { // the caller checked the text whole (LexedSource.isOf)
            throw new IllegalArgumentException("the tokens were lexed from another text");
        }
        PredictionCache.Generation caches = PredictionCache.current();
        try {
            return parse(text, lexed.edition(), BodySkippingTokenSource.Mode.SAFE_BODIES, -1, caches, macroSigns,
                    lexed, null);
        } finally {
            PredictionCache.afterParse(caches);
        }
    }

    /**
     * Parses a run of tokens already lexed from a file (a macro's arguments, say) with one rule of
     * the grammar, by the fast stage alone and with the shared caches. The tokens are not
     * renumbered. Returns empty when they do not fit the rule: a fragment has no second stage.
     */
    public static <T> java.util.Optional<T> parseFragment(List<? extends Token> tokens,
                                                          java.util.function.Function<RustParser, T> rule) {
        return parseFragment(new ListTokenSource(tokens), rule);
    }

    /**
     * As {@link #parseFragment(List, java.util.function.Function)}, leaving out the bodies of the
     * functions in the tokens that cannot hold unsafe code, as {@link #parseUnsafeRelevant} does
     * for a file: what a macro's expansion writes is mostly such functions.
     */
    public static <T> java.util.Optional<T> parseUnsafeRelevantFragment(List<? extends Token> tokens,
            java.util.Set<String> macroSigns, java.util.function.Function<RustParser, T> rule) {
        return parseFragment(new BodySkippingTokenSource(new ListTokenSource(tokens), BodySkippingTokenSource.Mode.SAFE_BODIES)
                .withMacroSigns(macroSigns), rule);
    }

    private static <T> java.util.Optional<T> parseFragment(TokenSource source,
                                                           java.util.function.Function<RustParser, T> rule) {
        PredictionCache.Generation caches = PredictionCache.current();
        try {
            RustParser parser = new RustParser(new CommonTokenStream(source));
            caches.installFast(parser);
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            parser.resetContext();
            return java.util.Optional.ofNullable(rule.apply(parser));
        } catch (ParseCancellationException | RecognitionException notThisRule) {
            return java.util.Optional.empty();
        } finally {
            PredictionCache.afterParse(caches);
        }
    }

    private static ParsedFile parse(String text, Edition edition, BodySkippingTokenSource.Mode skip) {
        PredictionCache.Generation caches = PredictionCache.current();
        try {
            return parse(text, edition, skip, -1, caches, java.util.Set.of());
        } finally {
            PredictionCache.afterParse(caches);
        }
    }

    private static ParsedFile parse(String text, Edition edition, BodySkippingTokenSource.Mode skip, int focus,
                                    PredictionCache.Generation caches, java.util.Set<String> macroSigns) {
        return parse(text, edition, skip, focus, caches, macroSigns, null, null);
    }

    /**
     * The one parse all others are: the tokens come from {@code replayed} when given (a text lexed
     * before), else from a new lexer, whose tokens {@code lexed[0]} receives when it is given.
     */
    private static ParsedFile parse(String text, Edition edition, BodySkippingTokenSource.Mode skip, int focus,
                                    PredictionCache.Generation caches, java.util.Set<String> macroSigns,
                                    LexedSource replayed, LexedSource[] lexed) {
        List<SyntaxError> errors = new ArrayList<>();
        TokenSource source;
        RustLexer lexer = null;
        LexedSource.Recorder recorder = null;
        if (replayed != null) {
            source = replayed.replay();
        } else {
            lexer = new RustLexer(CharStreams.fromString(blankShebang(text)));
            caches.install(lexer);
            lexer.setEdition(edition);
            lexer.removeErrorListeners();
            lexer.addErrorListener(new Collector(errors));
            source = lexer;
            if (lexed != null) {
                recorder = new LexedSource.Recorder(lexer);
                source = recorder;
            }
        }
        BodySkippingTokenSource skipping = skip == null ? null : new BodySkippingTokenSource(source, skip, focus).withMacroSigns(macroSigns);
        CommonTokenStream tokens = new CommonTokenStream(skipping == null ? source : skipping);
        tokens.fill();
        if (replayed != null) {
            errors.addAll(replayed.errors());
        } else {
            errors.addAll(lexer.lexicalErrors());
            if (recorder != null) {
                lexed[0] = recorder.finish(text, edition, errors);
            }
        }
        SyntaxError tooDeep = NestingLimit.check(tokens.getTokens(), NestingLimit.MAX_DEPTH);
        if (tooDeep != null) {
            return new ParsedFile(emptyCrate(tokens), tokens, List.of(tooDeep), false, edition,
                    skipping == null ? FunctionBodies.NONE : skipping.bodies(), lexedCode(tokens, skipping));
        }

        RustParser parser = new RustParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        FastPrediction fast = caches.fast(parser);
        BoundedFullPrediction full = caches.full(parser, tokens.size(), fast);
        parser.setInterpreter(fast);
        parser.resetContext();
        RustParser.CrateContext tree;
        boolean fullLL = false;
        try {
            tree = parser.crate();
        } catch (ParseCancellationException slowPath) {
            fullLL = true;
            FastStageFailure[] failure = {FastStageFailure.of(slowPath, fast)};
            tree = itemByItem(parser, tokens, fast, full, failure);
            if (tree == null) {
                tree = parseRecovering(parser, tokens, full, failure[0], errors);
            }
        }
        errors.sort(Comparator.comparingInt(SyntaxError::line).thenComparingInt(SyntaxError::column));
        return new ParsedFile(tree, tokens, List.copyOf(errors), fullLL, edition,
                skipping == null ? FunctionBodies.NONE : skipping.bodies(), lexedCode(tokens, skipping));
    }

    /**
     * Finishes a parse that the fast stage gave up on in a top-level item: that item again with
     * full-LL prediction, then each following item fast, and in full LL if it fails. Every item is
     * parsed at most twice, so the time stays linear. Returns null if the file has a syntax error
     * (an item fails in full LL too, or the failure is not inside an item); {@code failure[0]} is
     * then the fast stage's failure in that item, the one the error messages start from.
     */
    private static RustParser.CrateContext itemByItem(RustParser parser, CommonTokenStream tokens,
                                                      FastPrediction fast, BoundedFullPrediction full,
                                                      FastStageFailure[] failure) {
        if (!(failure[0].exception().getCause() instanceof RecognitionException e)
                || failedItem(e) == null) {
            return null;
        }
        RustParser.ItemContext item = failedItem(e);
        RustParser.CrateContext crate = (RustParser.CrateContext) item.getParent();
        crate.removeLastChild(); // the item that failed, which was being built
        crate.exception = null;
        tokens.seek(item.getStart().getTokenIndex());
        try {
            parser.setInterpreter(full);
            parser.itemOf(crate);
            while (tokens.LA(1) != Token.EOF) {
                int start = tokens.index();
                parser.setInterpreter(fast);
                try {
                    parser.itemOf(crate);
                } catch (ParseCancellationException slowPath) {
                    failure[0] = FastStageFailure.of(slowPath, fast);
                    crate.removeLastChild();
                    tokens.seek(start);
                    parser.setInterpreter(full);
                    parser.itemOf(crate);
                }
            }
            parser.endOf(crate);
            return crate;
        } catch (ParseCancellationException syntaxError) {
            return null;
        }
    }

    /** The top-level item in which a parse failed, or null if it failed between items. */
    private static RustParser.ItemContext failedItem(RecognitionException e) {
        for (ParserRuleContext c = (ParserRuleContext) e.getCtx(); c != null; c = c.getParent()) {
            if (c instanceof RustParser.ItemContext item && c.getParent() instanceof RustParser.CrateContext) {
                return item;
            }
        }
        return null;
    }

    /** The last stage, for a file with syntax errors: full LL with error recovery, from the start. */
    private static RustParser.CrateContext parseRecovering(RustParser parser, CommonTokenStream tokens,
                                                           BoundedFullPrediction full, FastStageFailure failure,
                                                           List<SyntaxError> errors) {
        parser.setInterpreter(full);
        tokens.seek(0);
        parser.reset();
        parser.resetContext();
        List<SyntaxError> parseErrors = new ArrayList<>();
        parser.addErrorListener(new Collector(parseErrors));
        parser.setErrorHandler(new RustErrorStrategy());
        RustParser.CrateContext tree = parser.crate();
        List<SyntaxError> merged = afterFastStageError(failure, tokens, parseErrors);
        if (!merged.isEmpty() && full.firstCapped() >= 0) {
            merged.add(tooComplex(tokens.get(full.firstCapped())));
        }
        addParseErrors(errors, merged);
        return tree;
    }

    private static List<Token> lexedCode(CommonTokenStream tokens, BodySkippingTokenSource skipping) {
        if (skipping != null) {
            return skipping.lexedCode();
        }
        List<Token> code = new ArrayList<>();
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                code.add(t);
            }
        }
        return code;
    }

    /**
     * The errors of a file that the fast stage could not parse. The fast stage stops at the first
     * token that does not fit the reading it has followed, or its predictions found the furthest token
     * that fits no reading: that is where the mistake is. The full-LL stage, which goes on to recover and find the
     * later errors, sometimes reports the first one a few tokens early (where a decision began). So the
     * fast stage's error replaces any of the full stage's before it. If the full stage finds no error,
     * the file is valid and the fast stage had merely read it the wrong way.
     */
    private static List<SyntaxError> afterFastStageError(FastStageFailure stop, CommonTokenStream tokens,
                                                         List<SyntaxError> full) {
        if (full.isEmpty() || !(stop.exception().getCause() instanceof RecognitionException e)
                || e.getOffendingToken() == null) {
            return new ArrayList<>(full);
        }
        Token at = e.getOffendingToken();
        String message = SyntaxMessages.of(e);
        if (stop.furthestFailure() > at.getTokenIndex()) {
            at = tokens.get(stop.furthestFailure());
            message = SyntaxMessages.unexpected(null, at, stop.furthestExpected());
        }
        List<SyntaxError> merged = new ArrayList<>();
        merged.add(new SyntaxError(at.getLine(), at.getCharPositionInLine(), at.getStartIndex(), at.getStopIndex(),
                "syntax error: " + message));
        for (SyntaxError later : full) {
            if (later.startIndex() > at.getStartIndex()) {
                merged.add(later);
            }
        }
        return merged;
    }

    /**
     * The note added to a file with syntax errors when the full-LL stage cut a decision short (see
     * BoundedFullPrediction): the errors after it may come from that, not from the code.
     */
    private static SyntaxError tooComplex(Token at) {
        return new SyntaxError(at.getLine(), at.getCharPositionInLine(), at.getStartIndex(), at.getStopIndex(),
                "too complex to parse: the parser stopped looking ahead here after "
                        + BoundedFullPrediction.DECISION_BUDGET + " steps and read the code the simple way;"
                        + " syntax errors and findings from here to the end of this item may be wrong");
    }

    /** How the fast stage first failed, kept for the messages of the recovering stage. */
    private record FastStageFailure(ParseCancellationException exception, int furthestFailure,
                                    IntervalSet furthestExpected) {
        static FastStageFailure of(ParseCancellationException exception, FastPrediction fast) {
            return new FastStageFailure(exception, fast.furthestFailure(), fast.furthestExpected());
        }
    }

    /** Adds the parser's errors, except those at a token the lexer already reported. */
    private static void addParseErrors(List<SyntaxError> errors, List<SyntaxError> parseErrors) {
        for (SyntaxError e : parseErrors) {
            boolean known = false;
            for (SyntaxError lexical : errors) {
                if (lexical.startIndex() == e.startIndex()) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                errors.add(e);
            }
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
        // "#![" (possibly with whitespace between) is an inner attribute, not a shebang.
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
            errors.add(new SyntaxError(line, column, start, stop, "syntax error: " + msg));
        }
    }
}
