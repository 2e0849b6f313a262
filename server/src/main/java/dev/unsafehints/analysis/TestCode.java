package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.CfgAttributes;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Whether a place of the tree is compiled only in test builds: inside something written under
 * {@code #[cfg(test)]} (or {@code all(test, ..)}), or inside a {@code #[test]} function, which
 * rustc compiles only with {@code --test}. There the crate's dev-dependencies can be named.
 */
final class TestCode {
    private TestCode() {
    }

    /** True when {@code node} or one of its ancestors carries such an attribute. */
    static boolean encloses(ParserRuleContext node) {
        for (ParserRuleContext n = node; n != null; n = n.getParent()) {
            if (marks(n)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code node} itself (not an ancestor) carries such an attribute. */
    static boolean marks(ParserRuleContext node) {
        for (String condition : CfgAttributes.of(node)) {
            if (requiresTest(condition)) {
                return true;
            }
        }
        return hasTestAttribute(node);
    }

    /** {@code test}, or {@code all(..)} with {@code test} among its top-level arguments. */
    private static boolean requiresTest(String condition) {
        if (condition.equals("test")) {
            return true;
        }
        if (!condition.startsWith("all(") || !condition.endsWith(")")) {
            return false;
        }
        int depth = 0;
        int from = 4;
        String inner = condition.substring(0, condition.length() - 1);
        for (int i = from; i <= inner.length(); i++) {
            char ch = i < inner.length() ? inner.charAt(i) : ',';
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                if (inner.substring(from, i).strip().equals("test")) {
                    return true;
                }
                from = i + 1;
            }
        }
        return false;
    }

    /** A plain {@code #[test]} among the node's outer attributes. */
    private static boolean hasTestAttribute(ParserRuleContext node) {
        if (node.children == null) {
            return false;
        }
        for (ParseTree child : node.children) {
            if (child instanceof RustParser.OuterAttributeContext o && o.attr() != null && o.attr().attrBody() != null
                    && o.attr().attrBody().attrInput() == null) {
                RustParser.SimplePathContext path = o.attr().attrBody().simplePath();
                if (path != null && path.getText().equals("test")) {
                    return true;
                }
            }
        }
        return false;
    }
}
