package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.CommentTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
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
     * The comments of the {@code SAFETY:} marker that cover the block (empty when none does).
     * {@code macro} is the invocation whose arguments hold the block (they are parsed apart from the
     * file's tree), or null; its statement then counts as the block's.
     */
    static List<Token> commentOfBlock(FileModel model, RustParser.UnsafeBlockContext block,
                                      RustParser.MacroInvocationContext macro) {
        List<Token> found = blockComments(model, block, macro);
        return found == null ? List.of() : found;
    }

    /** The comments holding the SAFETY marker that covers the block, or null. */
    private static List<Token> blockComments(FileModel model, RustParser.UnsafeBlockContext block,
                                             RustParser.MacroInvocationContext macro) {
        Comments comments = model.comments();
        List<Token> above = marked(comments.directlyAbove(block.getStart()));
        if (above != null) {
            return above;
        }
        // first thing inside the block
        Token open = block.blockExpression().getStart();
        List<Token> inside = marked(model.parsed().tokens().getHiddenTokensToRight(open.getTokenIndex()));
        if (inside != null) {
            return inside;
        }
        ParserRuleContext holder = holderAcrossClosures(block);
        if (holder == null && macro != null && reachesRoot(block)) {
            holder = holderOf(macro);
        }
        if (holder == null) {
            return null;
        }
        List<Token> found = aboveOrAmongAttributes(comments, holder);
        return found != null ? found : betweenStatementAndBlock(model, holder, block.getStart());
    }

    static Coverage coversItem(FileModel model, ParserRuleContext item, Token unsafeKeyword) {
        return Coverage.of(itemComments(model, item, unsafeKeyword));
    }

    private static List<Token> itemComments(FileModel model, ParserRuleContext item, Token unsafeKeyword) {
        Comments comments = model.comments();
        List<Token> found = aboveOrAmongAttributes(comments, item);
        return found != null || unsafeKeyword == null ? found : marked(comments.directlyAbove(unsafeKeyword));
    }

    /**
     * The comments of the {@code SAFETY:} marker that covers the block, found where
     * {@link #coversBlock} looks (empty when none does): the review quotes the same comment the
     * rules accept.
     */
    public static List<Token> commentOfBlock(FileModel model, RustParser.UnsafeBlockContext block) {
        return commentOfBlock(model, block, null);
    }

    /** As {@link #commentOfBlock}, for an unsafe impl or other item and its {@code unsafe} keyword. */
    public static List<Token> commentOfItem(FileModel model, ParserRuleContext item, Token unsafeKeyword) {
        List<Token> found = itemComments(model, item, unsafeKeyword);
        return found == null ? List.of() : found;
    }

    /** The text of the comment covering the block ({@link #commentOfBlock}), as {@link #text} gives it. */
    public static String blockText(FileModel model, RustParser.UnsafeBlockContext block) {
        return text(commentOfBlock(model, block));
    }

    /** The text of the comment covering an item ({@link #commentOfItem}), as {@link #text} gives it. */
    public static String itemText(FileModel model, ParserRuleContext item, Token unsafeKeyword) {
        return text(commentOfItem(model, item, unsafeKeyword));
    }

    /**
     * The source of a comment group as it reads: each comment on its own line without its
     * {@code //} or {@code /* *}{@code /} markers, blank when there are no comments.
     */
    public static String text(List<Token> comments) {
        StringBuilder sb = new StringBuilder();
        for (Token t : comments) {
            if (!CommentTokens.isComment(t)) {
                continue;
            }
            String text = t.getText();
            text = text.startsWith("//") ? text.substring(2) : text.replaceAll("^/\\*+|\\*+/$", "");
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(text.strip());
        }
        return sb.toString().strip();
    }

    /**
     * As {@link #text}, for the comments in a stretch of source (a block's
     * {@link UnsafeBlockFact#safetyComment()} range, read again from the text it was found in).
     */
    public static String text(String commentSource) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(commentSource));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            tokens.add(t);
        }
        return text(tokens);
    }

    /** The argument a SAFETY comment's text makes: what follows its {@code SAFETY:} marker (all of it without one). */
    public static String argument(String text) {
        int marker = text.toUpperCase(Locale.ROOT).indexOf("SAFETY:");
        return (marker < 0 ? text : text.substring(marker + "SAFETY:".length())).strip();
    }

    /** Whether a SAFETY comment covers a site, and whether it is still a template. */
    public enum Coverage {
        NONE, TEMPLATE, COMMENTED;

        static Coverage of(List<Token> comments) {
            if (comments == null || comments.isEmpty()) {
                return NONE;
            }
            return CommentTokens.safetyMarkerIsTemplate(comments) ? TEMPLATE : COMMENTED;
        }
    }

    private static List<Token> marked(List<Token> comments) {
        return comments != null && CommentTokens.hasSafetyMarker(comments) ? comments : null;
    }

    /**
     * The holder of a block as {@link #holderOf} finds it, but through a closure whose body is the
     * block (`let f = || unsafe { .. };`: the comment above the `let` counts, as in clippy), and
     * stopping at a struct literal's field (`value: unsafe { .. }`: the comment above the field).
     */
    private static ParserRuleContext holderAcrossClosures(RustParser.UnsafeBlockContext block) {
        return holder(block, true);
    }

    /** A SAFETY comment above {@code node} or between its outer attributes (`#[a] // SAFETY: .. #[b]`), or null. */
    private static List<Token> aboveOrAmongAttributes(Comments comments, ParserRuleContext node) {
        List<Token> above = marked(comments.directlyAbove(node.getStart()));
        if (above != null) {
            return above;
        }
        for (int i = 0; i + 1 < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof RustParser.OuterAttributeContext
                    && node.getChild(i + 1) instanceof ParserRuleContext next
                    && next.getStart() != null) {
                List<Token> among = marked(comments.directlyAbove(next.getStart()));
                if (among != null) {
                    return among;
                }
            }
        }
        return null;
    }

    /**
     * A comment between the code of the block's own statement and the block, ending the line before
     * it: `let x = // SAFETY: ..` with the block on the next line. A trailing comment of another
     * statement does not count.
     */
    private static List<Token> betweenStatementAndBlock(FileModel model, ParserRuleContext holder, Token blockStart) {
        List<Token> between = model.parsed().tokens().getHiddenTokensToLeft(blockStart.getTokenIndex());
        if (between == null || between.isEmpty() || !CommentTokens.hasSafetyMarker(between)) {
            return null;
        }
        int previousCode = between.get(0).getTokenIndex() - 1;
        return previousCode >= holder.getStart().getTokenIndex() ? between : null;
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
