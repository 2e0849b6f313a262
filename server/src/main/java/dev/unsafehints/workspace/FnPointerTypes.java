package dev.unsafehints.workspace;

import dev.unsafehints.grammar.RustParser;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Recognises `unsafe fn(..)` pointer types (also `unsafe extern "C" fn(..)` and `for<'a> unsafe fn(..)`):
 * calling a value of such a type needs `unsafe` (E0133), exactly like calling an `unsafe fn` item.
 */
public final class FnPointerTypes {
    // whitespace removed: `for<'a>`? `unsafe` `extern "ABI"`? `fn(`
    private static final Pattern UNSAFE_FN_TEXT =
            Pattern.compile("(for<[^>]*>)?unsafe(extern(\"[^\"]*\"|r#*\"[^\"]*\"#*)?)?fn\\(.*", Pattern.DOTALL);
    private static final Pattern SAFE_FN_TEXT =
            Pattern.compile("(for<[^>]*>)?(extern(\"[^\"]*\"|r#*\"[^\"]*\"#*)?)?fn\\(.*", Pattern.DOTALL);
    // a path that may name a type alias: `PrefilterFn`, `crate::x::PrefilterFn` (no generics, no `&`)
    private static final Pattern ALIAS_PATH = Pattern.compile("(::)?([A-Za-z_][A-Za-z0-9_]*::)*[A-Z][A-Za-z0-9_]*");

    private FnPointerTypes() {
    }

    /** Whether a written type is an `unsafe fn` pointer type (parentheses around it allowed). */
    public static boolean isUnsafeFnPointer(RustParser.Type_Context type) {
        RustParser.TypeNoBoundsContext t = unparenthesized(type);
        return t instanceof RustParser.BareFunctionTypeContext f && f.functionQualifiers().KW_UNSAFE() != null;
    }

    /** Whether a type's source text is an `unsafe fn` pointer type. */
    public static boolean isUnsafeFnPointerText(String typeText) {
        return typeText != null && UNSAFE_FN_TEXT.matcher(unparenthesized(typeText)).matches();
    }

    /** Whether a type's source text is a safe `fn` pointer type: calling it never needs `unsafe`. */
    public static boolean isSafeFnPointerText(String typeText) {
        return typeText != null && SAFE_FN_TEXT.matcher(unparenthesized(typeText)).matches();
    }

    /**
     * The name a written type would have as a type alias (the last segment of a plain path without
     * generic arguments, starting upper-case), or null: `u8`, `&F`, `Option<F>` are never aliases
     * of a callable fn pointer.
     */
    public static String aliasCandidate(String typeText) {
        if (typeText == null) {
            return null;
        }
        String t = unparenthesized(typeText);
        if (!ALIAS_PATH.matcher(t).matches()) {
            return null;
        }
        int sep = t.lastIndexOf("::");
        return sep < 0 ? t : t.substring(sep + 2);
    }

    /** The alias candidate of a written type (see {@link #aliasCandidate(String)}). */
    public static String aliasCandidate(RustParser.Type_Context type) {
        RustParser.TypeNoBoundsContext t = unparenthesized(type);
        return t instanceof RustParser.PathTypeContext ? aliasCandidate(t.getText()) : null;
    }

    /**
     * A type's text for messages, from its tokens (comments left out) with one canonical spacing:
     * `unsafe extern "C" fn(*const u8, usize) -> u8` however it was laid out, so that an edit of
     * whitespace or comments does not change what the declarations say.
     */
    public static String sourceText(ParserRuleContext node) {
        StringBuilder sb = new StringBuilder();
        appendTokens(node, sb);
        return sb.toString();
    }

    private static void appendTokens(ParseTree node, StringBuilder sb) {
        if (node instanceof TerminalNode t) {
            String token = t.getText();
            if (t.getSymbol().getType() == Token.EOF || token.isEmpty()) {
                return;
            }
            if (sb.length() > 0 && needsSpace(sb, token)) {
                sb.append(' ');
            }
            sb.append(token);
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            appendTokens(node.getChild(i), sb);
        }
    }

    /** A space after `,` and a parameter's `:`, around `->`, and between two words (`unsafe fn`, `extern "C"`, `*const u8`). */
    private static boolean needsSpace(StringBuilder sb, String token) {
        char before = sb.charAt(sb.length() - 1);
        char first = token.charAt(0);
        boolean afterArrow = sb.length() >= 2 && sb.charAt(sb.length() - 2) == '-' && before == '>';
        boolean afterColon = before == ':' && (sb.length() < 2 || sb.charAt(sb.length() - 2) != ':'); // `x: u8`, not `a::b`
        return before == ',' || afterArrow || afterColon || token.equals("->")
                || (isWordChar(before) || before == '"') && (isWordChar(first) || first == '"' || first == '\'');
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static RustParser.TypeNoBoundsContext unparenthesized(RustParser.Type_Context type) {
        if (type == null || type.typeNoBounds() == null || type.PLUS() != null) {
            return null;
        }
        RustParser.TypeNoBoundsContext t = type.typeNoBounds();
        while (t instanceof RustParser.ParenthesizedTypeContext p) {
            if (p.type_() == null || p.type_().typeNoBounds() == null) {
                return null;
            }
            t = p.type_().typeNoBounds();
        }
        return t;
    }

    private static String unparenthesized(String typeText) {
        String t = typeText.replaceAll("\\s+", "");
        while (t.startsWith("(") && t.endsWith(")") && isOneParenthesizedType(t)) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /**
     * Whether `(..)` is one type in parentheses: the `(` at 0 closes at the end (not `(a)->(b)`)
     * and holds no comma of its own (not the tuple `(unsafe fn(), u8)`).
     */
    private static boolean isOneParenthesizedType(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(' || c == '<' || c == '[') {
                depth++;
            } else if (c == ',' && depth == 1) {
                return false;
            } else if ((c == ')' || c == '>' && (i == 0 || t.charAt(i - 1) != '-') || c == ']') && --depth == 0) {
                return i == t.length() - 1;
            }
        }
        return false;
    }
}
