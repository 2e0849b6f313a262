package dev.unsafehints.analysis;

import dev.unsafehints.analysis.types.Ty;
import dev.unsafehints.analysis.types.TypeParser;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.workspace.TypeShapes;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * What slices and iterators hand out. core writes its slice iterators and most adapters through
 * macros and projections (`&I::Output`, `Iter<'a, T>: Iterator<Item = &'a T>` in a macro's impl), so
 * their sources say nothing the model can read; their contracts are stable and small, and they are
 * written here: the item type of an iterator, what `iter()`, `get_unchecked(i)`, `enumerate()`,
 * `zip(..)`, `map(..)` return, and the parameters of the closures an adapter calls.
 *
 * <p>An iterator is modelled as `impl Iterator<Item = X>` ({@link #iterator}); a crate's own iterator
 * is a type with an `impl Iterator for ..` whose `type Item` the index keeps. Anything else is
 * unknown, and the caller stays silent.
 */
final class IteratorTypes {
    private static final int MAX_DEREFS = 8;
    private static final Ty USIZE = new Ty.Named(List.of("usize"), List.of());

    private final ExpressionTypes types;

    IteratorTypes(ExpressionTypes types) {
        this.types = types;
    }

    /** `impl Iterator<Item = item>`, or unknown when the item is. */
    static Ty iterator(Ty item) {
        return item.isKnown() ? new Ty.Opaque(List.of(new Ty.Named(List.of("Iterator"), List.of(item)))) : Ty.UNKNOWN;
    }

    /**
     * The items a `for` loop (or `into_iter()`) takes from a value of type {@code t}: an iterator's
     * items, a slice's, array's or `Vec`'s elements (by reference through a reference), an
     * `Option`'s content; else unknown.
     */
    Ty intoIterItem(Ty t) {
        t = types.unalias(t);
        Ty item = iteratorItem(t);
        if (item.isKnown()) {
            return item;
        }
        if (t instanceof Ty.Ref r) {
            Ty referent = types.unalias(r.referent());
            Ty element = sequenceElement(referent);
            if (element.isKnown()) {
                return new Ty.Ref(r.mutable(), element);
            }
            return r.mutable() ? iteratorItem(referent) : Ty.UNKNOWN; // `for x in &mut iter`
        }
        if (t instanceof Ty.Slice s && s.array() || t.is("Vec") || t.is("VecDeque")) {
            return sequenceElement(t);
        }
        return t.is("Option") ? ((Ty.Named) t).arg(0) : Ty.UNKNOWN;
    }

    /** The item type when {@code t} is an iterator the model knows (its own methods apply), else unknown. */
    Ty iteratorItem(Ty t) {
        if (t instanceof Ty.Ref r && r.mutable()) {
            return iteratorItem(types.unalias(r.referent())); // `&mut I` is an iterator of I's items
        }
        if (t instanceof Ty.Opaque o) {
            for (Ty.Named bound : o.bounds()) {
                if (TypeParser.ITERATOR_TRAITS.contains(bound.name()) && bound.args().size() == 1) {
                    return bound.arg(0);
                }
            }
            return Ty.UNKNOWN;
        }
        return t instanceof Ty.Named n ? implItem(n) : Ty.UNKNOWN;
    }

    /** `type Item` of the `Iterator` impls for a crate's type, the impl's generics bound; unknown when they disagree. */
    private Ty implItem(Ty.Named n) {
        Ty found = null;
        for (WorkspaceIndex.CrateDeclarations c : types.cratesDeclaring(n.name())) {
            for (TypeShapes.Assoc a : c.assocTypes(n.name())) {
                if (!a.trait().equals("Iterator") || !a.name().equals("Item")) {
                    continue;
                }
                Ty item = types.assocValue(a, n);
                if (found != null && !found.equals(item)) {
                    return Ty.UNKNOWN;
                }
                found = item;
            }
        }
        return found == null ? Ty.UNKNOWN : found;
    }

    /** The element type of a slice, array, `Vec` or `VecDeque`, through references, boxes and `Deref` impls. */
    Ty sequenceElement(Ty t) {
        for (int i = 0; i < MAX_DEREFS && t.isKnown(); i++) {
            t = types.unalias(ExpressionTypes.peelReferences(t));
            if (t instanceof Ty.Slice s) {
                return s.element();
            }
            if (t.is("Vec") || t.is("VecDeque")) {
                return ((Ty.Named) t).arg(0);
            }
            if (t instanceof Ty.Ptr || t instanceof Ty.Opaque) {
                return Ty.UNKNOWN;
            }
            t = types.derefOnce(t);
        }
        return Ty.UNKNOWN;
    }

    /**
     * What `receiver.name(args)` returns when it is a method of slices or of iterators the model
     * knows; null when it is not one.
     */
    Ty methodResult(Ty receiver, String name, List<RustParser.ExpressionContext> args) {
        Ty item = iteratorItem(types.unalias(ExpressionTypes.peelReferences(receiver)));
        if (item.isKnown()) {
            Ty r = adapterResult(item, name, args);
            if (r != null) {
                return r;
            }
        }
        if (name.equals("into_iter") && args.isEmpty()) {
            return iterator(intoIterItem(receiver));
        }
        Ty element = sequenceElement(receiver);
        return element.isKnown() ? sliceMethod(element, name, args) : null;
    }

    private Ty adapterResult(Ty item, String name, List<RustParser.ExpressionContext> args) {
        return switch (name + "/" + args.size()) {
            case "enumerate/0" -> iterator(new Ty.Tuple(List.of(USIZE, item)));
            case "zip/1" -> iterator(new Ty.Tuple(List.of(item, intoIterItem(types.of(args.get(0))))));
            case "rev/0", "skip/1", "take/1", "step_by/1", "skip_while/1", "take_while/1", "filter/1", "peekable/0",
                 "fuse/0", "inspect/1", "chain/1", "cycle/0", "by_ref/0", "into_iter/0" -> iterator(item);
            case "cloned/0", "copied/0" -> item instanceof Ty.Ref r ? iterator(r.referent()) : Ty.UNKNOWN;
            case "next/0", "next_back/0", "last/0", "nth/1", "min/0", "max/0", "find/1" -> option(item);
            case "map/1" -> args.get(0) instanceof RustParser.ClosureExprContext c
                    ? iterator(types.closureValue(c.closureExpression(), List.of(item))) : Ty.UNKNOWN;
            default -> null;
        };
    }

    private static Ty sliceMethod(Ty element, String name, List<RustParser.ExpressionContext> args) {
        return switch (name + "/" + args.size()) {
            case "iter/0" -> iterator(new Ty.Ref(false, element));
            case "iter_mut/0" -> iterator(new Ty.Ref(true, element));
            case "windows/1", "chunks/1", "chunks_exact/1", "rchunks/1", "rchunks_exact/1" ->
                    iterator(new Ty.Ref(false, new Ty.Slice(element, false)));
            case "chunks_mut/1", "chunks_exact_mut/1", "rchunks_mut/1", "rchunks_exact_mut/1" ->
                    iterator(new Ty.Ref(true, new Ty.Slice(element, false)));
            // as indexing: a range written as the index takes a subslice, anything else an element
            case "get_unchecked/1" -> new Ty.Ref(false, indexed(element, args.get(0)));
            case "get_unchecked_mut/1" -> new Ty.Ref(true, indexed(element, args.get(0)));
            case "get/1" -> option(new Ty.Ref(false, indexed(element, args.get(0))));
            case "get_mut/1" -> option(new Ty.Ref(true, indexed(element, args.get(0))));
            case "first/0", "last/0" -> option(new Ty.Ref(false, element));
            case "first_mut/0", "last_mut/0" -> option(new Ty.Ref(true, element));
            default -> null;
        };
    }

    private static Ty indexed(Ty element, RustParser.ExpressionContext index) {
        return ExpressionTypes.isRange(index) ? new Ty.Slice(element, false) : element;
    }

    /**
     * The parameters of a closure passed as argument {@code index} of {@code name} on an iterator of
     * {@code item}s (`map(|p| ..)` gets an item, `filter(|p| ..)` a reference to one, `fold`'s
     * second argument the accumulator and an item); empty when the method is not such an adapter.
     */
    static List<Ty> adapterClosure(Ty item, String name, int index, int arguments) {
        List<Ty> params = new ArrayList<>();
        switch (name + "/" + arguments + "/" + index) {
            case "map/1/0", "for_each/1/0", "filter_map/1/0", "flat_map/1/0", "any/1/0", "all/1/0", "position/1/0",
                 "map_while/1/0", "find_map/1/0", "try_for_each/1/0" -> params.add(item);
            case "filter/1/0", "find/1/0", "take_while/1/0", "skip_while/1/0", "inspect/1/0" ->
                    params.add(new Ty.Ref(false, item));
            case "fold/2/1", "try_fold/2/1" -> {
                params.add(Ty.UNKNOWN);
                params.add(item);
            }
            default -> {
                return List.of();
            }
        }
        return params;
    }

    /**
     * The closure parameters of the slice methods that call a closure on elements (they reach a
     * `Vec` through its deref to a slice): `sort_by(|a, b| ..)` gets two references to elements,
     * `sort_by_key(|e| ..)`, `binary_search_by(|e| ..)`, `partition_point(|e| ..)` one.
     */
    static List<Ty> sliceClosure(Ty element, String name, int index, int arguments) {
        Ty ref = new Ty.Ref(false, element);
        return switch (name + "/" + arguments + "/" + index) {
            case "sort_by/1/0", "sort_unstable_by/1/0", "select_nth_unstable_by/2/1", "is_sorted_by/1/0" ->
                    List.of(ref, ref);
            case "sort_by_key/1/0", "sort_unstable_by_key/1/0", "sort_by_cached_key/1/0", "binary_search_by/1/0",
                 "partition_point/1/0", "is_sorted_by_key/1/0", "select_nth_unstable_by_key/2/1",
                 "binary_search_by_key/2/1" -> List.of(ref);
            default -> List.of();
        };
    }

    /** The closure parameters of `Option`'s and `Result`'s adapters over their content (`map(|p| ..)`). */
    static List<Ty> optionClosure(Ty.Named option, String name, int index, int arguments) {
        String key = name + "/" + arguments + "/" + index;
        if (option.is("Option")) {
            return switch (key) {
                case "map/1/0", "and_then/1/0", "is_some_and/1/0", "map_or/2/1", "map_or_else/2/1" -> List.of(option.arg(0));
                case "filter/1/0", "inspect/1/0" -> List.of(new Ty.Ref(false, option.arg(0)));
                default -> List.of();
            };
        }
        if (option.is("Result")) {
            return switch (key) {
                case "map/1/0", "and_then/1/0", "is_ok_and/1/0" -> List.of(option.arg(0));
                case "map_err/1/0", "or_else/1/0", "is_err_and/1/0" -> List.of(option.arg(1));
                default -> List.of();
            };
        }
        return List.of();
    }

    private static Ty option(Ty t) {
        return t.isKnown() ? new Ty.Named(List.of("Option"), List.of(t)) : Ty.UNKNOWN;
    }
}
