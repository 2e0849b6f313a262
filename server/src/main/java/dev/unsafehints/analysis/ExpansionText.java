package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The text of code a macro wrote, for messages: its tokens with a space where two words would run
 * together (`*const u8`, `libc::close(fd)`). The file's text at the call would be the call itself.
 */
final class ExpansionText {
    private ExpansionText() {
    }

    static String of(ParserRuleContext ctx) {
        StringBuilder sb = new StringBuilder();
        append(ctx, sb, new Token[1]);
        return sb.toString();
    }

    private static void append(ParseTree node, StringBuilder sb, Token[] previous) {
        if (node instanceof TerminalNode t) {
            Token token = t.getSymbol();
            if (token.getType() == Token.EOF) {
                return;
            }
            if (previous[0] != null && spaced(previous[0], token)) {
                sb.append(' ');
            }
            sb.append(dev.unsafehints.macros.LocalHygiene.spelling(token));
            previous[0] = token;
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            append(node.getChild(i), sb, previous);
        }
    }

    /** As rustfmt would write them: words apart, `as *const`, `a = b`, `f(a, b)`. */
    private static boolean spaced(Token before, Token after) {
        String b = before.getText();
        String a = after.getText();
        return isWord(before) && (isWord(after) || a.equals("*") || a.equals("&"))
                || b.equals(",") || b.equals(";") || SPACED.contains(b) || SPACED.contains(a);
    }

    private static final java.util.Set<String> SPACED = java.util.Set.of("=", "==", "!=", "=>", "->", "+", "-", "<=", ">=",
            "&&", "||", "+=", "-=", "|", "{", "}");

    private static boolean isWord(Token t) {
        String text = t.getText();
        return !text.isEmpty() && (Character.isLetterOrDigit(text.charAt(0)) || text.charAt(0) == '_'
                || text.charAt(0) == '"' || t.getType() == RustLexer.LIFETIME);
    }
}
