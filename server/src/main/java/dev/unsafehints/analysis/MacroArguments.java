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
        if (!EXPRESSION_LIST_MACROS.contains(name)) {
            return List.of();
        }
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

    static boolean isLexerToken(int type) {
        return type > 0 && type <= RustLexer.UNKNOWN;
    }
}
