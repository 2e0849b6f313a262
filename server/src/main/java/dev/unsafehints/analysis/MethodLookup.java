package dev.unsafehints.analysis;

import dev.unsafehints.analysis.types.Ty;
import dev.unsafehints.analysis.types.TypeParser;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Method resolution by the receiver's type, as rustc does it in outline: the receiver's type first,
 * then each type it auto-derefs to; on a type, its own methods and those of the traits it implements
 * in the crate; on a generic parameter, the methods of the traits that bound it and of their
 * supertraits. Only method-call syntax (the fn takes `self`).
 */
final class MethodLookup {
    private static final int MAX_DEREFS = 8;

    /**
     * The declarations a call resolves to, and the type they were found on: the generic parameter for
     * a parameter's bound (`Self` in the trait's signatures), null for an `impl Trait` value.
     */
    record Found(List<DeclaredFn> declarations, Ty selfType, String via) {
        /** Whether a trait bound of a generic parameter brought the methods (`via` reads `T: Trait`). */
        boolean throughBound() {
            return via.contains(": ");
        }

        /** The first declaration when all agree on being unsafe in {@code edition} or not; null when they disagree. */
        DeclaredFn agreed(dev.unsafehints.grammar.Edition edition) {
            DeclaredFn first = declarations.get(0);
            for (DeclaredFn fn : declarations) {
                if (fn.isUnsafeIn(edition) != first.isUnsafeIn(edition)) {
                    return null;
                }
            }
            return first;
        }
    }

    private final CallResolver resolver;
    private final ExpressionTypes types;
    private final Supplier<GenericBounds> bounds;

    MethodLookup(CallResolver resolver, ExpressionTypes types, Supplier<GenericBounds> bounds) {
        this.resolver = resolver;
        this.types = types;
        this.bounds = bounds;
    }

    /** The methods named {@code name} that `receiver.name(..)` may call; null when the model cannot tell. */
    Found find(Ty receiver, String name) {
        Ty t = receiver;
        for (int i = 0; i < MAX_DEREFS && t.isKnown(); i++) {
            t = types.unalias(ExpressionTypes.peelReferences(t));
            if (t instanceof Ty.Ptr) {
                return null; // raw pointers' own methods: the caller knows them
            }
            if (t instanceof Ty.Named n) {
                if (n.path().size() == 1 && bounds.get().isParameter(n.name())) {
                    Found f = inTraits(bounds.get().of(n.name()), name, n.name());
                    // `Self` in the trait's signature is the parameter: `Self::Output` is what its bounds fix
                    return f == null ? null : new Found(f.declarations(), n, f.via());
                }
                List<DeclaredFn> own = ofType(n, name);
                if (!own.isEmpty()) {
                    return new Found(own, n, "`" + n.name() + "`");
                }
            }
            if (t instanceof Ty.Opaque o) {
                List<String> traits = new ArrayList<>();
                o.bounds().forEach(b -> traits.add(b.name()));
                return inTraits(traits, name, o.display());
            }
            t = types.derefOnce(t);
        }
        return null;
    }

    /**
     * The methods of type {@code owner} (inherent or from a trait impl) taking `self`: the crate's when
     * the crate declares that type, else those of the dependencies that do.
     */
    private List<DeclaredFn> ofType(Ty.Named receiver, String name) {
        String owner = receiver.name();
        List<DeclaredFn> found = new ArrayList<>();
        for (WorkspaceIndex.CrateDeclarations c : resolver.crateAndDependencies()) {
            for (DeclaredFn fn : c.functionsNamed(name)) {
                if (owner.equals(fn.owner()) && takesSelf(fn) && implMayApply(fn, receiver)) {
                    found.add(fn);
                }
            }
            if (!found.isEmpty() && c == resolver.crate()) {
                break; // the crate's own type: a dependency's type of the same name is another
            }
        }
        if (found.isEmpty()) {
            // a struct declared in a fn body, with its impl beside it: the index has neither
            types.bodyMethods(owner, name).stream().filter(MethodLookup::takesSelf).forEach(found::add);
        }
        List<DeclaredFn> inherent = inherentOnly(found, resolver.crateAndDependencies());
        return ownFileFirst(owner, inherent.isEmpty() ? found : inherent);
    }

