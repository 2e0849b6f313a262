package dev.unsafehints.grammar;

import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * What the lexer made of one text, kept compactly (three ints a token, beside the text's code
 * points) so that a second parse of the same text replays the tokens instead of lexing again: the
 * scanner parses each file twice, its declarations for the index and later its unsafe-relevant
 * code for the analysis, and lexing was a third of each parse. A replayed token equals the
 * lexer's in type, channel, offsets, line, column and text.
 *
 * <p>A token's line and column are those of its first code point, as the lexer counts them (a
 * line feed starts a line), so they are read from where the text's line feeds are rather than
 * kept; a text whose tokens say otherwise keeps them too (five ints a token).
 */
public final class LexedSource {
    private static final int INTS_PER_TOKEN = 5;
    private static final int INTS_PER_TOKEN_WITHOUT_LINES = 3;

    private final int textLength;
    private final int textHash;
    private final Edition edition;
    private final CharStream input;
    private final int[] tokens;
    private final int stride; // ints a token: 3 without its line and column, 5 with them
    private final int count;
    private final int[] lineFeeds; // code point offsets of the line feeds (when lines are not kept)
    private final List<SyntaxError> errors;

    private LexedSource(String text, Edition edition, CharStream input, int[] tokens, int stride, int count,
                        int[] lineFeeds, List<SyntaxError> errors) {
        this.textLength = text.length();
        this.textHash = text.hashCode();
        this.edition = edition;
        this.input = input;
        this.tokens = tokens;
        this.stride = stride;
        this.count = count;
        this.lineFeeds = lineFeeds;
        this.errors = List.copyOf(errors);
    }

    /**
     * Whether these are the tokens of this very text lexed for this edition: the text is not kept,
     * but the code points it was lexed from are, and they are compared when length and hash agree.
     */
    public boolean isOf(String text, Edition edition) {
        return this.edition == edition && mayBeOf(text)
                && (input.size() == 0 || input.getText(Interval.of(0, input.size() - 1))
                        .equals(RustParsing.blankShebang(text)));
    }

    /** The quick part of {@link #isOf}: the text has the length and hash of the one lexed. */
    boolean mayBeOf(String text) {
        return textLength == text.length() && textHash == text.hashCode();
    }

    public Edition edition() {
        return edition;
    }

    /** About how many bytes of heap this holds: the tokens and the text's code points (a byte each, mostly). */
    public long retainedBytes() {
        return 64L + 4L * tokens.length + 4L * lineFeeds.length + textLength;
    }

    /** The lexical errors, in the order the lexer reported them. */
    List<SyntaxError> errors() {
        return errors;
    }

    /** A token source that hands out the recorded tokens, the end of file last. */
    TokenSource replay() {
        return new Replay();
    }

    /** Records the tokens a lexer hands out, to be kept once it has handed out the end of file. */
    static final class Recorder implements TokenSource {
        private final TokenSource lexer;
        private int[] tokens = new int[INTS_PER_TOKEN * 1024];
        private int count;
        private boolean ended;

        Recorder(TokenSource lexer) {
            this.lexer = lexer;
        }

        @Override
        public Token nextToken() {
            Token t = lexer.nextToken();
            if (ended) {
                return t;
            }
            int at = count * INTS_PER_TOKEN;
            if (at + INTS_PER_TOKEN > tokens.length) {
                tokens = Arrays.copyOf(tokens, tokens.length * 2);
            }
            // types are small and channels 0 or 1 (hidden): one int holds both
            tokens[at] = (t.getType() & 0xFFFF) | (t.getChannel() << 16);
            tokens[at + 1] = t.getStartIndex();
            tokens[at + 2] = t.getStopIndex();
            tokens[at + 3] = t.getLine();
            tokens[at + 4] = t.getCharPositionInLine();
            count++;
            ended = t.getType() == Token.EOF;
            return t;
        }

        /** The recorded tokens, or null when the lexer did not reach the end of the text. */
        LexedSource finish(String text, Edition edition, List<SyntaxError> errors) {
            if (!ended) {
                return null;
            }
            CharStream input = lexer.getInputStream();
            int[] lineFeeds = lineFeeds(input, text);
            if (!linesFollowLineFeeds(lineFeeds)) {
                return new LexedSource(text, edition, input, Arrays.copyOf(tokens, count * INTS_PER_TOKEN),
                        INTS_PER_TOKEN, count, new int[0], errors);
            }
            int[] compact = new int[count * INTS_PER_TOKEN_WITHOUT_LINES];
            for (int i = 0; i < count; i++) {
                System.arraycopy(tokens, i * INTS_PER_TOKEN, compact, i * INTS_PER_TOKEN_WITHOUT_LINES,
                        INTS_PER_TOKEN_WITHOUT_LINES);
            }
            return new LexedSource(text, edition, input, compact, INTS_PER_TOKEN_WITHOUT_LINES, count, lineFeeds,
                    errors);
        }

