package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Reads the rules of a `macro_rules!` body: `matcher => transcriber` arms separated by `;`, each
 * side in any of the three delimiters. Throws {@link ExpansionException} with the reason when the
 * body is not a valid definition (rustc would reject it too).
 */
final class DefinitionReader {
    private final String name;
    private final TokenRun run;

    private DefinitionReader(String name, TokenRun run) {
        this.name = name;
        this.run = run;
    }

    static List<MacroRule> rules(String name, List<? extends Token> body) {
        return new DefinitionReader(name, TokenRun.of(body)).rules();
    }

    private List<MacroRule> rules() {
        List<MacroRule> rules = new ArrayList<>();
        int i = 0;
        while (i < run.size()) {
            int matcherEnd = group(i, "a matcher");
            if (matcherEnd >= run.size() || run.get(matcherEnd).getType() != RustLexer.FATARROW) {
                throw fail("expected `=>` after a matcher");
            }
            int transcriber = matcherEnd + 1;
            int transcriberEnd = group(transcriber, "a transcriber");
            rules.add(new MacroRule(matchers(i + 1, matcherEnd - 1), transcribers(transcriber + 1, transcriberEnd - 1)));
            i = transcriberEnd;
            if (i < run.size()) {
                if (run.get(i).getType() != RustLexer.SEMI) {
                    throw fail("expected `;` between rules");
                }
                i++;
            }
        }
        if (rules.isEmpty()) {
            throw fail("no rules");
        }
        return rules;
    }

    /** The end of the group at {@code i}, which must be a delimited group. */
    private int group(int i, String what) {
        if (i >= run.size() || run.closer(i) < 0) {
            throw fail("expected " + what + " in delimiters");
        }
        return run.closer(i) + 1;
    }

    private ExpansionException fail(String why) {
        return new ExpansionException("the definition of `" + name + "!` cannot be read: " + why);
    }

    // ------------------------------------------------------------------ matchers

    private List<Matcher> matchers(int from, int to) {
        List<Matcher> parts = new ArrayList<>();
        int i = from;
        while (i < to) {
            Token t = run.get(i);
            if (run.closer(i) >= 0) {
                parts.add(new Matcher.Group(t.getType(), matchers(i + 1, run.closer(i))));
                i = run.closer(i) + 1;
            } else if (t.getType() == RustLexer.DOLLAR && i + 1 < to && run.get(i + 1).getType() == RustLexer.LPAREN) {
                int close = run.closer(i + 1);
                List<Matcher> inner = matchers(i + 2, close);
                Repetition r = repetition(close + 1, to);
                parts.add(new Matcher.Repeat(inner, r.separator, r.op, List.copyOf(variablesOf(inner, new LinkedHashSet<>()))));
                i = r.next;
            } else if (t.getType() == RustLexer.DOLLAR && i + 1 < to && FragmentParser.isIdentifier(run.get(i + 1))
                    && run.get(i + 1).getType() != RustLexer.KW_CRATE) {
                String variable = run.get(i + 1).getText();
                if (i + 3 >= to || run.get(i + 2).getType() != RustLexer.COLON) {
                    throw fail("`$" + variable + "` needs a fragment specifier (`$" + variable + ":expr`)");
                }
                FragmentKind kind = FragmentKind.named(run.get(i + 3).getText());
                if (kind == null) {
                    throw fail("unknown fragment specifier `" + run.get(i + 3).getText() + "`");
                }
                parts.add(new Matcher.Fragment(variable, kind));
                i += 4;
            } else {
                parts.add(new Matcher.Exact(t));
                i++;
            }
        }
        return parts;
    }

    private static Set<String> variablesOf(List<Matcher> parts, Set<String> into) {
        for (Matcher m : parts) {
            if (m instanceof Matcher.Fragment f) {
                into.add(f.name());
            } else if (m instanceof Matcher.Group g) {
                variablesOf(g.parts(), into);
            } else if (m instanceof Matcher.Repeat r) {
                into.addAll(r.variables());
            }
        }
        return into;
    }

    private record Repetition(Token separator, char op, int next) {
    }

