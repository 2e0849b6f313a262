package dev.unsafehints.review;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.SafetyComments;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.CommentTokens;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The text of the {@code // SAFETY:} comment that covers an unsafe block or impl, as the analysis
 * finds it ({@link SafetyComments}: the one lookup). The review reads it to see which obligations
 * the argument mentions.
 */
final class SafetyCommentText {
    private SafetyCommentText() {
    }

    /** The comment group holding the block's {@code SAFETY:} marker, joined; empty when there is none. */
    static String forBlock(FileModel model, RustParser.UnsafeBlockContext block) {
        return join(SafetyComments.commentOfBlock(model, block));
    }

    /** For an item (an unsafe impl): the comment group the analysis accepts for it. */
    static String forItem(FileModel model, ParserRuleContext holder, Token unsafeKeyword) {
        return join(SafetyComments.commentOfItem(model, holder, unsafeKeyword));
    }

    private static String join(List<Token> comments) {
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

}
