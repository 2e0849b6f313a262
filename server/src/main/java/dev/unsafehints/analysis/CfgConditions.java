package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The {@code #[cfg(...)]} conditions that guard a place in the file, outermost first: on the items,
 * statements, match arms and fields that enclose it, and {@code #![cfg(...)]} of the file or a
 * module. Reports use them to set `cfg(test)` code apart; `cfg(debug_assertions)` code is not excluded.
 */
public final class CfgConditions {
    private CfgConditions() {
    }

    /** The conditions around {@code offset}, e.g. ["test", "feature = \"std\""]; empty when none. */
    public static List<String> at(FileModel model, int offset) {
        List<String> conditions = new ArrayList<>();
        ParserRuleContext node = model.parsed().tree();
        while (node != null) {
            collect(node, conditions);
            ParserRuleContext next = null;
            if (node.children != null) {
                for (ParseTree child : node.children) {
                    if (child instanceof ParserRuleContext c && c.getStart() != null && c.getStop() != null
                            && model.startOf(c.getStart()) <= offset && offset < model.endOf(c.getStop())) {
                        next = c;
                        break;
                    }
                }
            }
            node = next;
        }
        return conditions;
    }

    private static void collect(ParserRuleContext node, List<String> conditions) {
        if (node.children == null) {
            return;
        }
        for (ParseTree child : node.children) {
            RustParser.AttrContext attr = null;
            if (child instanceof RustParser.OuterAttributeContext o) {
                attr = o.attr();
            } else if (child instanceof RustParser.InnerAttributeContext i) {
                attr = i.attr();
            }
            if (attr != null && attr.attrBody() != null && attr.attrBody().simplePath().getText().equals("cfg")
                    && attr.attrBody().attrInput() != null && attr.attrBody().attrInput().delimTokenTree() != null) {
                String text = attr.attrBody().attrInput().delimTokenTree().getText();
                conditions.add(pretty(text.substring(1, text.length() - 1)));
            }
        }
    }

    private static String pretty(String tokens) {
        return tokens.replace("=", " = ").replace(",", ", ");
    }
}