    /** After `$( .. )`: an optional separator, then `*`, `+` or `?`. */
    private Repetition repetition(int i, int to) {
        if (i < to && isOperator(run.get(i))) {
            return new Repetition(null, run.get(i).getText().charAt(0), i + 1);
        }
        if (i + 1 < to && run.closer(i) < 0 && !TokenRun.isClose(run.get(i).getType()) && isOperator(run.get(i + 1))
                && !run.get(i + 1).getText().equals("?")) {
            return new Repetition(run.get(i), run.get(i + 1).getText().charAt(0), i + 2);
        }
        throw fail("expected `*`, `+` or `?` after a repetition");
    }

    private static boolean isOperator(Token t) {
        int type = t.getType();
        return type == RustLexer.STAR || type == RustLexer.PLUS || type == RustLexer.QUESTION;
    }

    // ------------------------------------------------------------------ transcribers

    private List<Transcriber> transcribers(int from, int to) {
        List<Transcriber> parts = new ArrayList<>();
        int i = from;
        while (i < to) {
            Token t = run.get(i);
            if (run.closer(i) >= 0) {
                int close = run.closer(i);
                parts.add(new Transcriber.Group(t, transcribers(i + 1, close), run.get(close)));
                i = close + 1;
            } else if (t.getType() == RustLexer.DOLLAR && i + 1 < to && run.get(i + 1).getType() == RustLexer.LPAREN) {
                int close = run.closer(i + 1);
                List<Transcriber> inner = transcribers(i + 2, close);
                Repetition r = repetition(close + 1, to);
                parts.add(new Transcriber.Repeat(inner, r.separator, r.op,
                        List.copyOf(usedVariables(inner, new LinkedHashSet<>()))));
                i = r.next;
            } else if (t.getType() == RustLexer.DOLLAR && i + 1 < to && run.get(i + 1).getType() == RustLexer.LBRACE) {
                int close = run.closer(i + 1);
                parts.add(expression(t, i + 2, close));
                i = close + 1;
            } else if (t.getType() == RustLexer.DOLLAR && i + 1 < to && run.get(i + 1).getType() == RustLexer.KW_CRATE) {
                parts.add(new Transcriber.Crate(run.get(i + 1)));
                i += 2;
            } else if (t.getType() == RustLexer.DOLLAR && i + 1 < to && FragmentParser.isIdentifier(run.get(i + 1))) {
                parts.add(new Transcriber.Variable(run.get(i + 1).getText(), t, run.get(i + 1)));
                i += 2;
            } else {
                parts.add(new Transcriber.Text(t));
                i++;
            }
        }
        return parts;
    }

    private static final Set<String> EXPRESSIONS = Set.of("count", "index", "len", "ignore", "concat");

    /** The metavariable expression between {@code ${} and {@code }}: a name, then its arguments in parentheses. */
    private Transcriber.Expression expression(Token dollar, int from, int to) {
        if (to - from < 3 || !EXPRESSIONS.contains(run.get(from).getText())
                || run.get(from + 1).getType() != RustLexer.LPAREN || run.closer(from + 1) != to - 1) {
            throw fail("`${..}` is not one of `count`, `index`, `len`, `ignore` or `concat` with its arguments in parentheses");
        }
        return new Transcriber.Expression(run.get(from).getText(), List.copyOf(run.slice(from + 2, to - 1)), dollar);
    }

    /** The metavariables an expression names (`$x`, or a bare `x` in `count(x)` as first written). */
    static List<String> expressionVariables(Transcriber.Expression e) {
        List<String> names = new java.util.ArrayList<>();
        List<Token> args = e.arguments();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).getType() == RustLexer.DOLLAR && i + 1 < args.size() && FragmentParser.isIdentifier(args.get(i + 1))) {
                names.add(args.get(i + 1).getText());
            }
        }
        if (names.isEmpty() && (e.function().equals("count") || e.function().equals("ignore")) && !args.isEmpty()
                && FragmentParser.isIdentifier(args.get(0))) {
            names.add(args.get(0).getText());
        }
        return names;
    }

    private static Set<String> usedVariables(List<Transcriber> parts, Set<String> into) {
        for (Transcriber t : parts) {
            if (t instanceof Transcriber.Expression e) {
                into.addAll(expressionVariables(e));
            } else if (t instanceof Transcriber.Variable v) {
                into.add(v.name());
            } else if (t instanceof Transcriber.Group g) {
                usedVariables(g.parts(), into);
            } else if (t instanceof Transcriber.Repeat r) {
                into.addAll(r.variables());
            }
        }
        return into;
    }
}
