package dev.unsafehints.workspace;

import dev.unsafehints.grammar.RustParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a file's type declarations say that the type model needs: each struct's generic parameters and
 * field types (as written, spaced), each trait's supertraits and the bounds of its associated types,
 * and each `Deref` impl's target. Types
 * stay text here; the analysis reads them.
 */
public final class TypeShapes {
    /** A struct: its type parameters in order (lifetimes left out) and its fields' types (`0`, `1` for tuple fields). */
    public record Struct(List<String> generics, Map<String, String> fields) {
    }

    /** `impl<generics> Deref for selfType { type Target = target; }`. */
    public record Deref(String selfType, List<String> generics, String target) {
    }

    /**
     * `impl<generics> Trait for selfType { type name = type; }`: what an impl says an associated type
     * is (`Iterator::Item` of a crate's iterator, `Self::UnparkHandle`); {@code trait} is the trait's
     * last path segment.
     */
    public record Assoc(String trait, String selfType, List<String> generics, String name, String type) {
    }

    /** `type Name<generics> = type;` */
    public record Alias(List<String> generics, String type) {
    }

    /** The plain data, for the declarations cache. */
    public record Stored(Map<String, Struct> structs, Map<String, List<String>> supertraits,
                         Map<String, List<Deref>> derefs, Map<String, String> statics,
                         Map<String, List<Assoc>> assocs, Map<String, List<Alias>> aliases) {
    }

    private final Map<String, Struct> structs = new HashMap<>();
    private final Map<String, List<String>> supertraits = new HashMap<>();
    private final Map<String, List<Deref>> derefs = new HashMap<>(); // self type name -> impls
    private final Map<String, String> statics = new HashMap<>(); // static or const name -> type, "" when two disagree
    private final Map<String, List<Assoc>> assocs = new HashMap<>(); // self type name -> associated types of its trait impls
    private final Map<String, List<Alias>> aliases = new HashMap<>(); // alias name -> its declarations

    /** The associated types the file's trait impls define, by the self type's name. */
    public Map<String, List<Assoc>> assocs() {
        return assocs;
    }

    /** The file's type aliases with their generic parameters, by name. */
    public Map<String, List<Alias>> aliases() {
        return aliases;
    }

    void alias(RustParser.TypeAliasContext a) {
        if (a.type_() != null) {
            aliases.computeIfAbsent(a.identifier().getText(), k -> new ArrayList<>())
                    .add(new Alias(typeParameters(a.genericParams()), FnPointerTypes.sourceText(a.type_())));
        }
    }

    /** The declared types of the file's statics and constants by name ("" where same-named ones disagree). */
    public Map<String, String> statics() {
        return statics;
    }

    void valueItem(String name, RustParser.Type_Context type) {
        if (type != null) {
            statics.merge(name, FnPointerTypes.sourceText(type), (a, b) -> a.equals(b) ? a : "");
        }
    }

    public Map<String, Struct> structs() {
        return structs;
    }

    public Map<String, List<String>> supertraits() {
        return supertraits;
    }

    public Map<String, List<Deref>> derefs() {
        return derefs;
    }

    void struct(RustParser.Struct_Context s) {
        // two structs of one name in a file are cfg twins: where they disagree the field says nothing
        structs.merge(s.identifier().getText(), shape(s), TypeShapes::agreeing);
    }

    /** A struct's generics and field types as written (spaced). */
    public static Struct shape(RustParser.Struct_Context s) {
        Map<String, String> fields = new HashMap<>();
        if (s.structFields() != null) {
            for (RustParser.StructFieldContext f : s.structFields().structField()) {
                fields.put(f.identifier().getText(), FnPointerTypes.sourceText(f.type_()));
            }
        } else if (s.tupleFields() != null) {
            List<RustParser.TupleFieldContext> tuple = s.tupleFields().tupleField();
            for (int i = 0; i < tuple.size(); i++) {
                fields.put(Integer.toString(i), FnPointerTypes.sourceText(tuple.get(i).type_()));
            }
        }
        return new Struct(typeParameters(s.genericParams()), fields);
    }

    /**
     * An enum's variants that hold fields, each as a struct named `Enum::Variant` with the enum's
     * generics (`Exec::Slim(ref e)` binds `e` to that variant's field `0`).
     */
    void enumeration(RustParser.EnumerationContext e) {
        List<String> generics = typeParameters(e.genericParams());
        for (RustParser.EnumVariantContext v : e.enumVariant()) {
            Map<String, String> fields = new HashMap<>();
            if (v.structFields() != null) {
                for (RustParser.StructFieldContext f : v.structFields().structField()) {
                    fields.put(f.identifier().getText(), FnPointerTypes.sourceText(f.type_()));
                }
            } else if (v.tupleFields() != null) {
                List<RustParser.TupleFieldContext> tuple = v.tupleFields().tupleField();
                for (int i = 0; i < tuple.size(); i++) {
                    fields.put(Integer.toString(i), FnPointerTypes.sourceText(tuple.get(i).type_()));
                }
            }
            if (!fields.isEmpty()) {
                structs.merge(e.identifier().getText() + "::" + v.identifier().getText(), new Struct(generics, fields),
                        TypeShapes::agreeing);
            }
        }
    }

