package dev.unsafehints.parse;

import dev.unsafehints.grammar.RustParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The {@code #[cfg(..)]} and {@code #![cfg(..)]} conditions written on one node of the tree, as the
 * reports and {@code CfgEnvironment} read them ({@code feature = "std"}, {@code any(unix, windows)}).
 * One reader for the analysis (which guards sites) and the index (which guards declarations).
 */
public final class CfgAttributes {
    private CfgAttributes() {
    }

    /** The conditions of the attributes among {@code node}'s children, in order; empty when none. */
    public static List<String> of(ParserRuleContext node) {
        List<String> conditions = new ArrayList<>();
        addTo(node, conditions);
        return conditions;
    }

    /** Adds the conditions of the attributes among {@code node}'s children to {@code conditions}. */
    public static void addTo(ParserRuleContext node, List<String> conditions) {
        if (node == null || node.children == null) {
            return;
        }
        for (ParseTree child : node.children) {
            RustParser.AttrContext attr = null;
            if (child instanceof RustParser.OuterAttributeContext o) {
                attr = o.attr();
            } else if (child instanceof RustParser.InnerAttributeContext i) {
                attr = i.attr();
            }
            if (attr != null && attr.attrBody() != null && isCfg(attr.attrBody().simplePath())
                    && attr.attrBody().attrInput() != null && attr.attrBody().attrInput().delimTokenTree() != null) {
                String text = attr.attrBody().attrInput().delimTokenTree().getText();
                conditions.add(pretty(text.substring(1, text.length() - 1)));
            }
        }
    }

    /** `cfg`, checked on the path's one token: no text is built for the many other attributes. */
    /** {@code any(..)} of the conditions, a nested {@code any(..)} taken apart; one condition alone as it is. */
    public static String any(List<String> conditions) {
        List<String> each = new ArrayList<>();
        for (String c : conditions) {
            List<String> inner = argumentsOf("any", c);
            for (String i : inner != null ? inner : List.of(c)) {
                if (!each.contains(i)) {
                    each.add(i);
                }
            }
        }
        return each.size() == 1 ? each.get(0) : "any(" + String.join(", ", each) + ")";
    }

    /** The condition that none of {@code conditions} holds: {@code not(unix)}, {@code not(any(unix, windows))}. */
    public static String none(List<String> conditions) {
        return "not(" + any(conditions) + ")";
    }

    /** The top-level arguments of {@code name(..)} when {@code condition} is one such call, else null. */
    private static List<String> argumentsOf(String name, String condition) {
        if (!condition.startsWith(name + "(") || !condition.endsWith(")")) {
            return null;
        }
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = name.length() + 1;
        for (int i = from; i < condition.length(); i++) {
            char ch = condition.charAt(i);
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    if (i != condition.length() - 1) {
                        return null; // `any(a) && ..`: not one call
                    }
                    String last = condition.substring(from, i).strip();
                    if (!last.isEmpty()) {
                        args.add(last);
                    }
                    return args;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                args.add(condition.substring(from, i).strip());
                from = i + 1;
            }
        }
        return null;
    }

    private static boolean isCfg(RustParser.SimplePathContext path) {
        return path != null && path.getStart() == path.getStop() && path.getStart() != null
                && "cfg".equals(path.getStart().getText());
    }

    private static String pretty(String tokens) {
        return tokens.replace("=", " = ").replace(",", ", ");
    }
}
