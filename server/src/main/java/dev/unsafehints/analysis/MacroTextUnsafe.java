package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The unsafe code written in the transcribers (the right-hand sides) of this file's
 * `macro_rules!` and macros 2.0 (`macro m(..) { .. }`, `macro m { (..) => { .. }, .. }`): `unsafe` blocks, fns, traits, impls and extern blocks, and the attributes that
 * name or place a symbol (`#[no_mangle]`, `#[export_name]`, `#[link_section]`) on a fn or static.
 * A macro body is tokens until it is expanded, so this is read from the tokens; rustc points at
 * these places in the macro's text too when it reports what an expansion of a local macro wrote.
 */
public final class MacroTextUnsafe {
    /** What the `unsafe` (or the attribute) in the macro's text starts. */
    public enum Kind { BLOCK, FN, TRAIT, IMPL, EXTERN_BLOCK, LINKAGE_ATTRIBUTE }

    /**
     * One place: {@code start} is where the construct starts as rustc anchors it (the visibility of
     * a fn or trait, the `#` of an attribute), {@code keyword} the `unsafe` keyword (the attribute's
     * name for an attribute), {@code next} the token after it, {@code name} the fn's, trait's or
     * attribute's name where there is one.
     */
    public record Site(Kind kind, Token start, Token keyword, Token next, String name, String macro) {
    }

    private static final java.util.Set<String> LINKAGE = java.util.Set.of("no_mangle", "export_name", "link_section");

    private MacroTextUnsafe() {
    }

    /** Every site in the transcribers of the file's macros, in source order (see {@link FileModel#macroTextUnsafe}). */
    static List<Site> read(FileModel model) {
        if (!model.source().text().contains("macro")) {
            return List.of();
        }
        List<Token> code = new ArrayList<>();
        for (Token t : model.parsed().tokens().getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                code.add(t);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i + 3 < code.size(); i++) { // macro_rules ! NAME { ... }
            if (code.get(i).getType() == RustLexer.KW_MACRORULES && code.get(i + 1).getType() == RustLexer.NOT
                    && isOpen(code.get(i + 3).getType())) {
                i = scan(code, i + 3, code.get(i + 2).getText(), false, sites);
            } else if (code.get(i).getType() == RustLexer.KW_MACRO && code.get(i + 1).getType() == RustLexer.IDENTIFIER
                    && isOpen(code.get(i + 2).getType())) { // macro NAME (..) { .. } or macro NAME { rules }
                String name = code.get(i + 1).getText();
                int close = closeOf(code, i + 2);
                i = close + 1 < code.size() && isOpen(code.get(close + 1).getType())
                        ? scan(code, close + 1, name, true, sites)
                        : scan(code, i + 2, name, false, sites);
            }
        }
        return sites;
    }

