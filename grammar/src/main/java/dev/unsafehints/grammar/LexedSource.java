package dev.unsafehints.grammar;

import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * What the lexer made of one text, kept compactly (five ints a token, beside the text's code
 * points) so that a second parse of the same text replays the tokens instead of lexing again: the
 * scanner parses each file twice, its declarations for the index and later its unsafe-relevant
 * code for the analysis, and lexing was a third of each parse. A replayed token equals the
 * lexer's in type, channel, offsets, line, column and text.
 */
public final class LexedSource {
    private static final int INTS_PER_TOKEN = 5;

    private final String text;
    private final Edition edition;
    private final CharStream input;
    private final int[] tokens;
    private final int count;
    private final List<SyntaxError> errors;

    private LexedSource(String text, Edition edition, CharStream input, int[] tokens, int count,
                        List<SyntaxError> errors) {
        this.text = text;
        this.edition = edition;
        this.input = input;
        this.tokens = tokens;
        this.count = count;
        this.errors = List.copyOf(errors);
    }

    /** Whether these are the tokens of this very text lexed for this edition. */
    public boolean isOf(String text, Edition edition) {
        return this.edition == edition && this.text.equals(text);
    }

    public Edition edition() {
        return edition;
    }

    /** About how many bytes of heap this holds: the tokens, the text and its code points (a byte each, mostly). */
    public long retainedBytes() {
        return 64L + 4L * tokens.length + 2L * text.length();
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
            return ended ? new LexedSource(text, edition, lexer.getInputStream(),
                    Arrays.copyOf(tokens, count * INTS_PER_TOKEN), count, errors) : null;
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

    private final class Replay implements TokenSource {
        private final Pair<TokenSource, CharStream> source = new Pair<>(this, input);
        private int next;

        @Override
        public Token nextToken() {
            int i = Math.min(next, count - 1); // after the end of file, the end of file again, as a lexer does
            next = i + 1;
            int at = i * INTS_PER_TOKEN;
            int packed = tokens[at];
            int type = packed & 0xFFFF;
            CommonToken t = new CommonToken(source, type == 0xFFFF ? Token.EOF : type, packed >>> 16,
                    tokens[at + 1], tokens[at + 2]);
            t.setLine(tokens[at + 3]);
            t.setCharPositionInLine(tokens[at + 4]);
            return t;
        }

        @Override
        public int getLine() {
            return count == 0 ? 1 : tokens[Math.min(next, count - 1) * INTS_PER_TOKEN + 3];
        }

        @Override
        public int getCharPositionInLine() {
            return count == 0 ? 0 : tokens[Math.min(next, count - 1) * INTS_PER_TOKEN + 4];
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
