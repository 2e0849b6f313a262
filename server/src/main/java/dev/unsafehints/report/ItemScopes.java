package dev.unsafehints.report;

import dev.unsafehints.analysis.CodeTokens;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.parse.TokenOffsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The items of one file and the {@code #[cfg(...)]} conditions that guard parts of it, found from
 * the tokens alone (so it works on files that do not parse). Answers, for an offset: which items
 * enclose it (for the item path of a fingerprint) and which cfg conditions apply.
 *
 * <p>A "unit" is an item ({@code fn}, {@code mod}, {@code impl}, ...) or any statement, expression or
 * field that carries outer attributes. It ends at its {@code ;}, at the end of its body braces, or
 * where the enclosing brackets close. {@code #[test]} counts as the condition {@code test}, since
 * such functions exist only in test builds.
 */
public final class ItemScopes {
    /** A unit: its UTF-16 extent, its name when it is a named item, and its cfg conditions. */
    record Scope(int start, int end, String name, List<String> cfg) {
    }

    /** What encloses an offset: item names outermost first, and the cfg conditions that apply. */
    public record Enclosing(List<String> items, List<String> cfg) {
        public String itemPath() {
            return String.join("::", items);
        }
    }

    private static final int MAX_NAME = 100;

    private final String text;
    private final int[] types;
    private final int[] starts;
    private final int[] ends;
    private final int[] partner;
    private final List<Scope> scopes = new ArrayList<>();
    private final List<String> fileCfg = new ArrayList<>();
    private final Map<String, List<String>> guardedModules = new LinkedHashMap<>();
    /** The `#` of each `if #[cfg(..)]` in a `cfg_if!`: a branch's condition, not an attribute. */
    private final java.util.Set<Integer> branchHeads = new java.util.HashSet<>();

    private ItemScopes(String text, CodeTokens tokens) {
        this.text = text;
        types = tokens.types();
        starts = tokens.starts();
        ends = tokens.ends();
        partner = matchBrackets(types);
        scan();
    }

    /** The scopes of a file from the code tokens its analysis kept. */
    public static ItemScopes of(String text, CodeTokens tokens) {
        return new ItemScopes(text, tokens);
    }

    /** The scopes of a file, lexing it first. */
    public static ItemScopes of(String text, Edition edition) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(text));
        lexer.setEdition(edition);
        lexer.removeErrorListeners();
        return new ItemScopes(text, CodeTokens.of(lexer.getAllTokens(), new TokenOffsets(text)));
    }

    /** The items and cfg conditions around {@code offset}. */
    public Enclosing at(int offset) {
        List<String> items = new ArrayList<>();
        List<String> cfg = new ArrayList<>(fileCfg);
        int count = scopes.size();
        for (int block = 0; block * BLOCK < count; block++) {
            int first = block * BLOCK;
            if (scopes.get(first).start() > offset) {
                break;
            }
            if (blockEnds[block] <= offset) {
                continue; // every scope of the block ends before the offset
            }
            for (int i = first; i < Math.min(first + BLOCK, count); i++) {
                Scope scope = scopes.get(i);
                if (scope.start() > offset) {
                    break;
                }
                if (offset < scope.end()) {
                    if (scope.name() != null) {
                        items.add(scope.name());
                    }
                    for (String c : scope.cfg()) {
                        if (!cfg.contains(c)) {
                            cfg.add(c);
                        }
                    }
                }
            }
        }
        return new Enclosing(items, cfg);
    }

    /** The scopes (in start order) in blocks of this many, for {@link #at}. */
    private static final int BLOCK = 32;

    /**
     * The largest end of each block of {@link #BLOCK} scopes. A report asks {@link #at} for every
     * site, and a file of thousands of functions (core::arch) has thousands of each: {@code at}
     * passes over the blocks that end before the offset instead of reading all the scopes before it.
     */
    private int[] blockEnds = new int[0];

    private void indexBlocks() {
        blockEnds = new int[(scopes.size() + BLOCK - 1) / BLOCK];
        for (int i = 0; i < scopes.size(); i++) {
            blockEnds[i / BLOCK] = Math.max(blockEnds[i / BLOCK], scopes.get(i).end());
        }
    }

    /** Out-of-line modules ({@code #[cfg(test)] mod tests;}, {@code mod util;}): name to their cfg conditions. */
    public Map<String, List<String>> guardedModules() {
        return guardedModules;
    }

    /** True when a set of conditions only holds in test builds (a conjunct is {@code test}). */
    public static boolean isTestOnly(List<String> conditions) {
        for (String c : conditions) {
            if (c.equals("test")) {
                return true;
            }
            if (c.startsWith("all(") && c.endsWith(")")) {
                for (String part : topLevelArguments(c.substring(4, c.length() - 1))) {
                    if (part.equals("test")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> topLevelArguments(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(from, i).trim());
                from = i + 1;
            }
        }
        parts.add(inner.substring(from).trim());
        return parts;
    }

    // ---- scanning

    private void scan() {
        List<String> pendingCfg = new ArrayList<>();
        int pendingStart = -1;
        int i = 0;
        while (i < types.length) {
            int type = types[i];
            if (pendingStart < 0 && isCfgMacro(i)) {
                cfgMacroBranches(i + 2);
                i += 3; // into the braces: the branches' items are scanned as any others
                continue;
            }
            if (type == RustLexer.POUND && branchHeads.contains(i)) {
                i = partner[i + 1] + 1;
                continue;
            }
            if (type == RustLexer.POUND && i + 1 < types.length) {
                boolean inner = types[i + 1] == RustLexer.NOT;
                int open = inner ? i + 2 : i + 1;
                if (open < types.length && types[open] == RustLexer.LBRACKET && partner[open] > open) {
                    String condition = condition(open);
                    if (inner) {
                        if (condition != null && depthAt(i) == 0 && !fileCfg.contains(condition)) {
                            fileCfg.add(condition);
                        }
                    } else {
                        if (pendingStart < 0) {
                            pendingStart = i;
                        }
                        if (condition != null) {
                            pendingCfg.add(condition);
                        }
                    }
                    i = partner[open] + 1;
                    continue;
                }
            }
            int keyword = itemKeyword(i, pendingStart >= 0);
            if (keyword >= 0 || pendingStart >= 0) {
                boolean item = keyword >= 0;
                int last = unitEnd(i, item, item && hasBody(keyword));
                String name = item ? itemName(keyword) : null;
                int start = pendingStart >= 0 ? starts[pendingStart] : starts[i];
                int end = last >= i ? ends[last] : ends[i];
                if (name != null || !pendingCfg.isEmpty()) {
                    scopes.add(new Scope(start, end, name, List.copyOf(pendingCfg)));
                }
                if (item && types[keyword] == RustLexer.KW_MOD && last >= 0 && types[last] == RustLexer.SEMI && name != null) {
                    List<String> cfg = new ArrayList<>(enclosingCfg(start));
                    pendingCfg.stream().filter(c -> !cfg.contains(c)).forEach(cfg::add);
                    // a second declaration of the module (`#[cfg(linux)] mod sys;` and `#[cfg(macos)]
                    // mod sys;`): its file is compiled under either
                    guardedModules.merge(name, List.copyOf(cfg), ItemScopes::either);
                }
                pendingCfg.clear();
                pendingStart = -1;
                i = item ? keyword + 1 : i + 1;
                continue;
            }
            i++;
        }
        scopes.sort((a, b) -> Integer.compare(a.start(), b.start()));
        indexBlocks();
    }

    /** The conditions of the scopes found so far that hold {@code offset} (a `cfg_if!` branch around a `mod x;`). */
    private List<String> enclosingCfg(int offset) {
        List<String> cfg = new ArrayList<>();
        for (Scope s : scopes) {
            if (s.start() <= offset && offset < s.end()) {
                s.cfg().stream().filter(c -> !cfg.contains(c)).forEach(cfg::add);
            }
        }
        return cfg;
    }

    /** The conditions under which a module declared twice exists: either declaration's (none: always). */
    static List<String> either(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        if (a.equals(b)) {
            return a;
        }
        return List.of(dev.unsafehints.parse.CfgAttributes.any(List.of(all(a), all(b))));
    }

    private static String all(List<String> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : "all(" + String.join(", ", conditions) + ")";
    }

    /** `cfg_if! {`, `cfg_if::cfg_if! {`, `cfg_select! {` (any delimiter) at token {@code i}. */
    private boolean isCfgMacro(int i) {
        if (i + 2 >= types.length || types[i + 1] != RustLexer.NOT || !isOpen(types[i + 2]) || partner[i + 2] < 0) {
            return false;
        }
        String name = word(i);
        return name.equals("cfg_if") || name.equals("cfg_select");
    }

    /**
     * Each top-level `{ .. }` of a `cfg_if!` / `cfg_select!` (its delimiter at {@code open}) is a
     * scope with its branch's condition, as the analysis reads them (`parse.CfgMacroBranches`): the
     * `cfg(..)` of `if #[cfg(..)]`, the predicate before `=>`, and for `else` or `_` the negation of
     * the conditions before it. Their heads are no attributes.
     */
    private void cfgMacroBranches(int open) {
        int close = partner[open];
        List<String> conditions = new ArrayList<>();
        int headStart = open + 1;
        for (int j = open + 1; j < close; j++) {
            if (types[j] == RustLexer.LBRACE && partner[j] > j) {
                String condition = branchCondition(headStart, j, conditions);
                conditions.add(condition);
                if (!condition.isEmpty()) {
                    scopes.add(new Scope(starts[j], ends[partner[j]], null, List.of(condition)));
                }
                j = partner[j];
                headStart = j + 1;
            } else if (isOpen(types[j]) && partner[j] > j) {
                if (types[j] == RustLexer.LBRACKET && j > open && types[j - 1] == RustLexer.POUND) {
                    branchHeads.add(j - 1);
                }
                j = partner[j];
            }
        }
    }

    private String branchCondition(int from, int brace, List<String> earlier) {
        String stated = null;
        for (int k = from; k + 1 < brace; k++) {
            if (word(k).equals("cfg") && types[k + 1] == RustLexer.LPAREN && partner[k + 1] > k + 1
                    && partner[k + 1] < brace) {
                stated = normalize(text.substring(ends[k + 1], starts[partner[k + 1]]));
            }
        }
        if (stated == null && brace - 1 > from && types[brace - 1] == RustLexer.FATARROW) {
            String predicate = normalize(text.substring(starts[from], ends[brace - 2]));
            stated = predicate.equals("_") ? null : predicate;
        }
        if (stated != null && !stated.isEmpty()) {
            return stated;
        }
        List<String> before = earlier.stream().filter(c -> !c.isEmpty()).toList();
        return before.isEmpty() ? "" : dev.unsafehints.parse.CfgAttributes.none(before);
    }

    /** The condition of {@code #[cfg(...)]} (normalized text) or "test" for {@code #[test]}; else null. */
    private String condition(int open) {
        int close = partner[open];
        int path = open + 1;
        if (path >= close) {
            return null;
        }
        String name = text.substring(starts[path], ends[path]);
        if (name.equals("test") && path + 1 == close) {
            return "test";
        }
        if (name.equals("cfg") && path + 1 < close && types[path + 1] == RustLexer.LPAREN) {
            int parenClose = partner[path + 1];
            if (parenClose > path + 1 && parenClose <= close) {
                return normalize(text.substring(ends[path + 1], starts[parenClose]));
            }
        }
        return null;
    }

    /** Bracket depth at a token, counting only brackets opened before it and still open. */
    private int depthAt(int index) {
        int depth = 0;
        for (int k = 0; k < index; k++) {
            if (isOpen(types[k]) && (partner[k] < 0 || partner[k] >= index)) {
                depth++;
            }
        }
        return depth;
    }

    /**
     * When an item starts at token {@code i} (after any attributes), the index of its keyword
     * ({@code fn}, {@code impl}, ...), else -1. Items only start where a statement can.
     */
    private int itemKeyword(int i, boolean afterAttributes) {
        if (!afterAttributes && i > 0) {
            int prev = types[i - 1];
            if (prev != RustLexer.SEMI && prev != RustLexer.LBRACE && prev != RustLexer.RBRACE
                    && prev != RustLexer.RBRACKET) {
                return -1;
            }
        }
        int j = i;
        while (j < types.length) {
            int type = types[j];
            if (type == RustLexer.KW_PUB) {
                j = j + 1 < types.length && types[j + 1] == RustLexer.LPAREN && partner[j + 1] > j ? partner[j + 1] + 1 : j + 1;
            } else if (type == RustLexer.KW_DEFAULT || type == RustLexer.KW_ASYNC || type == RustLexer.KW_SAFE
                    || type == RustLexer.KW_AUTO) {
                if (j + 1 >= types.length || !isItemContinuation(types[j + 1])) {
                    return -1;
                }
                j++;
            } else if (type == RustLexer.KW_UNSAFE) {
                if (j + 1 >= types.length || !isItemContinuation(types[j + 1])) {
                    return -1; // an unsafe block
                }
                j++;
            } else if (type == RustLexer.KW_CONST && j + 1 < types.length && isItemContinuation(types[j + 1])
                    && types[j + 1] != RustLexer.KW_CONST) {
                j++;
            } else if (type == RustLexer.KW_EXTERN) {
                int next = j + 1 < types.length && types[j + 1] == RustLexer.STRING_LITERAL ? j + 2 : j + 1;
                if (next < types.length && (types[next] == RustLexer.KW_FN || types[next] == RustLexer.KW_UNSAFE)) {
                    j = next;
                } else {
                    return j; // an extern block or extern crate
                }
            } else {
                return isItemStart(j) ? j : -1;
            }
        }
        return -1;
    }

    private static boolean isItemContinuation(int type) {
        return type == RustLexer.KW_FN || type == RustLexer.KW_UNSAFE || type == RustLexer.KW_EXTERN
                || type == RustLexer.KW_IMPL || type == RustLexer.KW_TRAIT || type == RustLexer.KW_ASYNC
                || type == RustLexer.KW_CONST || type == RustLexer.KW_AUTO || type == RustLexer.KW_TYPE
                || type == RustLexer.KW_STATIC || type == RustLexer.KW_MOD || type == RustLexer.KW_SAFE;
    }

    private boolean isItemStart(int j) {
        int type = types[j];
        boolean named = j + 1 < types.length && isName(j + 1);
        return switch (type) {
            case RustLexer.KW_FN, RustLexer.KW_MOD, RustLexer.KW_TRAIT, RustLexer.KW_STRUCT, RustLexer.KW_ENUM,
                 RustLexer.KW_UNION, RustLexer.KW_TYPE -> named;
            case RustLexer.KW_STATIC -> named || (j + 1 < types.length && types[j + 1] == RustLexer.KW_MUT);
            case RustLexer.KW_CONST -> named || (j + 1 < types.length && types[j + 1] == RustLexer.UNDERSCORE);
            case RustLexer.KW_IMPL, RustLexer.KW_USE -> true;
            case RustLexer.KW_MACRORULES -> j + 1 < types.length && types[j + 1] == RustLexer.NOT;
            default -> false;
        };
    }

    private boolean isName(int index) {
        String word = text.substring(starts[index], ends[index]);
        return !word.isEmpty() && (Character.isLetter(word.charAt(0)) || word.charAt(0) == '_')
                && types[index] != RustLexer.KW_FN && types[index] != RustLexer.KW_MUT
                && types[index] != RustLexer.UNDERSCORE;
    }

    private boolean hasBody(int keyword) {
        int type = types[keyword];
        return type != RustLexer.KW_STATIC && type != RustLexer.KW_CONST && type != RustLexer.KW_TYPE
                && type != RustLexer.KW_USE;
    }

    /** The last token of the unit starting at {@code from}. */
    private int unitEnd(int from, boolean item, boolean bodyItem) {
        int j = from;
        while (j < types.length) {
            int type = types[j];
            if (isOpen(type)) {
                int close = partner[j];
                if (close < 0) {
                    j++; // an opener never closed (broken code): step over it alone
                    continue;
                }
                if (type == RustLexer.LBRACE && (bodyItem || endsExpression(close + 1))) {
                    return close;
                }
                j = close + 1;
                continue;
            }
            if (type == RustLexer.RBRACE || type == RustLexer.RPAREN || type == RustLexer.RBRACKET) {
                return j - 1;
            }
            if (type == RustLexer.SEMI) {
                return j;
            }
            if (type == RustLexer.COMMA && !item) {
                return j - 1;
            }
            j++;
        }
        return types.length - 1;
    }

    /** After a braced group, does the expression stop here (no `.`, `?`, `else`, `as` or operator)? */
    private boolean endsExpression(int next) {
        if (next >= types.length) {
            return true;
        }
        return switch (types[next]) {
            case RustLexer.DOT, RustLexer.QUESTION, RustLexer.KW_ELSE, RustLexer.KW_AS, RustLexer.PLUS,
                 RustLexer.MINUS, RustLexer.STAR, RustLexer.SLASH, RustLexer.PERCENT, RustLexer.CARET,
                 RustLexer.AND, RustLexer.OR, RustLexer.ANDAND, RustLexer.OROR, RustLexer.EQ, RustLexer.EQEQ,
                 RustLexer.NE, RustLexer.LT, RustLexer.GT, RustLexer.DOTDOT, RustLexer.DOTDOTEQ,
                 RustLexer.PLUSEQ, RustLexer.MINUSEQ, RustLexer.STAREQ, RustLexer.SLASHEQ, RustLexer.PERCENTEQ,
                 RustLexer.CARETEQ, RustLexer.ANDEQ, RustLexer.OREQ, RustLexer.FATARROW -> false;
            default -> true;
        };
    }

    /** The name an item contributes to an item path, or null for anonymous ones (extern blocks, use). */
    private String itemName(int keyword) {
        int type = types[keyword];
        int next = keyword + 1;
        switch (type) {
            case RustLexer.KW_IMPL:
                return implName(keyword);
            case RustLexer.KW_EXTERN:
            case RustLexer.KW_USE:
                return null;
            case RustLexer.KW_MACRORULES:
                return next + 1 < types.length ? word(next + 1) + "!" : null;
            case RustLexer.KW_STATIC:
                if (next < types.length && types[next] == RustLexer.KW_MUT) {
                    next++;
                }
                return next < types.length ? word(next) : null;
            default:
                return next < types.length ? word(next) : null;
        }
    }

    private String word(int index) {
        return text.substring(starts[index], ends[index]);
    }

    /** "impl Trait for Type" or "impl Type", without the impl's own generic parameters. */
    private String implName(int keyword) {
        int j = keyword + 1;
        if (j < types.length && types[j] == RustLexer.LT) {
            int depth = 0;
            while (j < types.length) {
                if (types[j] == RustLexer.LT) {
                    depth++;
                } else if (types[j] == RustLexer.GT) {
                    depth--;
                    if (depth == 0) {
                        j++;
                        break;
                    }
                } else if (types[j] == RustLexer.LBRACE || types[j] == RustLexer.SEMI) {
                    break;
                }
                j++;
            }
        }
        int first = j;
        while (j < types.length && types[j] != RustLexer.LBRACE && types[j] != RustLexer.KW_WHERE
                && types[j] != RustLexer.SEMI) {
            // `[T; N]` and `(A, B)`: their `;` and `,` belong to the type, not the item
            j = (types[j] == RustLexer.LBRACKET || types[j] == RustLexer.LPAREN) && partner[j] > j ? partner[j] + 1 : j + 1;
        }
        if (j <= first || first >= types.length) {
            return "impl";
        }
        String body = normalize(text.substring(starts[first], ends[j - 1]));
        if (body.length() > MAX_NAME) {
            body = body.substring(0, MAX_NAME) + "…";
        }
        return "impl " + body;
    }

    static String normalize(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }

    private static boolean isOpen(int type) {
        return type == RustLexer.LBRACE || type == RustLexer.LPAREN || type == RustLexer.LBRACKET;
    }

    /** For each bracket token, the index of its partner; -1 when unmatched or not a bracket. */
    private static int[] matchBrackets(int[] types) {
        int[] partner = new int[types.length];
        Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int k = 0; k < types.length; k++) {
            int type = types[k];
            if (isOpen(type)) {
                open.push(k);
            } else if (type == RustLexer.RBRACE || type == RustLexer.RPAREN || type == RustLexer.RBRACKET) {
                int want = type == RustLexer.RBRACE ? RustLexer.LBRACE
                        : type == RustLexer.RPAREN ? RustLexer.LPAREN : RustLexer.LBRACKET;
                // Broken code: braces are more trustworthy than parentheses and brackets. A closing
                // brace closes the innermost brace, abandoning unclosed ( and [ above it; a stray
                // ) or ] that does not match the innermost opener is ignored.
                while (!open.isEmpty()) {
                    int o = open.peek();
                    if (types[o] == want) {
                        open.pop();
                        partner[o] = k;
                        partner[k] = o;
                        break;
                    }
                    if (type == RustLexer.RBRACE && types[o] != RustLexer.LBRACE) {
                        open.pop();
                        continue;
                    }
                    break;
                }
            }
        }
        return partner;
    }
}
