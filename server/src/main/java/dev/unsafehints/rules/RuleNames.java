package dev.unsafehints.rules;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names a user may write for a rule: its id, or the rustc/clippy lint that means the same
 * (which suppressions accept as well); and the "did you mean" for a name that is neither.
 */
public final class RuleNames {
    /** rustc/clippy lint names and the rule each one stands for, as the rules declare them. */
    public static final Map<String, String> LINT_TO_RULE = lintsOfRules();

    private RuleNames() {
    }

    private static Map<String, String> lintsOfRules() {
        Map<String, String> lints = new java.util.HashMap<>();
        for (RuleDescriptor rule : RuleCatalog.all()) {
            for (String lint : rule.lints()) {
                if (lints.put(lint, rule.id()) != null) {
                    throw new IllegalStateException("two rules declare the lint " + lint);
                }
            }
        }
        return Map.copyOf(lints);
    }

    /**
     * The rule a lint name stands for, written as in an attribute (`clippy::missing_safety_doc`)
     * or loosely (`missing_safety_doc`, `clippy::missing-safety-doc`, any case), or empty.
     */
    public static Optional<String> ruleOfLint(String name) {
        String wanted = bare(name);
        for (Map.Entry<String, String> e : LINT_TO_RULE.entrySet()) {
            if (bare(e.getKey()).equals(wanted)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The lint written as in an attribute for a loosely written name, or empty. */
    public static Optional<String> lintNamed(String name) {
        String wanted = bare(name);
        return LINT_TO_RULE.keySet().stream().filter(l -> bare(l).equals(wanted)).findFirst();
    }

    private static String bare(String name) {
        return bareLint(name);
    }

    /**
     * A lint name as compared: lower case, `_` for `-`, without `clippy::` (or the `rustc::` some
     * write for rustc's own lints).
     */
    public static String bareLint(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (String tool : List.of("clippy::", "rustc::")) {
            if (n.startsWith(tool)) {
                return n.substring(tool.length());
            }
        }
        return n;
    }

    /**
     * What a user most likely meant by a name that is no rule id: the rule of a lint of that name
     * ("`missing-safety-comment` (clippy's `undocumented_unsafe_blocks`)"), else the nearest rule
     * id in spelling, or empty when none is near.
     */
    public static Optional<String> suggestion(String name) {
        Optional<String> lint = lintNamed(name);
        if (lint.isPresent()) {
            String owner = lint.get().startsWith("clippy::") ? "clippy's" : "rustc's";
            return Optional.of("`" + LINT_TO_RULE.get(lint.get()) + "` (" + owner + " `" + lint.get() + "`)");
        }
        List<String> ids = RuleCatalog.all().stream().map(RuleDescriptor::id).toList();
        return nearest(name.strip().toLowerCase(Locale.ROOT).replace('_', '-'), ids).map(id -> "`" + id + "`");
    }

    /**
     * The candidate nearest to {@code name} in edit distance, if it is near enough to be a typo:
     * at most a third of the name's length (at least 1, at most 3) edits, or a candidate that
     * contains the name or is contained in it (4 characters or more).
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.min(3, Math.max(1, name.length() / 3));
        if (best != null && bestDistance <= limit) {
            return Optional.of(best);
        }
        if (name.length() >= 4) { // the longest: `x-unsafe-op-in-unsafe-fn` means that rule, not `unsafe-fn`
            String contained = null;
            for (String c : candidates) {
                if ((c.contains(name) || name.contains(c) && c.length() >= 4)
                        && (contained == null || c.length() > contained.length())) {
                    contained = c;
                }
            }
            return Optional.ofNullable(contained);
        }
        return Optional.empty();
    }

    /** Levenshtein distance, with a transposition of neighbours counting one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
