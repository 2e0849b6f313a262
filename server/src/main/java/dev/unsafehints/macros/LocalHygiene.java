package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The hygiene of `macro_rules!` for local variables (mixed-site, as rustc): a local that the
 * macro's own text binds (`let p = ..;`, a closure's or a match arm's binding) belongs to that one
 * expansion, so it never captures a local the caller passes in (`*$e` with the caller's `p`) and is
 * never seen by the caller's code after a statement macro. Items, fields, methods and paths are not
 * hygienic, nor a name that the call passes in (`let $name = ..;` binds the caller's `$name`).
 *
 * <p>The expansion's own tokens that spell such a local are renamed, after the expansion is
 * parsed, to a name no written code can spell: the spelling followed by invisible characters that
 * number the expansion. Everything that resolves locals by name then keeps the two apart, and
 * messages show the spelling ({@link #spelling}, {@link #display}).
 */
public final class LocalHygiene {
    /** Starts a hygienic suffix; the digits after it are zero-width characters, so a name shows as written. */
    private static final char MARK = '\u2060';
    private static final char[] DIGITS = {'\u200B', '\u200C', '\u200D', '\uFEFF'};
    private static final AtomicLong EXPANSIONS = new AtomicLong();

    private LocalHygiene() {
    }

    /**
     * Renames the locals that the expansion's own text binds, in the whole expansion.
     *
     * @param tokens the expansion's tokens (as the transcriber wrote them)
     * @param parsed the expansion as parsed
     * @param site   the call: only the tokens this expansion wrote are its own (those of an
     *               enclosing expansion, passed in, have that one's names)
     */
    public static void separate(List<? extends Token> tokens, List<? extends ParserRuleContext> parsed, CallSite site) {
        Set<String> bound = new HashSet<>();
        Set<Token> fieldLabels = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ParserRuleContext node : parsed) {
            collectBindings(node, site, bound, fieldLabels);
        }
        if (bound.isEmpty()) {
            return;
        }
        String suffix = suffix(EXPANSIONS.incrementAndGet());
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof ExpandedToken t && t.site() == site && t.getType() == RustLexer.IDENTIFIER
                    && bound.contains(t.writtenText()) && mayNameLocal(tokens, i) && !fieldLabels.contains(t)) {
                t.rename(t.writtenText() + suffix);
            }
        }
    }

    /** A token's name as written (without the hygienic suffix of a macro's local). */
    public static String spelling(Token t) {
        return t instanceof ExpandedToken e ? e.writtenText() : t.getText();
    }

    /** Text with the hygienic suffixes of macros' locals taken out, for a person to read. */
    public static String display(String text) {
        if (text == null || text.indexOf(MARK) < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean inSuffix = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == MARK) {
                inSuffix = true;
            } else if (inSuffix && isDigit(c)) {
                continue;
            } else {
                inSuffix = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        for (char d : DIGITS) {
            if (d == c) {
                return true;
            }
        }
        return false;
    }

    private static String suffix(long expansion) {
        StringBuilder sb = new StringBuilder().append(MARK);
        long n = expansion;
        do {
            sb.append(DIGITS[(int) (n & 3)]);
            n >>>= 2;
        } while (n != 0);
        return sb.toString();
    }

    /**
     * The names that patterns written by this expansion's text bind. A capitalised name in a
     * pattern is a constant, unit struct or variant by Rust's conventions, not a local. Also the
     * field labels among the tokens (`S { p: .. }` in an expression or a pattern): a field's name
     * is the struct's, never a local, whatever local of the macro is spelled the same.
     */
    private static void collectBindings(ParseTree node, CallSite site, Set<String> bound, Set<Token> fieldLabels) {
        if (node instanceof RustParser.IdentifierPatContext p) {
            add(p.identifier(), site, bound);
        } else if (node instanceof RustParser.StructPatternFieldContext f && f.pattern() == null) {
            add(f.identifier(), site, bound); // shorthand `S { x, .. }` binds `x`
        } else if (node instanceof RustParser.StructPatternFieldContext f && f.identifier() != null) {
            fieldLabels.add(f.identifier().getStart());
        } else if (node instanceof RustParser.StructExprFieldContext f && f.identifier() != null && f.expression() != null) {
            fieldLabels.add(f.identifier().getStart());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (!(node.getChild(i) instanceof TerminalNode)) {
                collectBindings(node.getChild(i), site, bound, fieldLabels);
            }
        }
    }

    private static void add(RustParser.IdentifierContext id, CallSite site, Set<String> bound) {
        if (id != null && id.getStart() instanceof ExpandedToken t && t.site() == site
                && t.getType() == RustLexer.IDENTIFIER) {
            String name = t.writtenText();
            if (!name.isEmpty() && !Character.isUpperCase(name.charAt(0))) {
                bound.add(name);
            }
        }
    }

    /**
     * Whether the identifier at {@code i} can name a local: not a field or method (`.x`), not a
     * segment of a longer path (`a::x`, `x::f`), not a macro's name (`x!`).
     */
    private static boolean mayNameLocal(List<? extends Token> tokens, int i) {
        int before = i > 0 ? tokens.get(i - 1).getType() : -1;
        int after = i + 1 < tokens.size() ? tokens.get(i + 1).getType() : -1;
        return before != RustLexer.DOT && before != RustLexer.PATHSEP
                && after != RustLexer.PATHSEP && after != RustLexer.NOT;
    }
}
