package dev.unsafehints.analysis;

/**
 * What the analysis knows about a local name: whether it holds a raw pointer, its declared type
 * (if written), and why it believes so.
 */
record Binding(String name, boolean rawPointer, String typeText, String evidence, TextRange declaration) {
    static Binding unknown(String name, TextRange declaration) {
        return new Binding(name, false, null, null, declaration);
    }
}
