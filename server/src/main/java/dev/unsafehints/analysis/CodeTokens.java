package dev.unsafehints.analysis;

import dev.unsafehints.parse.TokenOffsets;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The code tokens of a file (comments and whitespace left out, the tokens of function bodies the
 * parse left out included) as three compact arrays: token type and UTF-16 start and end. The
 * analysis keeps them from its parse so that report code that reads tokens (item scopes for
 * fingerprints) does not lex the file again, and does not hold the parse tree alive; the language
 * server's {@code engine.CommentEdit} finds in them the gap an edit lies in.
 */
public record CodeTokens(int[] types, int[] starts, int[] ends) {
    public static final CodeTokens NONE = new CodeTokens(new int[0], new int[0], new int[0]);

    /** The default-channel tokens of {@code tokens}, end of file excluded. */
    public static CodeTokens of(List<? extends Token> tokens, TokenOffsets offsets) {
        int n = tokens.size();
        int[] t = new int[n];
        int[] s = new int[n];
        int[] e = new int[n];
        int count = 0;
        for (Token token : tokens) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL || token.getType() == Token.EOF) {
                continue;
            }
            t[count] = token.getType();
            s[count] = offsets.toUtf16(token.getStartIndex());
            e[count] = offsets.toUtf16(token.getStopIndex() + 1);
            count++;
        }
        return new CodeTokens(Arrays.copyOf(t, count), Arrays.copyOf(s, count), Arrays.copyOf(e, count));
    }

    public int size() {
        return types.length;
    }
}
