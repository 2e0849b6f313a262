package dev.unsafehints.macros;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Matches a call's tokens against one rule's matcher. Repetitions are greedy and do not backtrack:
 * an iteration is taken whenever it matches, as rustc's matcher does (where rustc would see two
 * ways to go on, it stops with "local ambiguity"; such a macro does not compile, so greed gives
 * the same result on every macro that does).
 */
final class RuleMatcher {
    private final String macroName;
    private final TokenRun in;
    private final ExpansionBudget budget;

    RuleMatcher(String macroName, TokenRun in, ExpansionBudget budget) {
        this.macroName = macroName;
        this.in = in;
        this.budget = budget;
    }

    /** The bindings when the whole input matches, else null. */
    Map<String, Binding> matchAll(List<Matcher> parts) {
        Map<String, Binding> bindings = new HashMap<>();
        int end = sequence(parts, 0, in.size(), bindings);
        return end == in.size() ? bindings : null;
    }

    /** Matches the parts from {@code pos} (not past {@code end}); the position after them, or -1. */
    private int sequence(List<Matcher> parts, int pos, int end, Map<String, Binding> bindings) {
        int at = pos;
        for (Matcher part : parts) {
            at = one(part, at, end, bindings);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    private int one(Matcher part, int pos, int end, Map<String, Binding> bindings) {
        budget.step(macroName, 1);
        if (part instanceof Matcher.Exact exact) {
            return pos < end && same(in.get(pos), exact.token()) ? pos + 1 : -1;
        }
        if (part instanceof Matcher.Group group) {
            if (pos >= end || in.get(pos).getType() != group.openType() || in.closer(pos) < 0) {
                return -1;
            }
            int close = in.closer(pos);
            return sequence(group.parts(), pos + 1, close, bindings) == close ? close + 1 : -1;
        }
        if (part instanceof Matcher.Fragment fragment) {
            int after = FragmentParser.match(fragment.kind(), in, pos, end);
            if (after < 0) {
                return -1;
            }
            budget.step(macroName, after - pos);
            bindings.put(fragment.name(), new Binding.Fragment(fragment.kind(), in.slice(pos, after)));
            return after;
        }
        return repeat((Matcher.Repeat) part, pos, end, bindings);
    }

    private int repeat(Matcher.Repeat r, int pos, int end, Map<String, Binding> bindings) {
        List<Map<String, Binding>> iterations = new ArrayList<>();
        int at = pos;
        while (at <= end) {
            int start = at;
            if (!iterations.isEmpty() && r.separator() != null) {
                if (start >= end || !same(in.get(start), r.separator())) {
                    break;
                }
                start++;
            }
            Map<String, Binding> iteration = new HashMap<>();
            int after = sequence(r.parts(), start, end, iteration);
            if (after < 0 || after == at) {
                break; // no further iteration (or one that takes nothing, which would never end)
            }
            iterations.add(iteration);
            at = after;
            if (r.op() == '?') {
                break;
            }
        }
        if (r.op() == '+' && iterations.isEmpty()) {
            return -1;
        }
        for (String variable : r.variables()) {
            List<Binding> items = new ArrayList<>(iterations.size());
            for (Map<String, Binding> iteration : iterations) {
                Binding b = iteration.get(variable);
                items.add(b == null ? new Binding.Sequence(List.of()) : b);
            }
            bindings.put(variable, new Binding.Sequence(items));
        }
        return at;
    }

    /** The same token: kind and spelling. */
    static boolean same(Token a, Token b) {
        // a name the macro text bound matches by its spelling, as rustc matches identifiers
        return a.getType() == b.getType() && LocalHygiene.spelling(a).equals(LocalHygiene.spelling(b));
    }
}
