package dev.unsafehints.parse;

import dev.unsafehints.grammar.RustLexer;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/** What a comment token is and says, from its text alone (comments are on the lexer's hidden channel). */
public final class CommentTokens {
    private CommentTokens() {
    }

    /** True when one of the comments says "SAFETY:" (any case), as clippy accepts it. */
    public static boolean hasSafetyMarker(List<Token> comments) {
        for (Token c : comments) {
            if (c.getText().toUpperCase(Locale.ROOT).contains("SAFETY:")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A placeholder of a template, as the quick fixes insert them: {@code <why ...>}, a few
     * lower-case words in angle brackets (not generics such as {@code Vec<T>}, nor comparisons
     * such as {@code i<len && j>0}).
     */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "<[a-z][a-zA-Z0-9,.'’`_:/-]*(?: [a-zA-Z0-9,.'’`_:/-]+)+>");

    /** Whether a piece of documentation still holds a template's {@code <...>} placeholder. */
    public static boolean hasPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /**
     * True when the comment that says "SAFETY:" still holds a placeholder of the template (only
     * that comment counts: it is the one whose edits the analysis always sees).
     */
    public static boolean safetyMarkerIsTemplate(List<Token> comments) {
        for (Token c : comments) {
            if (c.getText().toUpperCase(Locale.ROOT).contains("SAFETY:")) {
                return hasPlaceholder(c.getText());
            }
        }
        return false;
    }

    public static boolean isComment(Token t) {
        return t.getType() == RustLexer.LINE_COMMENT || t.getType() == RustLexer.BLOCK_COMMENT;
    }

    /** Outer doc comments: {@code ///} (not {@code ////}) and {@code /** }...{@code * /}. */
    public static boolean isOuterDoc(Token t) {
        String s = t.getText();
        return (s.startsWith("///") && !s.startsWith("////"))
                || (s.startsWith("/**") && !s.startsWith("/***") && !s.equals("/**/"));
    }

    /** The text of a doc comment without its markers. */
    public static String docText(Token t) {
        String s = t.getText();
        if (s.startsWith("///") || s.startsWith("//!")) {
            return s.substring(3);
        }
        if (s.startsWith("/**") || s.startsWith("/*!")) {
            String body = s.substring(3, Math.max(3, s.length() - 2));
            StringBuilder sb = new StringBuilder();
            for (String line : body.split("\r?\n", -1)) {
                String l = line.stripLeading();
                sb.append(l.startsWith("*") ? l.substring(1) : line).append('\n');
            }
            return sb.toString();
        }
        return s;
    }
}
