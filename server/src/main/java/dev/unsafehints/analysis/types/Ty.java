package dev.unsafehints.analysis.types;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Rust type as the analysis models it: enough structure to follow a value through references,
 * raw pointers, fields, tuples, slices and generic arguments. Anything the model cannot read is
 * {@link #UNKNOWN}, and every question asked of an unknown type answers "cannot tell".
 */
public sealed interface Ty {
    Ty UNKNOWN = new Unknown();

    /** The type as Rust writes it (spaced, re-readable by {@link TypeParser}). */
    String display();

    /** A path type with generic arguments: `Vec<u8>`, `core::cell::UnsafeCell<T>`, `Self`, a parameter `T`. */
    record Named(List<String> path, List<Ty> args) implements Ty {
        public Named {
            path = List.copyOf(path);
            args = List.copyOf(args);
        }

        public String name() {
            return path.get(path.size() - 1);
        }

        /** The {@code i}th generic argument, or unknown. */
        public Ty arg(int i) {
            return i < args.size() ? args.get(i) : UNKNOWN;
        }

        @Override
        public String display() {
            String p = String.join("::", path);
            return args.isEmpty() ? p
                    : p + "<" + args.stream().map(Ty::display).collect(Collectors.joining(", ")) + ">";
        }
    }

    /** `&T` and `&mut T`. */
    record Ref(boolean mutable, Ty referent) implements Ty {
        @Override
        public String display() {
            return (mutable ? "&mut " : "&") + referent.display();
        }
    }

    /** `*const T` and `*mut T`. */
    record Ptr(boolean mutable, Ty pointee) implements Ty {
        @Override
        public String display() {
            return (mutable ? "*mut " : "*const ") + pointee.display();
        }
    }

    /** `(A, B)`; the unit type is the empty tuple. */
    record Tuple(List<Ty> elements) implements Ty {
        public Tuple {
            elements = List.copyOf(elements);
        }

        @Override
        public String display() {
            return elements.size() == 1 ? "(" + elements.get(0).display() + ",)"
                    : "(" + elements.stream().map(Ty::display).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** `[T]` ({@code array} false) and `[T; N]`. */
    record Slice(Ty element, boolean array) implements Ty {
        @Override
        public String display() {
            return "[" + element.display() + (array ? "; _]" : "]");
        }
    }

    /** `fn(A) -> R`, `unsafe extern "C" fn(..)`. */
    record FnPtr(boolean isUnsafe, List<Ty> parameters, Ty result) implements Ty {
        public FnPtr {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String display() {
            String params = parameters.stream().map(Ty::display).collect(Collectors.joining(", "));
            String ret = result instanceof Tuple t && t.elements().isEmpty() ? "" : " -> " + result.display();
            return (isUnsafe ? "unsafe fn(" : "fn(") + params + ")" + ret;
        }
    }

    /** `dyn A + B` and `impl A + B`: only their trait bounds are known. */
    record Opaque(List<Named> bounds) implements Ty {
        public Opaque {
            bounds = List.copyOf(bounds);
        }

        @Override
        public String display() {
            return "impl " + bounds.stream().map(Ty::display).collect(Collectors.joining(" + "));
        }
    }

    /** A type the model cannot read. */
    record Unknown() implements Ty {
        @Override
        public String display() {
            return "_";
        }
    }

    /** Whether anything is known of this type. */
    default boolean isKnown() {
        return !(this instanceof Unknown);
    }

    /** The name of a path type (`UnsafeCell` for `core::cell::UnsafeCell<T>`), else null. */
    default String name() {
        return null;
    }

    /** Whether this is the path type {@code name} (by its last segment). */
    default boolean is(String name) {
        return this instanceof Named n && n.name().equals(name);
    }

    /** This type with the generic parameters named in {@code bindings} replaced. */
    default Ty substitute(Map<String, Ty> bindings) {
        return substitute(this, bindings, 0);
    }

    private static Ty substitute(Ty t, Map<String, Ty> bindings, int depth) {
        if (bindings.isEmpty() || depth > 32) {
            return t;
        }
        if (t instanceof Named n) {
            if (n.path().size() == 1 && n.args().isEmpty() && bindings.containsKey(n.name())) {
                return bindings.get(n.name());
            }
            return new Named(n.path(), n.args().stream().map(a -> substitute(a, bindings, depth + 1)).toList());
        }
        if (t instanceof Ref r) {
            return new Ref(r.mutable(), substitute(r.referent(), bindings, depth + 1));
        }
        if (t instanceof Ptr p) {
            return new Ptr(p.mutable(), substitute(p.pointee(), bindings, depth + 1));
        }
        if (t instanceof Tuple tu) {
            return new Tuple(tu.elements().stream().map(e -> substitute(e, bindings, depth + 1)).toList());
        }
        if (t instanceof Slice s) {
            return new Slice(substitute(s.element(), bindings, depth + 1), s.array());
        }
        if (t instanceof FnPtr f) {
            return new FnPtr(f.isUnsafe(), f.parameters().stream().map(p -> substitute(p, bindings, depth + 1)).toList(),
                    substitute(f.result(), bindings, depth + 1));
        }
        return t;
    }
}
