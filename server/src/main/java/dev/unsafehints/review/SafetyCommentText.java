package dev.unsafehints.review;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.SafetyComments;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.CommentTokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The text of the {@code // SAFETY:} comment that covers an unsafe block or impl, looked for where
 * the analysis accepts one (directly above the block, above the statement or item holding it, or
 * first inside the block). The review reads it to see which obligations the argument mentions.
 */
final class SafetyCommentText {
    private SafetyCommentText() {
    }

    /** The comment group holding a {@code SAFETY:} marker, joined; empty when there is none. */
    static String forBlock(FileModel model, RustParser.UnsafeBlockContext block) {
        Set<Token> found = new LinkedHashSet<>();
        addIfSafety(found, model.comments().directlyAbove(block.getStart()));
        Token open = block.blockExpression().getStart();
        List<Token> inside = model.parsed().tokens().getHiddenTokensToRight(open.getTokenIndex());
        if (inside != null) {
            addIfSafety(found, inside);
        }
        ParserRuleContext holder = SafetyComments.holderOf(block);
        if (holder != null) {
            addIfSafety(found, model.comments().directlyAbove(holder.getStart()));
        }
        return join(found);
    }

    /** For an item (an unsafe impl): the comments above the item or right above its {@code unsafe}. */
    static String forItem(FileModel model, ParserRuleContext holder, Token unsafeKeyword) {
        Set<Token> found = new LinkedHashSet<>();
        addIfSafety(found, model.comments().directlyAbove(holder.getStart()));
        if (unsafeKeyword != null) {
            addIfSafety(found, model.comments().directlyAbove(unsafeKeyword));
        }
        return join(found);
    }

    private static void addIfSafety(Set<Token> found, List<Token> group) {
        List<Token> comments = new ArrayList<>();
        for (Token t : group) {
            if (CommentTokens.isComment(t)) {
                comments.add(t);
            }
        }
        if (CommentTokens.hasSafetyMarker(comments)) {
            found.addAll(comments);
        }
    }

    private static String join(Set<Token> comments) {
        StringBuilder sb = new StringBuilder();
        for (Token t : comments) {
            String text = t.getText();
            text = text.startsWith("//") ? text.substring(2) : text.replaceAll("^/\\*+|\\*+/$", "");
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(text.strip());
        }
        return sb.toString().strip();
    }

}
