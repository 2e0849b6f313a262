package dev.unsafehints.macros;

import java.util.List;
import org.antlr.v4.runtime.Token;

/** One part of a rule's matcher (its left-hand side). */
sealed interface Matcher {
    /** A token that the call must contain as written. */
    record Exact(Token token) implements Matcher {
    }

    /** A delimited group whose contents match {@code parts}. */
    record Group(int openType, List<Matcher> parts) implements Matcher {
    }

    /** {@code $name:kind}. */
    record Fragment(String name, FragmentKind kind) implements Matcher {
    }

    /** {@code $( parts ) separator? op}: op is one of {@code * + ?}. */
    record Repeat(List<Matcher> parts, Token separator, char op, List<String> variables) implements Matcher {
    }
}
