package dev.unsafehints.parse;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The branches of {@code cfg_if!} and {@code cfg_select!}, parsed. Both macros choose, by `cfg`
 * conditions, one of several brace-delimited runs of code and paste it in place of the invocation:
 * <pre>
 * cfg_if! { if #[cfg(unix)] { ... } else if #[cfg(windows)] { ... } else { ... } }
 * cfg_select! { unix => { ... } windows => { ... } _ => { ... } }
 * </pre>
 * So what is written in a branch is the user's own code, which the compiler checks like any other
 * (the branch the target selects, that is: we analyse every branch, as for `#[cfg]` items). Each
 * branch is parsed as items where the invocation stands among items, and as a block where it stands
 * in a function body. A branch that does not parse (the macro used some other way) is left alone.
 */
public final class CfgMacroBranches {
    private static final Set<String> NAMES = Set.of("cfg_if", "cfg_select");

    private CfgMacroBranches() {
    }

    /** Whether this invocation is one of these macros, by its last path segment. */
    public static boolean isOne(RustParser.MacroInvocationContext m) {
        List<RustParser.SimplePathSegmentContext> segments = m.simplePath().simplePathSegment();
        return NAMES.contains(segments.get(segments.size() - 1).getText());
    }

    /**
     * One branch: the `cfg` condition under which the macro pastes it (`unix`, `not(any(unix))` for
     * an `else`), the file offsets (code points) of its braces, and its code, parsed.
     */
    public record Branch(String condition, int start, int end, List<ParserRuleContext> code) {
    }

    /**
     * The parsed branches (blocks inside a function body, else the items of each branch), or empty
     * when some branch could not be parsed. {@code tokens}: the stream {@code m} was parsed from.
     */
    public static Optional<List<ParserRuleContext>> parse(CommonTokenStream tokens, RustParser.MacroInvocationContext m) {
        return branches(tokens, m).map(all -> all.stream().flatMap(b -> b.code().stream()).toList());
    }

    /** The branches with their conditions, or empty when some branch could not be parsed. */
    public static Optional<List<Branch>> branches(CommonTokenStream tokens, RustParser.MacroInvocationContext m) {
        boolean inBody = false;
        for (ParserRuleContext p = m.getParent(); p != null && !inBody; p = p.getParent()) {
            inBody = p instanceof RustParser.BlockExpressionContext;
        }
        List<List<Token>> runs = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        split(tokens, m, runs, conditions);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Token> run = runs.get(i);
            List<ParserRuleContext> code = new ArrayList<>();
            try {
                if (inBody) {
                    Optional<RustParser.BlockExpressionContext> block =
                            RustParsing.parseFragment(run, RustParser::blockExpression);
                    if (block.isEmpty()) {
                        return Optional.empty();
                    }
                    code.add(block.get());
                } else {
                    Optional<RustParser.CrateContext> items =
                            RustParsing.parseFragment(run.subList(1, run.size() - 1), RustParser::crate);
                    if (items.isEmpty()) {
                        return Optional.empty();
                    }
                    code.addAll(items.get().item());
                }
            } catch (RuntimeException e) {
                return Optional.empty(); // a token run the grammar's predicates did not expect
            }
            branches.add(new Branch(conditions.get(i), run.get(0).getStartIndex(),
                    run.get(run.size() - 1).getStopIndex() + 1, code));
        }
        return Optional.of(branches);
    }

    /**
     * Each `{ ... }` at the top level of the invocation, braces included, as the file's tokens, and
     * the condition written before it: the `cfg(..)` of `if #[cfg(..)]` or the predicate before
     * `=>`; an `else` or `_` branch gets `not(any(..))` of the conditions before it.
     */
    private static void split(CommonTokenStream all, RustParser.MacroInvocationContext m, List<List<Token>> runs,
                              List<String> conditions) {
        Token open = m.delimTokenTree().getStart();
        Token close = m.delimTokenTree().getStop();
        List<Token> current = null;
        List<Token> head = new ArrayList<>(); // the tokens since the last branch: `else if #[cfg(..)]`, `pred =>`
        int depth = 0;
        for (int i = open.getTokenIndex() + 1; i < close.getTokenIndex(); i++) {
            Token t = all.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            boolean opens = type == RustLexer.LBRACE || type == RustLexer.LPAREN || type == RustLexer.LBRACKET;
            boolean closes = type == RustLexer.RBRACE || type == RustLexer.RPAREN || type == RustLexer.RBRACKET;
            if (depth == 0 && type == RustLexer.LBRACE) {
                current = new ArrayList<>();
                runs.add(current);
                conditions.add(condition(head, conditions));
                head = new ArrayList<>();
            }
            if (current != null) {
                current.add(new FileToken(t));
            } else {
                head.add(t);
            }
            depth += opens ? 1 : closes ? -1 : 0;
            if (depth == 0) {
                current = null;
            }
            if (depth < 0) {
                runs.clear();
                return; // unbalanced: not a shape we know
            }
        }
        if (depth != 0) {
            runs.clear();
        }
    }

    /** The condition a branch's head states, or the negation of all earlier ones. */
    private static String condition(List<Token> head, List<String> earlier) {
        int cfg = -1;
        for (int i = 0; i + 1 < head.size(); i++) {
            if (head.get(i).getText().equals("cfg") && head.get(i + 1).getType() == RustLexer.LPAREN) {
                cfg = i + 1;
            }
        }
        String stated = null;
        if (cfg >= 0) { // `#[cfg(X)]`: X is what lies between the parentheses
            int depth = 0;
            for (int j = cfg; j < head.size(); j++) {
                int type = head.get(j).getType();
                depth += type == RustLexer.LPAREN ? 1 : type == RustLexer.RPAREN ? -1 : 0;
                if (depth == 0) {
                    stated = text(head.subList(cfg + 1, j));
                    break;
                }
            }
        } else if (head.size() >= 2 && head.get(head.size() - 1).getType() == RustLexer.FATARROW) {
            String predicate = text(head.subList(0, head.size() - 1));
            stated = predicate.equals("_") ? null : predicate; // cfg_select's `pred => { .. }`
        }
        if (stated != null && !stated.isEmpty()) {
            return stated;
        }
        List<String> before = earlier.stream().filter(c -> !c.isEmpty()).toList();
        return before.isEmpty() ? "" : dev.unsafehints.parse.CfgAttributes.none(before);
    }

    /** The tokens as a condition is written: `feature = "std"`, `any(unix, windows)`. */
    private static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (Token t : tokens) {
            String x = t.getText();
            if (previous != null && !previous.equals("(") && !x.equals(",") && !x.equals(")") && !x.equals("(")) {
                sb.append(' ');
            }
            sb.append(x);
            previous = x;
        }
        return sb.toString();
    }
}
