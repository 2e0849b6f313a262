package dev.unsafehints.grammar;

import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * A compact S-expression of a parse tree, for tests and for reading what the parser made of code.
 *
 * <ul>
 *   <li>A node is named by its labeled alternative when it has one ({@code callExpr}), else by its
 *       rule ({@code statement}).</li>
 *   <li>A chain of rule nodes with one child each is shown as its innermost node that has several
 *       children, or, when the chain ends in a token, as {@code (outermost token)}: a path expression
 *       {@code a} is {@code (pathExpr a)}, not five nested rules.</li>
 *   <li>Brackets, braces, parentheses and commas are left out (the nesting shows them); other tokens
 *       are shown as written. Tokens inside macro token trees are shown bare.</li>
 *   <li>Error recovery shows as {@code <error TEXT>} and {@code <missing TEXT>}.</li>
 * </ul>
 */
public final class TreeDump {
    private static final Set<Integer> HIDDEN_PUNCTUATION = Set.of(RustLexer.LPAREN, RustLexer.RPAREN,
            RustLexer.LBRACKET, RustLexer.RBRACKET, RustLexer.LBRACE, RustLexer.RBRACE, RustLexer.COMMA);

    private TreeDump() {
    }

    /** The whole tree on one line. */
    public static String of(ParseTree tree) {
        StringBuilder sb = new StringBuilder();
        write(tree, sb);
        return sb.toString();
    }

    /** One line per child of the root (one per item for a crate), for golden files that diff well. */
    public static String lines(ParserRuleContext root) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < root.getChildCount(); i++) {
            ParseTree child = root.getChild(i);
            if (child instanceof TerminalNode t && t.getSymbol().getType() == Token.EOF) {
                continue;
            }
            int before = sb.length();
            write(child, sb);
            if (sb.length() > before) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void write(ParseTree node, StringBuilder sb) {
        if (node instanceof TerminalNode terminal) {
            writeToken(terminal, sb);
            return;
        }
        ParserRuleContext ctx = (ParserRuleContext) node;
        String name = nameOf(ctx);
        ParserRuleContext inner = ctx;
        while (inner.getChildCount() == 1 && inner.getChild(0) instanceof ParserRuleContext only) {
            inner = only;
        }
        if (inner.getChildCount() == 0) {
            sb.append('(').append(name).append(')');
            return;
        }
        if (inner.getChildCount() == 1) {
            TerminalNode token = (TerminalNode) inner.getChild(0);
            if (ctx instanceof RustParser.TokenTreeContext || ctx instanceof RustParser.IdentifierContext) {
                writeToken(token, sb);
            } else {
                sb.append('(').append(name).append(' ');
                writeToken(token, sb);
                sb.append(')');
            }
            return;
        }
        sb.append('(').append(nameOf(inner));
        for (int i = 0; i < inner.getChildCount(); i++) {
            ParseTree child = inner.getChild(i);
            if (child instanceof TerminalNode t && isHidden(t)) {
                continue;
            }
            sb.append(' ');
            write(child, sb);
        }
        sb.append(')');
    }

    private static boolean isHidden(TerminalNode t) {
        return !(t instanceof ErrorNode) && t.getSymbol().getTokenIndex() >= 0
                && HIDDEN_PUNCTUATION.contains(t.getSymbol().getType());
    }

    private static void writeToken(TerminalNode terminal, StringBuilder sb) {
        Token token = terminal.getSymbol();
        String text = token.getText().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        if (terminal instanceof ErrorNode) {
            // A token that recovery made up (index -1) already reads "<missing X>".
            sb.append(token.getTokenIndex() < 0 ? text : "<error " + text + ">");
        } else {
            sb.append(text);
        }
    }

    private static String nameOf(ParserRuleContext ctx) {
        String simple = ctx.getClass().getSimpleName();
        String label = simple.endsWith("Context") ? simple.substring(0, simple.length() - "Context".length()) : simple;
        String rule = RustParser.ruleNames[ctx.getRuleIndex()];
        // A labeled alternative's class is named after the label; a plain rule's after the rule.
        return label.equalsIgnoreCase(rule) ? rule : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
