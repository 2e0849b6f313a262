package dev.unsafehints.macros;

import java.util.List;
import org.antlr.v4.runtime.Token;

/** What a metavariable matched: one fragment, or one binding per repetition. */
sealed interface Binding {
    record Fragment(FragmentKind kind, List<? extends Token> tokens) implements Binding {
    }

    record Sequence(List<Binding> items) implements Binding {
    }
}
