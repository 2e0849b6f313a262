package dev.unsafehints.grammar;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Tells the parts of a tree that the parser's error recovery built: after a syntax error a rule
 * may end early (its context carries the exception) or miss a token (an error node stands in), so
 * any child a well-formed node has may be absent. Code that walks trees uses this to skip such a
 * part when it trips over a gap, while still failing loudly on well-formed code.
 */
public final class Recovery {
    private Recovery() {
    }

    /** True when the subtree holds a rule that failed or a token the parser had to conjure or skip. */
    public static boolean isIncomplete(ParseTree node) {
        if (node instanceof ErrorNode) {
            return true;
        }
        if (!(node instanceof ParserRuleContext ctx)) {
            return false;
        }
        if (ctx.exception != null) {
            return true;
        }
        if (ctx.children != null) {
            for (ParseTree child : ctx.children) {
                if (isIncomplete(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
