package dev.unsafehints.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexical scopes of local bindings; an inner binding shadows outer ones, as in Rust. Each name
 * keeps its own stack of bindings, so a lookup costs the same at any depth (walking the scopes
 * made deeply nested code, e.g. a long else-if chain, quadratic).
 */
final class Scopes {
    private final Deque<List<String>> scopes = new ArrayDeque<>(); // names bound in each scope, innermost first
    private final Map<String, Deque<Binding>> visible = new HashMap<>();

    void push() {
        scopes.push(new ArrayList<>());
    }

    void pop() {
        for (String name : scopes.pop()) {
            Deque<Binding> bindings = visible.get(name);
            bindings.pop();
            if (bindings.isEmpty()) {
                visible.remove(name);
            }
        }
    }

    void bind(Binding b) {
        if (scopes.isEmpty()) {
            push();
        }
        scopes.peek().add(b.name());
        visible.computeIfAbsent(b.name(), k -> new ArrayDeque<>()).push(b);
    }

    /** Puts {@code updated} in place of {@code current}, the innermost binding of its name (what was learnt later). */
    void replace(Binding current, Binding updated) {
        Deque<Binding> bindings = visible.get(current.name());
        if (bindings != null && bindings.peek() == current && current.name().equals(updated.name())) {
            bindings.pop();
            bindings.push(updated);
        }
    }

    Binding lookup(String name) {
        Deque<Binding> bindings = visible.get(name);
        return bindings == null ? null : bindings.peek();
    }

    int depth() {
        return scopes.size();
    }

    /** Leaves the scopes entered since {@link #depth()} was {@code depth}. */
    void popTo(int depth) {
        while (scopes.size() > depth) {
            pop();
        }
    }

    boolean isEmpty() {
        return scopes.isEmpty();
    }
}
