package dev.unsafehints.analysis;

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
     * The parsed branches (blocks inside a function body, else the items of each branch), or empty
     * when some branch could not be parsed. {@code tokens}: the stream {@code m} was parsed from.
     */
    public static Optional<List<ParserRuleContext>> parse(CommonTokenStream tokens, RustParser.MacroInvocationContext m) {
        boolean inBody = false;
        for (ParserRuleContext p = m.getParent(); p != null && !inBody; p = p.getParent()) {
            inBody = p instanceof RustParser.BlockExpressionContext;
        }
        List<List<Token>> branches = branches(tokens, m);
        if (branches.isEmpty()) {
            return Optional.empty();
        }
        List<ParserRuleContext> parsed = new ArrayList<>();
        for (List<Token> branch : branches) {
            try {
                if (inBody) {
                    Optional<RustParser.BlockExpressionContext> block =
                            RustParsing.parseFragment(branch, RustParser::blockExpression);
                    if (block.isEmpty()) {
                        return Optional.empty();
                    }
                    parsed.add(block.get());
                } else {
                    Optional<RustParser.CrateContext> items =
                            RustParsing.parseFragment(branch.subList(1, branch.size() - 1), RustParser::crate);
                    if (items.isEmpty()) {
                        return Optional.empty();
                    }
                    parsed.addAll(items.get().item());
                }
            } catch (RuntimeException e) {
                return Optional.empty(); // a token run the grammar's predicates did not expect
            }
        }
        return Optional.of(parsed);
    }

    /** Each `{ ... }` at the top level of the invocation, braces included, as the file's tokens. */
    private static List<List<Token>> branches(CommonTokenStream all, RustParser.MacroInvocationContext m) {
        Token open = m.delimTokenTree().getStart();
        Token close = m.delimTokenTree().getStop();
        List<List<Token>> branches = new ArrayList<>();
        List<Token> current = null;
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
                branches.add(current);
            }
            if (current != null) {
                current.add(new FileToken(t));
            }
            depth += opens ? 1 : closes ? -1 : 0;
            if (depth == 0) {
                current = null;
            }
            if (depth < 0) {
                return List.of(); // unbalanced: not a shape we know
            }
        }
        return depth == 0 ? branches : List.of();
    }
}
