package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * What a metavariable expression of a transcriber writes (nightly's `macro_metavar_expr` and
 * `macro_metavar_expr_concat`, which std's own macros use): `${count($x, d)}` the number of
 * fragments `$x` matched, summed over the repetitions `d` levels above its innermost one;
 * `${index(d)}` and `${len(d)}` the position in, and length of, the repetition being written `d`
 * levels out (0 the innermost); `${ignore($x)}` nothing, though `$x` drives the repetition around
 * it; `${concat(..)}` one identifier spelled by its identifiers, string literals and metavariables.
 * A use the compiler rejects is an {@link ExpansionException}, a note at the call.
 */
final class MetavariableExpressions {
    /** A token to write: its kind and text. */
    record Written(int type, String text) {
    }

    private MetavariableExpressions() {
    }

    static Optional<Written> write(Transcriber.Expression e, Map<String, Binding> bindings, Deque<int[]> repetitions,
                                   String macroName) {
        switch (e.function()) {
            case "ignore":
                return Optional.empty();
            case "count": {
                List<String> names = DefinitionReader.expressionVariables(e);
                if (names.size() != 1 || !(bindings.get(names.get(0)) instanceof Binding.Sequence)) {
                    throw fail(macroName, "`${count(..)}` needs a metavariable that repeats at this depth");
                }
                Binding bound = bindings.get(names.get(0));
                int levels = levels(bound);
                int depth = depthArgument(e.arguments(), afterComma(e.arguments()), macroName);
                if (depth >= levels) {
                    throw fail(macroName, "`${count(.., " + depth + ")}` is deeper than `$" + names.get(0) + "` repeats");
                }
                return Optional.of(integer(countAt(bound, levels - 1 - depth, 0)));
            }
            case "index":
            case "len": {
                int depth = depthArgument(e.arguments(), 0, macroName);
                if (depth >= repetitions.size()) {
                    throw fail(macroName, "`${" + e.function() + "(" + depth + ")}` is outside that many repetitions");
                }
                Iterator<int[]> outward = repetitions.iterator();
                int[] position = outward.next();
                for (int i = 0; i < depth; i++) {
                    position = outward.next();
                }
                return Optional.of(integer(e.function().equals("index") ? position[0] : position[1]));
            }
            default:
                return Optional.of(new Written(RustLexer.IDENTIFIER, concat(e.arguments(), bindings, macroName)));
        }
    }

    /** How many repetitions deep a binding is: 0 for one fragment. */
    private static int levels(Binding b) {
        if (b instanceof Binding.Sequence s) {
            int inner = 0;
            for (Binding item : s.items()) {
                inner = Math.max(inner, levels(item));
            }
            return 1 + inner;
        }
        return 0;
    }

    /** The sum of the lengths of the sequences {@code target} levels below {@code b}. */
    private static int countAt(Binding b, int target, int level) {
        if (!(b instanceof Binding.Sequence s)) {
            return 1;
        }
        if (level == target) {
            return s.items().size();
        }
        int sum = 0;
        for (Binding item : s.items()) {
            sum += countAt(item, target, level + 1);
        }
        return sum;
    }

    /** Where a `count`'s optional depth starts: after its first top-level comma, or the end. */
    private static int afterComma(List<Token> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).getType() == RustLexer.COMMA) {
                return i + 1;
            }
        }
        return arguments.size();
    }

    /** The unsuffixed integer literal at {@code from}, or 0 when nothing is written there. */
    private static int depthArgument(List<Token> arguments, int from, String macroName) {
        if (from >= arguments.size()) {
            return 0;
        }
        Token t = arguments.get(from);
        if (t.getType() != RustLexer.INTEGER_LITERAL || from + 1 != arguments.size() || !t.getText().matches("[0-9]{1,4}")) {
            throw fail(macroName, "a metavariable expression's depth must be an unsuffixed integer literal");
        }
        return Integer.parseInt(t.getText());
    }

    private static String concat(List<Token> arguments, Map<String, Binding> bindings, String macroName) {
        StringBuilder name = new StringBuilder();
        List<Token> element = new ArrayList<>();
        for (int i = 0; i <= arguments.size(); i++) {
            if (i < arguments.size() && arguments.get(i).getType() != RustLexer.COMMA) {
                element.add(arguments.get(i));
                continue;
            }
            name.append(piece(element, bindings, macroName));
            element.clear();
        }
        String spelled = name.toString();
        if (!spelled.matches("[A-Za-z_][A-Za-z0-9_]*") || spelled.equals("_")) {
            throw fail(macroName, "`${concat(..)}` does not make an identifier: `" + spelled + "`");
        }
        return spelled;
    }

    /** One element of a `concat`: an identifier, a string literal, or a metavariable bound to one of those. */
    private static String piece(List<Token> element, Map<String, Binding> bindings, String macroName) {
        Token only = element.size() == 1 ? element.get(0) : null;
        if (element.size() == 2 && element.get(0).getType() == RustLexer.DOLLAR) {
            Binding bound = bindings.get(element.get(1).getText());
            if (bound instanceof Binding.Fragment f && f.tokens().size() == 1) {
                only = f.tokens().get(0);
            } else {
                throw fail(macroName, "`$" + element.get(1).getText() + "` in `${concat(..)}` is not one identifier or literal");
            }
        }
        if (only == null) {
            throw fail(macroName, "`${concat(..)}` takes identifiers, literals and metavariables separated by commas");
        }
        String text = only.getText();
        if (only.getType() == RustLexer.STRING_LITERAL && text.length() >= 2) {
            return text.substring(1, text.length() - 1);
        }
        if (only instanceof ExpandedToken expanded) {
            return expanded.writtenText();
        }
        return text.startsWith("r#") ? text.substring(2) : text;
    }

    private static Written integer(int value) {
        return new Written(RustLexer.INTEGER_LITERAL, Integer.toString(value));
    }

    private static ExpansionException fail(String macroName, String why) {
        return new ExpansionException(why + " in `" + macroName + "!`");
    }
}