    /** Two structs of one name: the fields on which they agree (none when their generics differ). */
    public static Struct agreeing(Struct a, Struct b) {
        if (a.equals(b)) {
            return a;
        }
        if (!a.generics().equals(b.generics())) {
            return new Struct(a.generics(), Map.of());
        }
        Map<String, String> fields = new HashMap<>();
        a.fields().forEach((k, v) -> {
            if (v.equals(b.fields().get(k))) {
                fields.put(k, v);
            }
        });
        return new Struct(a.generics(), fields);
    }

    void trait(RustParser.Trait_Context t) {
        List<String> names = new ArrayList<>();
        if (t.typeParamBounds() != null) {
            for (RustParser.TypeParamBoundContext b : t.typeParamBounds().typeParamBound()) {
                if (b.traitBound() != null) {
                    names.add(FileDeclarations.lastSegmentName(b.traitBound().typePath().getText()));
                }
            }
        }
        supertraits.put(t.identifier().getText(), List.copyOf(names));
        for (RustParser.AssociatedItemContext a : t.associatedItem()) {
            RustParser.TypeAliasContext assoc = a.typeAlias();
            if (assoc == null || assoc.typeParamBounds() == null || assoc.genericParams() != null) {
                continue;
            }
            List<String> bounds = new ArrayList<>();
            for (RustParser.TypeParamBoundContext b : assoc.typeParamBounds().typeParamBound()) {
                if (b.traitBound() != null && !b.traitBound().getText().startsWith("?")) {
                    bounds.add(FileDeclarations.lastSegmentName(b.traitBound().typePath().getText()));
                }
            }
            if (!bounds.isEmpty()) {
                // `type Item: Pokes;` bounds every value of `T::Item` as a supertrait bounds `Self`
                supertraits.put(assocBoundKey(t.identifier().getText(), assoc.identifier().getText()), List.copyOf(bounds));
            }
        }
    }

    /**
     * The key under which {@link #supertraits()} keeps the traits that trait {@code trait} requires of
     * its associated type {@code name} (`trait Tr { type Item: Pokes; }`): `Tr::Item`, which no
     * trait's own name can be.
     */
    public static String assocBoundKey(String trait, String name) {
        return trait + "::" + name;
    }

    void implementation(RustParser.ImplementationContext i) {
        if (i.typePath() == null) {
            return;
        }
        String trait = FileDeclarations.lastSegmentName(i.typePath().getText());
        for (RustParser.AssociatedItemContext a : i.associatedItem()) {
            if (a.typeAlias() != null && a.typeAlias().type_() != null && a.typeAlias().genericParams() == null) {
                assocs.computeIfAbsent(FileDeclarations.lastSegmentName(i.type_().getText()), k -> new ArrayList<>())
                        .add(new Assoc(trait, FnPointerTypes.sourceText(i.type_()), typeParameters(i.genericParams()),
                                a.typeAlias().identifier().getText(), FnPointerTypes.sourceText(a.typeAlias().type_())));
            }
        }
        if (!trait.equals("Deref")) {
            return;
        }
        for (RustParser.AssociatedItemContext a : i.associatedItem()) {
            if (a.typeAlias() != null && a.typeAlias().identifier().getText().equals("Target")
                    && a.typeAlias().type_() != null) {
                String selfType = FnPointerTypes.sourceText(i.type_());
                derefs.computeIfAbsent(FileDeclarations.lastSegmentName(i.type_().getText()), k -> new ArrayList<>())
                        .add(new Deref(selfType, typeParameters(i.genericParams()),
                                FnPointerTypes.sourceText(a.typeAlias().type_())));
            }
        }
    }

    /** The names of the type parameters (`T` of `<'a, T: Copy, const N: usize>`), in order. */
    public static List<String> typeParameters(RustParser.GenericParamsContext g) {
        if (g == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (RustParser.GenericParamContext p : g.genericParam()) {
            if (p.identifier() != null && p.LIFETIME() == null && p.KW_CONST() == null) {
                names.add(p.identifier().getText());
            }
        }
        return List.copyOf(names);
    }

    Stored stored() {
        return new Stored(structs, supertraits, derefs, statics, assocs, aliases);
    }

    void restore(Stored s) {
        if (s == null) {
            return;
        }
        structs.putAll(s.structs());
        supertraits.putAll(s.supertraits());
        derefs.putAll(s.derefs());
        if (s.statics() != null) {
            statics.putAll(s.statics());
        }
        if (s.assocs() != null) {
            assocs.putAll(s.assocs());
        }
        if (s.aliases() != null) {
            aliases.putAll(s.aliases());
        }
    }

    void copyFrom(TypeShapes other) {
        structs.putAll(other.structs);
        supertraits.putAll(other.supertraits);
        derefs.putAll(other.derefs);
        statics.putAll(other.statics);
        assocs.putAll(other.assocs);
        aliases.putAll(other.aliases);
    }

    String fingerprint() {
        return new TreeMap<>(structs).toString() + new TreeMap<>(supertraits) + new TreeMap<>(derefs) + new TreeMap<>(statics)
                + new TreeMap<>(assocs) + new TreeMap<>(aliases);
    }
}
