package dev.unsafehints.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Lexical scopes of local bindings; an inner binding shadows outer ones, as in Rust. */
final class Scopes {
    private final Deque<Map<String, Binding>> stack = new ArrayDeque<>();

    void push() {
        stack.push(new HashMap<>());
    }

    void pop() {
        stack.pop();
    }

    void bind(Binding b) {
        if (stack.isEmpty()) {
            push();
        }
        stack.peek().put(b.name(), b);
    }

    Binding lookup(String name) {
        for (Map<String, Binding> scope : stack) {
            Binding b = scope.get(name);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return stack.isEmpty();
    }
}