        private static int[] lineFeeds(CharStream input, String text) {
            int[] feeds = new int[64];
            int n = 0;
            if (input.size() == text.length()) { // no code point takes two chars: offsets are the text's
                for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
                    if (n == feeds.length) {
                        feeds = Arrays.copyOf(feeds, n * 2);
                    }
                    feeds[n++] = at;
                }
                return Arrays.copyOf(feeds, n);
            }
            String all = input.size() == 0 ? "" : input.getText(Interval.of(0, input.size() - 1));
            int offset = 0; // in code points
            for (int i = 0; i < all.length(); offset++) {
                int c = all.codePointAt(i);
                if (c == '\n') {
                    if (n == feeds.length) {
                        feeds = Arrays.copyOf(feeds, n * 2);
                    }
                    feeds[n++] = offset;
                }
                i += Character.charCount(c);
            }
            return Arrays.copyOf(feeds, n);
        }

        /** Whether every token's line and column are where its start is, counted from the line feeds. */
        private boolean linesFollowLineFeeds(int[] lineFeeds) {
            LineCursor cursor = new LineCursor(lineFeeds);
            for (int i = 0; i < count; i++) {
                int at = i * INTS_PER_TOKEN;
                if (!cursor.moveTo(tokens[at + 1]) || cursor.line != tokens[at + 3] || cursor.column != tokens[at + 4]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int getLine() {
            return lexer.getLine();
        }

        @Override
        public int getCharPositionInLine() {
            return lexer.getCharPositionInLine();
        }

        @Override
        public CharStream getInputStream() {
            return lexer.getInputStream();
        }

        @Override
        public String getSourceName() {
            return lexer.getSourceName();
        }

        @Override
        public void setTokenFactory(TokenFactory<?> factory) {
            lexer.setTokenFactory(factory);
        }

        @Override
        public TokenFactory<?> getTokenFactory() {
            return lexer.getTokenFactory();
        }
    }

    /**
     * Line and column of code point offsets met in increasing order, from the line feeds' offsets:
     * the lexer's count (lines from 1, columns from 0, a line feed ends its line).
     */
    private static final class LineCursor {
        private final int[] lineFeeds;
        private int feedsBefore; // line feeds before the last offset moved to
        private int last = -1;
        int line = 1;
        int column;

        LineCursor(int[] lineFeeds) {
            this.lineFeeds = lineFeeds;
        }

        /** False when {@code offset} lies before the last one (then nothing moved). */
        boolean moveTo(int offset) {
            if (offset < last) {
                return false;
            }
            last = offset;
            while (feedsBefore < lineFeeds.length && lineFeeds[feedsBefore] < offset) {
                feedsBefore++;
            }
            line = feedsBefore + 1;
            column = feedsBefore == 0 ? offset : offset - lineFeeds[feedsBefore - 1] - 1;
            return true;
        }
    }

    private final class Replay implements TokenSource {
        private final Pair<TokenSource, CharStream> source = new Pair<>(this, input);
        private final LineCursor lines = new LineCursor(lineFeeds);
        private int next;
        private int line = 1; // of the last token handed out
        private int column;

        @Override
        public Token nextToken() {
            int i = Math.min(next, count - 1); // after the end of file, the end of file again, as a lexer does
            next = i + 1;
            int at = i * stride;
            int packed = tokens[at];
            int type = packed & 0xFFFF;
            CommonToken t = new CommonToken(source, type == 0xFFFF ? Token.EOF : type, packed >>> 16,
                    tokens[at + 1], tokens[at + 2]);
            if (stride == INTS_PER_TOKEN) {
                line = tokens[at + 3];
                column = tokens[at + 4];
            } else {
                lines.moveTo(tokens[at + 1]); // in order: recording checked it
                line = lines.line;
                column = lines.column;
            }
            t.setLine(line);
            t.setCharPositionInLine(column);
            return t;
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getCharPositionInLine() {
            return column;
        }

        @Override
        public CharStream getInputStream() {
            return input;
        }

        @Override
        public String getSourceName() {
            return input.getSourceName();
        }

        @Override
        public void setTokenFactory(TokenFactory<?> factory) {
            // the recorded tokens are made as the lexer's default factory makes them
        }

        @Override
        public TokenFactory<?> getTokenFactory() {
            return CommonTokenFactory.DEFAULT;
        }
    }
}
