package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.DeclaredFn;

/**
 * What the analysis knows about a local name: whether it holds a raw pointer, its declared type
 * (if written), and why it believes so.
 */
record Binding(String name, boolean rawPointer, String typeText, String evidence, TextRange declaration,
               DeclaredFn function) {
    Binding(String name, boolean rawPointer, String typeText, String evidence, TextRange declaration) {
        this(name, rawPointer, typeText, evidence, declaration, null);
    }

    static Binding unknown(String name, TextRange declaration) {
        return new Binding(name, false, null, null, declaration);
    }

    /** A `static mut` item declared inside a block. */
    static Binding localStaticMut(String name, TextRange declaration) {
        return new Binding(name, false, "static mut", null, declaration, null);
    }

    boolean isStaticMut() {
        return "static mut".equals(typeText) && function == null;
    }

    /** A fn item declared inside a block: visible in the whole block. */
    static Binding localFunction(DeclaredFn fn, TextRange declaration) {
        return new Binding(fn.name(), false, null, null, declaration, fn);
    }
}
