package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deletes one token at a time from small real-looking files and checks that parsing still ends,
 * reports an error where the damage is, and keeps the items elsewhere in the file.
 */
class ErrorRecoveryTest {
    /** Items that start further than this from the deleted token must survive; errors show within it. */
    private static final int NEAR_LINES = 5;

    @ParameterizedTest
    @ValueSource(strings = {"buffer.rs", "shapes.rs", "ffi.rs", "state.rs"})
    void deletingAnyTokenKeepsTheRestOfTheFile(String name) {
        String text = Fixtures.read(Fixtures.dir("recovery").resolve(name));
        ParsedFile original = RustParsing.parse(text, Edition.E2021);
        assertEquals(List.of(), original.errors(), name + " must be valid to begin with");
        List<Item> items = items(original.tree());
        assertTrue(items.size() >= 5, "too few items in " + name);

        List<String> problems = new ArrayList<>();
        for (Token deleted : original.tokens().getTokens()) {
            if (deleted.getChannel() != Token.DEFAULT_CHANNEL || deleted.getType() == Token.EOF) {
                continue;
            }
            ParsedFile parsed = RustParsing.parse(blank(text, deleted), Edition.E2021);
            String where = name + ": deleting '" + deleted.getText() + "' at " + deleted.getLine() + ":"
                    + (deleted.getCharPositionInLine() + 1);
            // An unclosed block may only show at the end of the file; anything else shows near the damage.
            if (!parsed.errors().isEmpty() && !isClosing(deleted) && !hasErrorNear(parsed, deleted.getLine())) {
                problems.add(where + ": no error within " + NEAR_LINES + " lines, first is " + parsed.errors().get(0));
            }
            Set<String> found = names(items(parsed.tree()));
            for (Item item : items) {
                boolean far = Math.abs(item.line - deleted.getLine()) > NEAR_LINES;
                if (far && !found.contains(item.name)) {
                    problems.add(where + ": lost " + item.name + " (line " + item.line + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean isClosing(Token t) {
        return t.getType() == RustLexer.RBRACE || t.getType() == RustLexer.RPAREN || t.getType() == RustLexer.RBRACKET;
    }

    private static boolean hasErrorNear(ParsedFile parsed, int line) {
        return parsed.errors().stream().anyMatch(e -> Math.abs(e.line() - line) <= NEAR_LINES);
    }

    /** The text with the token replaced by spaces, so that positions after it stay the same. */
    private static String blank(String text, Token token) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = token.getStartIndex(); i <= token.getStopIndex(); i++) {
            if (sb.charAt(i) != '\n') {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    record Item(String name, int line) {
    }

    private static Set<String> names(List<Item> items) {
        Set<String> names = new TreeSet<>();
        items.forEach(i -> names.add(i.name));
        return names;
    }

    /** Named items anywhere in the tree: functions, types, traits, impls, modules, constants. */
    static List<Item> items(ParseTree tree) {
        List<Item> items = new ArrayList<>();
        collect(tree, items);
        return items;
    }

    private static void collect(ParseTree node, List<Item> items) {
        if (!(node instanceof ParserRuleContext ctx)) {
            return;
        }
        String name = null;
        if (ctx instanceof RustParser.Function_Context f && f.identifier() != null) {
            name = "fn " + f.identifier().getText();
        } else if (ctx instanceof RustParser.Struct_Context s && s.identifier() != null) {
            name = "struct " + s.identifier().getText();
        } else if (ctx instanceof RustParser.EnumerationContext e && e.identifier() != null) {
            name = "enum " + e.identifier().getText();
        } else if (ctx instanceof RustParser.Union_Context u && u.identifier() != null) {
            name = "union " + u.identifier().getText();
        } else if (ctx instanceof RustParser.Trait_Context t && t.identifier() != null) {
            name = "trait " + t.identifier().getText();
        } else if (ctx instanceof RustParser.ModuleContext m && m.identifier() != null) {
            name = "mod " + m.identifier().getText();
        } else if (ctx instanceof RustParser.ImplementationContext i && i.type_() != null) {
            name = "impl " + (i.typePath() != null ? i.typePath().getText() + " for " : "") + i.type_().getText();
        } else if (ctx instanceof RustParser.ConstantItemContext c && c.identifier() != null) {
            name = "const " + c.identifier().getText();
        } else if (ctx instanceof RustParser.StaticItemContext s && s.identifier() != null) {
            name = "static " + s.identifier().getText();
        }
        if (name != null && ctx.start != null) {
            items.add(new Item(name, ctx.start.getLine()));
        }
        for (int i = 0; i < ctx.getChildCount(); i++) {
            collect(ctx.getChild(i), items);
        }
    }

}
