package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.workspace.FileDeclarations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trait bounds on the generic parameters in scope (`R: RawMutex`, `where T: Deref`): an impl's
 * and then a fn's, inner ones added to outer ones. A method called on a value of a parameter's type
 * resolves among these traits' methods.
 */
final class GenericBounds {
    static final GenericBounds NONE = new GenericBounds(Map.of());

    private final Map<String, List<String>> traits; // parameter -> trait names (last segments)

    private GenericBounds(Map<String, List<String>> traits) {
        this.traits = traits;
    }

    /** The traits bounding parameter {@code name} (empty when it is no parameter in scope). */
    List<String> of(String name) {
        return traits.getOrDefault(name, List.of());
    }

    /** Whether {@code name} is a generic parameter in scope (bounded or not). */
    boolean isParameter(String name) {
        return traits.containsKey(name);
    }

    /** These bounds with those of {@code params} and {@code where} added (`Self` included for traits). */
    GenericBounds with(RustParser.GenericParamsContext params, RustParser.WhereClauseContext where) {
        if (params == null && where == null) {
            return this;
        }
        Map<String, List<String>> all = new HashMap<>(traits);
        if (params != null) {
            for (RustParser.GenericParamContext p : params.genericParam()) {
                if (p.identifier() != null && p.LIFETIME() == null && p.KW_CONST() == null) {
                    String name = p.identifier().getText();
                    List<String> list = new ArrayList<>(); // a parameter of this item shadows an outer one
                    add(list, p.typeParamBounds());
                    all.put(name, List.copyOf(list));
                }
            }
        }
        if (where != null) {
            for (RustParser.WhereClauseItemContext item : where.whereClauseItem()) {
                if (item.type_() != null && item.typeParamBounds() != null) {
                    String bounded = item.type_().getText();
                    if (all.containsKey(bounded) || bounded.equals("Self")) {
                        List<String> list = new ArrayList<>(all.getOrDefault(bounded, List.of()));
                        add(list, item.typeParamBounds());
                        all.put(bounded, List.copyOf(list));
                    }
                }
            }
        }
        return new GenericBounds(all);
    }

    /** These bounds inside `trait Name`: `Self` is bounded by the trait itself. */
    GenericBounds withSelfTrait(String trait) {
        Map<String, List<String>> all = new HashMap<>(traits);
        all.put("Self", List.of(trait));
        return new GenericBounds(all);
    }

    private static void add(List<String> list, RustParser.TypeParamBoundsContext bounds) {
        if (bounds == null) {
            return;
        }
        for (RustParser.TypeParamBoundContext b : bounds.typeParamBound()) {
            if (b.traitBound() != null && !b.traitBound().getText().startsWith("?")) {
                list.add(FileDeclarations.lastSegmentName(b.traitBound().typePath().getText()));
            }
        }
    }
}
