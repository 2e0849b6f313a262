package dev.unsafehints.macros;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * A token that a macro's transcriber wrote (not one the user passed in): its kind and text are the
 * definition's, its position is the macro call's, as rustc reports what an expansion does at the
 * call site. Not a {@code WritableToken}, so the streams of sub-parses cannot renumber it.
 * A local the macro's text binds gets a name of its own expansion ({@link LocalHygiene}), so that
 * it is never the caller's local of the same spelling; {@link #writtenText()} is the spelling.
 */
public final class ExpandedToken implements Token {
    private final int type;
    private final String text;
    private final CallSite site;
    /** The name the analysis resolves: the written text, or a hygienic name (see {@link LocalHygiene}). */
    private String name;

    public ExpandedToken(int type, String text, CallSite site) {
        this.type = type;
        this.text = text;
        this.site = site;
        this.name = text;
    }

    /** The token as the macro's text spells it, for messages. */
    public String writtenText() {
        return text;
    }

    /** Gives a local the macro's text binds a name no token of another expansion or of the file has. */
    void rename(String hygienicName) {
        this.name = hygienicName;
    }

    /** The name of the macro whose transcriber wrote this token (without `!`). */
    public String macroName() {
        return site.macroName();
    }

    public CallSite site() {
        return site;
    }

    @Override public String getText() { return name; }
    @Override public int getType() { return type; }
    @Override public int getLine() { return site.line(); }
    @Override public int getCharPositionInLine() { return site.column(); }
    @Override public int getChannel() { return Token.DEFAULT_CHANNEL; }
    @Override public int getTokenIndex() { return site.tokenIndex(); }
    @Override public int getStartIndex() { return site.startIndex(); }
    @Override public int getStopIndex() { return site.stopIndex(); }
    @Override public TokenSource getTokenSource() { return site.first().getTokenSource(); }
    @Override public CharStream getInputStream() { return site.first().getInputStream(); }
    @Override public String toString() { return "[" + text + " from " + site.macroName() + "!]"; }
}
