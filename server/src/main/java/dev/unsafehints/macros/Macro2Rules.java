package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Reads a macros-2.0 definition (`macro name ..`, unstable, written in the standard library's
 * sources) as the body of the `macro_rules!` that has the same rules, so one reader and one
 * expander serve both. The two forms:
 * <ul>
 *   <li>`macro name($x:expr) { body }`: one rule, its matcher in the first group and its
 *       transcriber in the second: read as `($x:expr) => { body }`;</li>
 *   <li>`macro name { (..) => { .. }, (..) => { .. } }`: rules as `macro_rules!` writes them,
 *       but separated by `,` where `macro_rules!` uses `;`.</li>
 * </ul>
 */
public final class Macro2Rules {
    private Macro2Rules() {
    }

    /**
     * The `macro_rules!` body (the tokens inside its outer delimiters) with this definition's rules.
     * {@code first} and {@code second} are the definition's groups with their delimiters;
     * {@code second} is empty for the form with a list of rules.
     */
    public static List<Token> asRulesBody(List<? extends Token> first, List<? extends Token> second) {
        List<Token> body = new ArrayList<>();
        if (!second.isEmpty()) {
            body.addAll(first);
            body.add(new CommonToken(RustLexer.FATARROW, "=>"));
            body.addAll(second);
            return body;
        }
        int depth = 0;
        for (int i = 1; i < first.size() - 1; i++) { // inside the outer delimiters
            Token t = first.get(i);
            if (TokenRun.isOpen(t.getType())) {
                depth++;
            } else if (TokenRun.isClose(t.getType())) {
                depth--;
            }
            // between the rules, where only groups and `=>` stand, a comma separates two rules
            body.add(depth == 0 && t.getType() == RustLexer.COMMA ? new CommonToken(RustLexer.SEMI, ";") : t);
        }
        return body;
    }
}
