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
 * statement, {@code let} or item that holds it (attributes included, also between two of them), on
 * the same line before {@code unsafe}, or as the first thing inside the block; above a struct
 * literal's field that is the block; above the statement of a closure whose body is the block; and
 * ending the line before the block when that line is the block's own statement.
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
        ParserRuleContext holder = holderAcrossClosures(block);
        if (holder == null && macro != null && reachesRoot(block)) {
            holder = holderOf(macro);
        }
        return holder != null && (aboveOrAmongAttributes(comments, holder)
                || betweenStatementAndBlock(model, holder, block.getStart()));
    }

    static boolean coversItem(FileModel model, ParserRuleContext item, Token unsafeKeyword) {
        Comments comments = model.comments();
        return aboveOrAmongAttributes(comments, item)
                || CommentTokens.hasSafetyMarker(comments.directlyAbove(unsafeKeyword));
    }

    /**
     * The holder of a block as {@link #holderOf} finds it, but through a closure whose body is the
     * block (`let f = || unsafe { .. };`: the comment above the `let` counts, as in clippy), and
     * stopping at a struct literal's field (`value: unsafe { .. }`: the comment above the field).
     */
    private static ParserRuleContext holderAcrossClosures(RustParser.UnsafeBlockContext block) {
        return holder(block, true);
    }

    /** A SAFETY comment above {@code node} or between its outer attributes (`#[a] // SAFETY: .. #[b]`). */
    private static boolean aboveOrAmongAttributes(Comments comments, ParserRuleContext node) {
        if (CommentTokens.hasSafetyMarker(comments.directlyAbove(node.getStart()))) {
            return true;
        }
        for (int i = 0; i + 1 < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof RustParser.OuterAttributeContext
                    && node.getChild(i + 1) instanceof ParserRuleContext next
                    && next.getStart() != null
                    && CommentTokens.hasSafetyMarker(comments.directlyAbove(next.getStart()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A comment between the code of the block's own statement and the block, ending the line before
     * it: `let x = // SAFETY: ..` with the block on the next line. A trailing comment of another
     * statement does not count.
     */
    private static boolean betweenStatementAndBlock(FileModel model, ParserRuleContext holder, Token blockStart) {
        List<Token> between = model.parsed().tokens().getHiddenTokensToLeft(blockStart.getTokenIndex());
        if (between == null || between.isEmpty() || !CommentTokens.hasSafetyMarker(between)) {
            return false;
        }
        int previousCode = between.get(0).getTokenIndex() - 1;
        return previousCode >= holder.getStart().getTokenIndex();
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
        return holder(node, false);
    }

    private static ParserRuleContext holder(ParserRuleContext node, boolean clippyPlaces) {
        ParseTree child = node;
        for (ParseTree p = node.getParent(); p != null; child = p, p = p.getParent()) {
            if (clippyPlaces && p instanceof RustParser.StructExprFieldContext field) {
                return field;
            }
            if (clippyPlaces && p instanceof RustParser.ClosureExpressionContext
                    && child instanceof RustParser.ExpressionContext) {
                continue; // `|| unsafe { .. }`: the closure's body is the block itself
            }
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