    /** The index of the token that closes the group opening at {@code open} (or the last token). */
    private static int closeOf(List<Token> all, int open) {
        int close = open;
        for (int depth = 0; close < all.size(); close++) {
            int type = all.get(close).getType();
            depth += isOpen(type) ? 1 : isClose(type) ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        return Math.min(close, all.size() - 1);
    }

    /**
     * The transcribers of the body opening at {@code open}: at its top level, each group that
     * follows `=>`, or the whole group when it is one ({@code single}: a macro 2.0's second
     * group). Returns the index of the body's closing token.
     */
    private static int scan(List<Token> all, int open, String macro, boolean single, List<Site> sites) {
        int close = closeOf(all, open);
        List<Token> code = all.subList(open + 1, Math.max(open + 1, close));
        int depth = 0;
        boolean transcriber = single;
        for (int i = 0; i < code.size(); i++) {
            int type = code.get(i).getType();
            if (depth == 0 && isOpen(type) && !single) {
                transcriber = i > 0 && code.get(i - 1).getType() == RustLexer.FATARROW;
            }
            depth += isOpen(type) ? 1 : isClose(type) ? -1 : 0;
            if ((single || depth > 0) && transcriber && i + 1 < code.size()) {
                Site site = type == RustLexer.KW_UNSAFE ? unsafeSite(code, i, macro)
                        : type == RustLexer.POUND ? attributeSite(code, i, macro) : null;
                if (site != null) {
                    sites.add(site);
                }
            }
        }
        return close;
    }

    /** What the `unsafe` at {@code i} starts, or null (a fn pointer type, `unsafe $block`, ...). */
    private static Site unsafeSite(List<Token> code, int i, String macro) {
        Token keyword = code.get(i);
        Token next = code.get(i + 1);
        switch (next.getType()) {
            case RustLexer.LBRACE:
                return new Site(Kind.BLOCK, keyword, keyword, next, "", macro);
            case RustLexer.KW_IMPL:
                return new Site(Kind.IMPL, keyword, keyword, next, "", macro);
            case RustLexer.KW_TRAIT:
            case RustLexer.KW_AUTO: {
                int name = next.getType() == RustLexer.KW_AUTO ? i + 3 : i + 2;
                return new Site(Kind.TRAIT, itemStart(code, i), keyword, next, textAt(code, name), macro);
            }
            case RustLexer.KW_FN:
                return fnName(code, i + 2) == null ? null
                        : new Site(Kind.FN, itemStart(code, i), keyword, next, fnName(code, i + 2), macro);
            case RustLexer.KW_EXTERN: {
                int after = i + 2;
                if (after < code.size() && isString(code.get(after).getType())) {
                    after++;
                }
                if (after < code.size() && code.get(after).getType() == RustLexer.LBRACE) {
                    return new Site(Kind.EXTERN_BLOCK, keyword, keyword, next, "", macro);
                }
                if (after < code.size() && code.get(after).getType() == RustLexer.KW_FN && fnName(code, after + 1) != null) {
                    return new Site(Kind.FN, itemStart(code, i), keyword, next, fnName(code, after + 1), macro);
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** The name after `fn` for a fn item (an identifier or a `$name` variable); null for a fn pointer type. */
    private static String fnName(List<Token> code, int at) {
        if (at >= code.size()) {
            return null;
        }
        Token t = code.get(at);
        if (t.getType() == RustLexer.DOLLAR && at + 1 < code.size()) {
            return "$" + code.get(at + 1).getText();
        }
        return t.getType() == RustLexer.LPAREN || t.getType() == RustLexer.LT ? null : t.getText();
    }

    /**
     * Where a fn or trait item that has its `unsafe` at {@code i} starts: before its qualifiers and
     * its visibility (`pub`, `pub(crate)`, or a `$vis` variable), after its attributes.
     */
    private static Token itemStart(List<Token> code, int i) {
        int start = i;
        while (start > 0 && isQualifier(code.get(start - 1).getType())) {
            start--;
        }
        if (start > 0 && code.get(start - 1).getType() == RustLexer.KW_PUB) {
            return code.get(start - 1);
        }
        if (start > 1 && code.get(start - 1).getType() == RustLexer.RPAREN) {
            int open = start - 1;
            while (open > 0 && code.get(open).getType() != RustLexer.LPAREN) {
                open--;
            }
            if (open > 0 && code.get(open - 1).getType() == RustLexer.KW_PUB) {
                return code.get(open - 1);
            }
        }
        if (start > 1 && code.get(start - 2).getType() == RustLexer.DOLLAR
                && code.get(start - 1).getType() != RustLexer.RPAREN) {
            return code.get(start - 2); // `$vis unsafe fn`
        }
        return code.get(start);
    }

    private static boolean isQualifier(int type) {
        return type == RustLexer.KW_CONST || type == RustLexer.KW_ASYNC || type == RustLexer.KW_DEFAULT;
    }

    /**
     * A `#[no_mangle]`, `#[export_name = ..]` or `#[link_section = ..]` (also inside `unsafe(..)`)
     * at {@code i} that stands on a fn or a static, or null.
     */
    private static Site attributeSite(List<Token> code, int i, String macro) {
        if (i + 2 >= code.size() || code.get(i + 1).getType() != RustLexer.LBRACKET) {
            return null;
        }
        int nameAt = code.get(i + 2).getType() == RustLexer.KW_UNSAFE && i + 4 < code.size() ? i + 4 : i + 2;
        Token name = code.get(nameAt);
        if (!LINKAGE.contains(name.getText())) {
            return null;
        }
        int close = i + 1;
        for (int depth = 0; close < code.size(); close++) {
            int type = code.get(close).getType();
            depth += isOpen(type) ? 1 : isClose(type) ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        return onFnOrStatic(code, close + 1) ? new Site(Kind.LINKAGE_ATTRIBUTE, code.get(i), name,
                code.get(Math.min(nameAt + 1, code.size() - 1)), name.getText(), macro) : null;
    }

    /** Whether the tokens from {@code at} are a fn or static item's head (more attributes, visibility, qualifiers). */
    private static boolean onFnOrStatic(List<Token> code, int at) {
        for (int k = at, depth = 0; k < code.size() && k < at + 64; k++) {
            int type = code.get(k).getType();
            if (depth == 0 && (type == RustLexer.KW_FN || type == RustLexer.KW_STATIC)) {
                return true;
            }
            if (isOpen(type)) {
                depth++;
            } else if (isClose(type)) {
                depth--;
                if (depth < 0) {
                    return false;
                }
            } else if (depth == 0 && !(type == RustLexer.POUND || type == RustLexer.KW_PUB || type == RustLexer.DOLLAR
                    || type == RustLexer.IDENTIFIER || type == RustLexer.KW_CRATE || type == RustLexer.KW_UNSAFE
                    || type == RustLexer.KW_EXTERN || type == RustLexer.KW_SAFE || isString(type) || isQualifier(type))) {
                return false;
            }
        }
        return false;
    }

    private static String textAt(List<Token> code, int at) {
        return at < code.size() ? code.get(at).getText() : "";
    }

    private static boolean isString(int type) {
        return type == RustLexer.STRING_LITERAL || type == RustLexer.RAW_STRING_LITERAL;
    }

    static boolean isOpen(int type) {
        return type == RustLexer.LBRACE || type == RustLexer.LPAREN || type == RustLexer.LBRACKET;
    }

    static boolean isClose(int type) {
        return type == RustLexer.RBRACE || type == RustLexer.RPAREN || type == RustLexer.RBRACKET;
    }
}
