package dev.unsafehints.grammar;

import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Finds nesting that is too deep to parse, from the tokens alone, before the parser sees them.
 *
 * <p>Why: ANTLR's prediction for {@code (} (parenthesised expression or tuple?) and for a generic
 * argument (type or const expression?) looks ahead to the matching close, so a nest of depth n
 * costs O(n²) and grows the parser's shared DFA cache by O(n) states; 10,000 nested parentheses take
 * minutes. Real code nests far less (the deepest bracket nesting in the Debian Rust registry and
 * the standard library is 27), so a file beyond {@link #MAX_DEPTH} is refused with one clear
 * syntax error instead.
 *
 * <p>Depth counts {@code ( [ {} and generic angle brackets. A {@code <} counts as an opening angle
 * when it follows a name or {@code ::} ({@code Vec<}, {@code ::<}), a {@code >} closes one; angle
 * depth restarts at {@code ;}, braces and {@code =>}, so comparisons ({@code a < b}) cannot pile up
 * across statements or match arms.
 */
public final class NestingLimit {
    /** The deepest nesting that is parsed. */
    public static final int MAX_DEPTH = 256;
    /** How the message of a refused file ends. */
    public static final String NOT_ANALYZED = "the file is not analyzed";

    private NestingLimit() {
    }

    /** The error for the first token that nests deeper than {@code maxDepth}, or null if none does. */
    static SyntaxError check(List<Token> tokens, int maxDepth) {
        int brackets = 0;
        int angles = 0;
        Token previous = null;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            switch (t.getType()) {
                case RustLexer.LPAREN, RustLexer.LBRACKET -> brackets++;
                case RustLexer.LBRACE -> {
                    brackets++;
                    angles = 0;
                }
                case RustLexer.RPAREN, RustLexer.RBRACKET -> brackets = Math.max(0, brackets - 1);
                case RustLexer.RBRACE -> {
                    brackets = Math.max(0, brackets - 1);
                    angles = 0;
                }
                case RustLexer.SEMI, RustLexer.FATARROW -> angles = 0;
                case RustLexer.LT -> {
                    if (previous != null && (previous.getType() == RustLexer.PATHSEP || isName(previous))) {
                        angles++;
                    }
                }
                case RustLexer.GT -> angles = Math.max(0, angles - 1);
                default -> {
                }
            }
            if (brackets + angles > maxDepth) {
                return new SyntaxError(t.getLine(), t.getCharPositionInLine(), t.getStartIndex(), t.getStopIndex(),
                        "nesting too deep: more than " + maxDepth + " levels of brackets here;"
                                + " " + NOT_ANALYZED);
            }
            previous = t;
        }
        return null;
    }

    private static boolean isName(Token t) {
        String text = t.getText();
        return text != null && !text.isEmpty()
                && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_');
    }
}
