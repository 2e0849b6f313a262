package dev.unsafehints.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * A read-only view of a token from the file's stream: the sub-parser's token stream must not
 * renumber it, so positions and comment lookups keep working against the whole file.
 */
public final class FileToken implements Token {
    private final Token token;

    public FileToken(Token token) {
        this.token = token;
    }

    @Override public String getText() { return token.getText(); }
    @Override public int getType() { return token.getType(); }
    @Override public int getLine() { return token.getLine(); }
    @Override public int getCharPositionInLine() { return token.getCharPositionInLine(); }
    @Override public int getChannel() { return token.getChannel(); }
    @Override public int getTokenIndex() { return token.getTokenIndex(); }
    @Override public int getStartIndex() { return token.getStartIndex(); }
    @Override public int getStopIndex() { return token.getStopIndex(); }
    @Override public TokenSource getTokenSource() { return token.getTokenSource(); }
    @Override public CharStream getInputStream() { return token.getInputStream(); }
    @Override public String toString() { return token.toString(); }
}
