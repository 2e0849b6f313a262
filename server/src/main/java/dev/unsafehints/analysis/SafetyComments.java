package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.CommentTokens;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Decides whether a {@code SAFETY:} comment covers an unsafe block or impl, accepting it where
 * clippy's {@code undocumented_unsafe_blocks} does: on the lines directly above the block, above the
 * statement, {@code let} or item that holds it (attributes included), on the same line before
 * {@code unsafe}, or as the first thing inside the block.
 */
public final class SafetyComments {
    private SafetyComments() {
    }

    /**
     * {@code macro} is the invocation whose arguments hold the block (they are parsed apart from the
     * file's tree), or null; its statement then counts as the block's.
     */
    static boolean coversBlock(FileModel model, RustParser.UnsafeBlockContext block,
                               RustParser.MacroInvocationContext macro) {
        Comments comments = model.comments();
        if (CommentTokens.hasSafetyMarker(comments.directlyAbove(block.getStart()))) {
            return true;
        }
        // first thing inside the block
        Token open = block.blockExpression().getStart();
        List<Token> inside = model.parsed().tokens().getHiddenTokensToRight(open.getTokenIndex());
        if (inside != null && CommentTokens.hasSafetyMarker(inside)) {
            return true;
        }
        ParserRuleContext holder = holderOf(block);
        if (holder == null && macro != null && reachesRoot(block)) {
            holder = holderOf(macro);
        }
        return holder != null && CommentTokens.hasSafetyMarker(comments.directlyAbove(holder.getStart()));
    }

    static boolean coversItem(FileModel model, ParserRuleContext item, Token unsafeKeyword) {
        Comments comments = model.comments();
        return CommentTokens.hasSafetyMarker(comments.directlyAbove(item.getStart()))
                || CommentTokens.hasSafetyMarker(comments.directlyAbove(unsafeKeyword));
    }

    private static boolean reachesRoot(ParserRuleContext node) {
        for (ParseTree p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.BlockExpressionContext || p instanceof RustParser.ClosureExpressionContext) {
                return false;
            }
        }
        return true;
    }

    /** The statement, let, item or match arm that holds the block, up to the enclosing block. */
    public static ParserRuleContext holderOf(ParserRuleContext node) {
        for (ParseTree p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.StatementContext || p instanceof RustParser.MatchArmContext
                    || p instanceof RustParser.ItemContext || p instanceof RustParser.AssociatedItemContext) {
                return (ParserRuleContext) p;
            }
            if (p instanceof RustParser.BlockExpressionContext || p instanceof RustParser.ClosureExpressionContext) {
                return null;
            }
        }
        return null;
    }
}
