package dev.unsafehints.macros;

import org.antlr.v4.runtime.Token;

/**
 * Where a macro is called: the tokens the expansion's own tokens take their position from. An
 * expansion's token spans the whole call (`name!(..)`), so whatever the transcriber wrote is
 * reported at the call, and a node made of written tokens and user tokens still spans real text.
 *
 * @param macroName the macro's name, without `!`
 * @param first     the call's first token (its path)
 * @param last      the call's closing delimiter
 */
public record CallSite(String macroName, Token first, Token last) {
    public int startIndex() { return first.getStartIndex(); }
    public int stopIndex() { return last.getStopIndex(); }
    public int tokenIndex() { return first.getTokenIndex(); }
    public int line() { return first.getLine(); }
    public int column() { return first.getCharPositionInLine(); }

    /** A call site inside an expansion keeps the outermost call's position, as rustc does. */
    public static CallSite of(String macroName, Token first, Token last) {
        if (first instanceof ExpandedToken e) {
            return new CallSite(macroName, e.site().first(), e.site().last());
        }
        return new CallSite(macroName, first, last);
    }
}
