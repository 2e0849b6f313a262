package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.parse.FileToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The arguments of well-known std macros whose arguments are plain expressions ({@code assert!},
 * {@code println!}, {@code write!}, {@code vec!}, ...), parsed so that unsafe operations written in
 * them are found like anywhere else. rustc sees them as the user's own code, and so do we. Other
 * macros' token trees stay unparsed: their meaning is the macro's.
 */
final class MacroArguments {
    private static final Set<String> EXPRESSION_LIST_MACROS = Set.of(
            "assert", "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne",
            "println", "print", "eprintln", "eprint", "format", "format_args", "write", "writeln", "panic",
            "unreachable", "todo", "unimplemented", "dbg", "vec");

    private MacroArguments() {
    }

    static List<RustParser.ExpressionContext> parse(FileModel model, RustParser.MacroInvocationContext m, String name) {
        if (name.equals("matches")) {
            return matchesOperands(tokensOf(model, m));
        }
        if (!EXPRESSION_LIST_MACROS.contains(name)) {
            return List.of();
        }
        List<Token> inner = tokensOf(model, m);
        if (inner.isEmpty()) {
            return List.of();
        }
        List<RustParser.NestedContext> arguments;
        try {
            arguments = RustParsing.parseFragment(inner,
                    parser -> name.equals("vec") ? parser.arrayElements().nested() : parser.callArguments().nested())
                    .orElse(List.of()); // not plain expressions: the macro's own syntax, left alone
        } catch (RuntimeException e) {
            return List.of(); // a token run the grammar's predicates did not expect: treated like any other
        }
        List<RustParser.ExpressionContext> result = new ArrayList<>();
        for (RustParser.NestedContext n : arguments) {
            result.add(n.expression());
        }
        return result;
    }

    private static final Set<String> ASM_DIRECTIONS = Set.of("in", "out", "lateout", "inout", "inlateout");

    /**
     * The expressions among the operands of {@code asm!}: {@code in(reg) e}, {@code out(reg) e},
     * {@code inout(reg) a => b}, {@code const e}, with or without a {@code name =} before them.
     * rustc checks them as the caller's code (`nr.to_asm()` in rustix's syscalls calls an unsafe
     * method); the template strings, {@code options(..)}, {@code clobber_abi(..)}, {@code sym}
     * paths and {@code _} places are not expressions.
     */
    static List<RustParser.ExpressionContext> asmOperands(FileModel model, RustParser.MacroInvocationContext m) {
        List<RustParser.ExpressionContext> result = new ArrayList<>();
        for (List<Token> operand : split(tokensOf(model, m), RustLexer.COMMA)) {
            int at = 0;
            if (operand.size() > 2 && operand.get(1).getType() == RustLexer.EQ && operand.get(2).getType() != RustLexer.EQ) {
                at = 2; // `name = in(reg) x`
            }
            if (at >= operand.size()) {
                continue;
            }
            String head = operand.get(at).getText();
            if (operand.get(at).getType() == RustLexer.KW_CONST) {
                parseExpression(operand.subList(at + 1, operand.size()), result);
            } else if (ASM_DIRECTIONS.contains(head) && at + 1 < operand.size()
                    && operand.get(at + 1).getType() == RustLexer.LPAREN) {
                int close = closing(operand, at + 1);
                if (close < 0) {
                    continue;
                }
                for (List<Token> side : split(operand.subList(close + 1, operand.size()), RustLexer.FATARROW)) {
                    if (!(side.size() == 1 && side.get(0).getText().equals("_"))) {
                        parseExpression(side, result);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The expressions of {@code matches!(scrutinee, pattern if guard)}: the scrutinee and the guard,
     * which rustc checks as the caller's code (rustix's `matches!(ret(syscall!(..)), ..)`). The
     * pattern is not an expression, and has no comma outside brackets.
     */
    private static List<RustParser.ExpressionContext> matchesOperands(List<Token> tokens) {
        List<RustParser.ExpressionContext> result = new ArrayList<>();
        List<List<Token>> runs = split(tokens, RustLexer.COMMA);
        if (runs.size() != 2) {
            return result; // not `expr, pattern` (a trailing comma makes no run): the call does not compile
        }
        parseExpression(runs.get(0), result);
        List<List<Token>> patternAndGuard = split(runs.get(1), RustLexer.KW_IF);
        if (patternAndGuard.size() == 2) {
            parseExpression(patternAndGuard.get(1), result);
        }
        return result;
    }

    /** The one argument of `addr_of!(place)` / `addr_of_mut!(place)`, parsed; empty when it does not parse. */
    static List<RustParser.NestedContext> places(FileModel model, RustParser.MacroInvocationContext m) {
        return oneArgument(tokensOf(model, m));
    }

    /** {@code tokens} parsed as one expression (as a call's only argument); empty when they are not one. */
    private static List<RustParser.NestedContext> oneArgument(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        try {
            List<RustParser.NestedContext> one = RustParsing.parseFragment(tokens, parser -> parser.callArguments().nested())
                    .orElse(List.of());
            return one.size() == 1 ? one : List.of();
        } catch (RuntimeException e) {
            return List.of(); // not an expression the grammar reads: left alone, like any macro's own syntax
        }
    }

    private static List<Token> tokensOf(FileModel model, RustParser.MacroInvocationContext m) {
        Token open = m.delimTokenTree().getStart();
        Token close = m.delimTokenTree().getStop();
        List<Token> inner = new ArrayList<>();
        CommonTokenStream all = model.parsed().tokens();
        for (int i = open.getTokenIndex() + 1; i < close.getTokenIndex(); i++) {
            Token t = all.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                inner.add(new FileToken(t));
            }
        }
        return inner;
    }

    /** The runs of {@code tokens} between separators of type {@code separator} outside brackets. */
    private static List<List<Token>> split(List<Token> tokens, int separator) {
        List<List<Token>> runs = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            int type = t.getType();
            depth += type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LBRACE ? 1
                    : type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.RBRACE ? -1 : 0;
            if (depth == 0 && type == separator) {
                runs.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            depth += type == RustLexer.LPAREN ? 1 : type == RustLexer.RPAREN ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void parseExpression(List<Token> tokens, List<RustParser.ExpressionContext> into) {
        oneArgument(tokens).forEach(n -> into.add(n.expression()));
    }

    static boolean isLexerToken(int type) {
        return type > 0 && type <= RustLexer.UNKNOWN;
    }
}
