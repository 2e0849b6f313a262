package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The type an `e as _` cast gets from where its value goes. At a coercion site `_` unifies with
 * the expected type, so the cast's type is that type: the enclosing fn's declared return type for
 * its tail expression (also through `unsafe { .. }` / `{ .. }` blocks that are the tail) or for a
 * `return`, and a `let`'s declared type for its initializer. Other sites give null.
 */
final class InferredCastType {
    private InferredCastType() {
    }

    /** The raw pointer type a `.. as _` cast takes, or null when it is not known to be one. */
    static RustParser.RawPointerTypeContext expectedPointer(RustParser.CastExprContext cast) {
        RustParser.Type_Context type = expected(cast);
        if (type == null || type.typeNoBounds() == null) {
            return null;
        }
        RustParser.TypeNoBoundsContext t = type.typeNoBounds();
        while (t instanceof RustParser.ParenthesizedTypeContext p && p.type_().typeNoBounds() != null) {
            t = p.type_().typeNoBounds();
        }
        return t instanceof RustParser.RawPointerTypeContext raw ? raw : null;
    }

    private static RustParser.Type_Context expected(ParserRuleContext expression) {
        ParserRuleContext node = outermostParentheses(expression);
        ParseTree parent = node.getParent();
        if (parent instanceof RustParser.LetStatementContext l) {
            return l.expression() == node ? l.type_() : null;
        }
        if (parent instanceof RustParser.ReturnExprContext r) {
            return returnTypeOfEnclosingFn(r);
        }
        if (parent instanceof RustParser.ExpressionStatementContext es && es.SEMI() == null
                && es.getParent() instanceof RustParser.ExpressionStmtContext stmt
                && stmt.getParent() instanceof RustParser.BlockExpressionContext block
                && block.statement(block.statement().size() - 1) == stmt) {
            ParseTree owner = block.getParent();
            if (owner instanceof RustParser.Function_Context f) {
                return f.functionReturnType() == null ? null : f.functionReturnType().type_();
            }
            if ((owner instanceof RustParser.UnsafeBlockContext || owner instanceof RustParser.PlainBlockContext)
                    && owner.getParent() instanceof RustParser.BlockLikeExprContext value) {
                return expected(value);
            }
        }
        return null;
    }

    /** A `return` leaves the innermost fn, closure or async block; only a fn's type is declared here. */
    private static RustParser.Type_Context returnTypeOfEnclosingFn(ParserRuleContext node) {
        for (ParseTree p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.ClosureExpressionContext || p instanceof RustParser.AsyncBlockContext) {
                return null;
            }
            if (p instanceof RustParser.Function_Context f) {
                return f.functionReturnType() == null ? null : f.functionReturnType().type_();
            }
        }
        return null;
    }

    private static ParserRuleContext outermostParentheses(ParserRuleContext node) {
        ParserRuleContext n = node;
        while (n.getParent() instanceof RustParser.NestedContext nested
                && nested.getParent() instanceof RustParser.ParenthesizedExprContext paren) {
            n = paren;
        }
        return n;
    }
}
