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
