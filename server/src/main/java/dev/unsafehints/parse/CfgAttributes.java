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
    private static boolean isCfg(RustParser.SimplePathContext path) {
        return path != null && path.getStart() == path.getStop() && path.getStart() != null
                && "cfg".equals(path.getStart().getText());
    }

    private static String pretty(String tokens) {
        return tokens.replace("=", " = ").replace(",", ", ");
    }
}
