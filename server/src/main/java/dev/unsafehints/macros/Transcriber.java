package dev.unsafehints.macros;

import java.util.List;
import org.antlr.v4.runtime.Token;

/** One part of a rule's transcriber (its right-hand side). */
sealed interface Transcriber {
    /** A token the macro writes as it stands. */
    record Text(Token token) implements Transcriber {
    }

    /** A delimited group. */
    record Group(Token open, List<Transcriber> parts, Token close) implements Transcriber {
    }

    /** {@code $name}: the tokens bound to the name. */
    record Variable(String name, Token dollar, Token nameToken) implements Transcriber {
    }

    /** {@code $crate}: the defining crate; `crate` for the calling crate's own macros, else the dependency's name. */
    record Crate(Token token) implements Transcriber {
    }

    /**
     * {@code ${function(arguments)}}, a metavariable expression: {@code count($x, depth)},
     * {@code index(depth)}, {@code len(depth)}, {@code ignore($x)} or {@code concat(a, $x, "b")}
     * ({@code arguments} as written between the parentheses).
     */
    record Expression(String function, List<Token> arguments, Token dollar) implements Transcriber {
    }

    /** {@code $( parts ) separator? op}, repeated once per element of the variables it uses. */
    record Repeat(List<Transcriber> parts, Token separator, char op, List<String> variables) implements Transcriber {
    }
}