    /**
     * Whether the impl that declares {@code fn} may be one for {@code receiver}: its self type's
     * arguments that are no generic parameter of the impl must not name another type than the
     * receiver's (std's `impl Read for Arc<File>` is not a method of an `Arc<Channel>`).
     */
    private static boolean implMayApply(DeclaredFn fn, Ty.Named receiver) {
        if (fn.implType() == null || !(TypeParser.parse(fn.implType()) instanceof Ty.Named pattern)
                || !pattern.name().equals(receiver.name())) {
            return true;
        }
        for (int i = 0; i < Math.min(pattern.args().size(), receiver.args().size()); i++) {
            Ty p = ExpressionTypes.peelReferences(pattern.args().get(i));
            Ty a = ExpressionTypes.peelReferences(receiver.args().get(i));
            if (p instanceof Ty.Named pn && a instanceof Ty.Named an && !fn.generics().contains(pn.name())
                    && !(pn.path().size() == 1 && pn.args().isEmpty() && pn.name().length() <= 2)
                    && !pn.name().equals(an.name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * When this file declares a struct named {@code owner}, the methods implemented in this file: the
     * type the file's code names is its own, and a same-named type of another module has other methods.
     */
    private List<DeclaredFn> ownFileFirst(String owner, List<DeclaredFn> fns) {
        FileDeclarations file = resolver.file();
        if (file == null || fns.size() < 2 || !file.typeShapes().structs().containsKey(owner)) {
            return fns;
        }
        List<DeclaredFn> own = fns.stream().filter(fn -> file.file().equals(fn.file())).toList();
        return own.isEmpty() ? fns : own;
    }

    /**
     * Those of {@code fns} declared in inherent impls: a method of a trait impl is indexed twice, under
     * the trait's name and under the type's, and an inherent method comes first in rustc's lookup.
     */
    private static List<DeclaredFn> inherentOnly(List<DeclaredFn> fns, List<WorkspaceIndex.CrateDeclarations> crates) {
        if (fns.size() < 2) {
            return List.of();
        }
        Set<String> traitImplSites = new HashSet<>();
        for (WorkspaceIndex.CrateDeclarations c : crates) {
            for (DeclaredFn fn : c.functionsNamed(fns.get(0).name())) {
                if (fn.owner() != null && fn.implType() != null
                        && !fn.owner().equals(dev.unsafehints.workspace.FileDeclarations.lastSegmentName(fn.implType()))) {
                    traitImplSites.add(fn.file() + "@" + fn.position());
                }
            }
        }
        List<DeclaredFn> inherent = new ArrayList<>();
        for (DeclaredFn fn : fns) {
            if (!traitImplSites.contains(fn.file() + "@" + fn.position())) {
                inherent.add(fn);
            }
        }
        return inherent;
    }

    /**
     * `P::f(..)` where `P` is a generic parameter of the enclosing items: the fns named {@code name}
     * (methods or not) of the traits that bound it and their supertraits; null when none has one.
     */
    Found onParameter(String parameter, String name) {
        if (!bounds.get().isParameter(parameter)) {
            return null;
        }
        return inTraits(bounds.get().of(parameter), name, parameter, false);
    }

    /** The methods of these traits and their supertraits; null when none declares one of that name. */
    private Found inTraits(List<String> traits, String name, String receiver) {
        return inTraits(traits, name, receiver, true);
    }

    private Found inTraits(List<String> traits, String name, String receiver, boolean methodsOnly) {
        List<DeclaredFn> found = new ArrayList<>();
        String via = null;
        for (CallResolver.TraitIn t : resolver.traitsWithSupertraits(traits)) {
            for (DeclaredFn fn : t.crate().functionsNamed(name)) {
                if (t.trait().equals(fn.owner()) && (!methodsOnly || takesSelf(fn))) {
                    found.add(fn);
                    via = via == null ? t.trait() : via;
                }
            }
        }
        // a call through a bound is the trait's own declaration (rustc picks no impl for it): the
        // impls' copies, indexed under the trait's name too, would make `Self::Output` disagree
        List<DeclaredFn> declared = found.stream().filter(fn -> fn.implType() == null).toList();
        List<DeclaredFn> chosen = declared.isEmpty() ? found : declared;
        return chosen.isEmpty() ? null : new Found(chosen, null, "`" + receiver + ": " + via + "`");
    }

    private static boolean takesSelf(DeclaredFn fn) {
        return !fn.parameterTypes().isEmpty() && fn.parameterTypes().get(0).equals("self");
    }
}
