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
 * resolves among these traits' methods, and an associated type a bound fixes (`T: Source<Output =
 * *const u8>`) is what `T::Output` stands for.
 */
final class GenericBounds {
    static final GenericBounds NONE = new GenericBounds(Map.of(), Map.of());

    private final Map<String, List<String>> traits; // parameter -> trait names (last segments)
    /** Parameter -> associated type name -> the type text a bound gives it (`Output = *const u8`). */
    private final Map<String, Map<String, String>> assocs;

    private GenericBounds(Map<String, List<String>> traits, Map<String, Map<String, String>> assocs) {
        this.traits = traits;
        this.assocs = assocs;
    }

    /**
     * The type text that the bounds of parameter {@code name} give its associated type {@code assoc}
     * (`T: Iterator<Item = u8>`), or null when none does or two bounds disagree.
     */
    String assoc(String name, String assoc) {
        String t = assocs.getOrDefault(name, Map.of()).get(assoc);
        return t == null || t.equals(DISAGREE) ? null : t;
    }

    private static final String DISAGREE = "";

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
        Map<String, Map<String, String>> allAssocs = new HashMap<>(assocs);
        if (params != null) {
            for (RustParser.GenericParamContext p : params.genericParam()) {
                if (p.identifier() != null && p.LIFETIME() == null && p.KW_CONST() == null) {
                    String name = p.identifier().getText();
                    List<String> list = new ArrayList<>(); // a parameter of this item shadows an outer one
                    add(list, p.typeParamBounds());
                    all.put(name, List.copyOf(list));
                    Map<String, String> fixed = new HashMap<>();
                    addAssocs(fixed, p.typeParamBounds());
                    allAssocs.put(name, Map.copyOf(fixed));
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
                        Map<String, String> fixed = new HashMap<>(allAssocs.getOrDefault(bounded, Map.of()));
                        addAssocs(fixed, item.typeParamBounds());
                        allAssocs.put(bounded, Map.copyOf(fixed));
                    }
                }
            }
        }
        return new GenericBounds(all, allAssocs);
    }

    /** These bounds inside `trait Name`: `Self` is bounded by the trait itself. */
    GenericBounds withSelfTrait(String trait) {
        Map<String, List<String>> all = new HashMap<>(traits);
        all.put("Self", List.of(trait));
        Map<String, Map<String, String>> allAssocs = new HashMap<>(assocs);
        allAssocs.remove("Self");
        return new GenericBounds(all, allAssocs);
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

    /** The `Name = Type` arguments of the bounds' last path segments (`Deref<Target = [u8]>`). */
    private static void addAssocs(Map<String, String> fixed, RustParser.TypeParamBoundsContext bounds) {
        if (bounds == null) {
            return;
        }
        for (RustParser.TypeParamBoundContext b : bounds.typeParamBound()) {
            if (b.traitBound() == null || b.traitBound().getText().startsWith("?")) {
                continue;
            }
            List<RustParser.TypePathSegmentContext> segments = b.traitBound().typePath().typePathSegment();
            RustParser.GenericArgsContext args = segments.get(segments.size() - 1).genericArgs();
            if (args == null) {
                continue;
            }
            for (RustParser.GenericArgContext a : args.genericArg()) {
                if (a.identifier() != null && a.EQ() != null && a.type_() != null) {
                    String type = ExpressionTypes.spaced(a.type_());
                    // two bounds fixing one name differently (rustc rejects it): neither is believed
                    fixed.merge(a.identifier().getText(), type, (x, y) -> x.equals(y) ? x : DISAGREE);
                }
            }
        }
    }
}
