package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.StdSources;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a call's callee is an unsafe function, through `use` imports and the module
 * tree (not by bare name alone), against the crate's declarations and the std catalogue.
 */
final class CallResolver {
    /** The outcome of resolving a callee path. */
    record Callee(boolean isUnsafe, String displayPath, DeclaredFn declaration, boolean known,
                  boolean unsafeWithoutTargetFeature, String dependency, String dependencyPackage) {
        static final Callee UNKNOWN = new Callee(false, "", null, false, false);
        /** The {@code dependencyPackage} of a callee in the library of the caller's own package (from a binary or test). */
        static final String OWN_LIBRARY = "";

        Callee(boolean isUnsafe, String displayPath, DeclaredFn declaration, boolean known,
               boolean unsafeWithoutTargetFeature, String dependency) {
            this(isUnsafe, displayPath, declaration, known, unsafeWithoutTargetFeature, dependency, null);
        }

        Callee(boolean isUnsafe, String displayPath, DeclaredFn declaration, boolean known) {
            this(isUnsafe, displayPath, declaration, known, false);
        }

        Callee(boolean isUnsafe, String displayPath, DeclaredFn declaration, boolean known,
               boolean unsafeWithoutTargetFeature) {
            this(isUnsafe, displayPath, declaration, known, unsafeWithoutTargetFeature, null);
        }

        /** How the analysis says where the callee is declared unsafe. */
        String declaredUnsafe() {
            if (declaration == null && dependency != null && dependencyPackage != null) {
                return "`" + displayPath + "` is a foreign function of `" + dependencyPackage + "`, whose build script"
                        + " generates its declarations (extern functions are unsafe to call)";
            }
            if (declaration == null) {
                return "`" + displayPath + "` is an unsafe function of the standard library";
            }
            if (dependency != null && StdSources.CRATES.contains(dependency)) {
                return "`" + displayPath + "` is an unsafe function of the standard library";
            }
            if (dependency == null) {
                return "`" + declaration.displayPath() + "` is declared `unsafe`";
            }
            if (OWN_LIBRARY.equals(dependencyPackage)) {
                return "`" + displayPath + "` is declared `unsafe` in this package's library `" + dependency + "`";
            }
            // the package and version a user finds in Cargo.lock: `libc` 0.2.139, `ffi` (openssl-sys 0.9.80)
            String pkg = dependencyPackage == null ? ""
                    : dependencyPackage.startsWith(dependency.replace('_', '-') + " ")
                    || dependencyPackage.startsWith(dependency + " ")
                    ? dependencyPackage.substring(dependencyPackage.indexOf(' ')) : " (" + dependencyPackage + ")";
            return "`" + displayPath + "` is declared `unsafe` in the dependency `" + dependency + "`" + pkg;
        }

        /** A crate fn; a safe one with `#[target_feature]` needs `unsafe` where those features are off. */
        static Callee of(DeclaredFn fn) {
            return new Callee(fn.isUnsafe(), fn.displayPath(), fn, true,
                    !fn.isUnsafe() && !fn.targetFeatures().isEmpty());
        }
    }

    private final WorkspaceIndex.CrateDeclarations crate;
    private final FileDeclarations file;
    private final String crateName;
    private final Edition edition;

    /** The edition of the file whose paths this resolver reads. */
    Edition edition() {
        return edition;
    }

    CallResolver(WorkspaceIndex.CrateDeclarations crate, FileDeclarations file, String crateName, Edition edition) {
        this.crate = crate;
        this.file = file;
        // a binary or test names the library like a dependency (its own crate has no name to use)
        this.crateName = crate.isLibrary() ? crateName.replace('-', '_') : "";
        this.edition = edition;
    }

    /**
     * Resolves a callee path written in {@code module} (segments without generic arguments).
     * {@code selfType} is the enclosing impl's type name, for `Self::f`.
     */
    Callee resolve(List<String> path, List<String> module, String selfType) {
        return resolve(path, module, selfType, () -> false);
    }

    /**
     * As {@link #resolve(List, List, String)}; {@code inTestCode} tells (asked only when it matters)
     * whether the call is compiled only in test builds (`cfg(test)`, `#[test]`), where the crate's
     * dev-dependencies can be named too.
     */
    Callee resolve(List<String> path, List<String> module, String selfType, java.util.function.BooleanSupplier inTestCode) {
        if (path.isEmpty()) {
            return Callee.UNKNOWN;
        }
        this.inTestCode = inTestCode;
        depth = 0;
        List<String> absolute = absolutize(path, module, selfType, true);
        if (absolute == null) {
            return Callee.UNKNOWN;
        }
        return lookup(absolute, module);
    }

    /** How many test-only items (`#[cfg(test)] mod`, `#[test] fn`) the walk is inside. */
    private int testItems;

    /** The walk enters an item that only test builds compile: dev-dependencies become visible. */
    void enterTestCode() {
        testItems++;
    }

    void exitTestCode() {
        testItems--;
    }

    /** Whether the code being walked is compiled only in test builds: a test-only file or item. */
    private boolean isTestCode() {
        return testItems > 0 || isTestOnlyFile();
    }

    /** Whether the call being resolved is test code (see {@link #resolve(List, List, String, java.util.function.BooleanSupplier)}). */
    private java.util.function.BooleanSupplier inTestCode = () -> false;
    /** Whether the file exists only in test builds (tests/, benches/, examples/, a cfg(test) module); null until asked. */
    private Boolean testOnlyFile;

    /**
     * The crate's dependency of that name: a normal one, else, in code compiled only for tests, a
     * dev-dependency (normal code never resolves into a dev-only crate: it would not compile).
     */
    private WorkspaceIndex.CrateDeclarations dependency(String name) {
        WorkspaceIndex.CrateDeclarations normal = crate.dependency(name);
        if (normal != null) {
            return normal;
        }
        WorkspaceIndex.CrateDeclarations dev = crate.devDependency(name);
        if (dev == null) {
            return null;
        }
        return isTestCode() || inTestCode.getAsBoolean() ? dev : null;
    }

    /** Turns a written path into one rooted at the crate ([crate, ...]), std, or another crate. */
    private int depth;

    private List<String> absolutize(List<String> path, List<String> module, String selfType, boolean callee) {
        if (path.isEmpty() || ++depth > 16) {
            return null; // `use foo;` re-exports and import cycles: stop following
        }
        String first = path.get(0);
        List<String> rest = path.subList(1, path.size());
        switch (first) {
            case "crate":
                return throughImports(rest, selfType);
            case "self":
                return throughImports(concat(module, rest), selfType);
            case "super": {
                List<String> m = new ArrayList<>(module);
                List<String> r = new ArrayList<>(rest);
                if (!m.isEmpty()) {
                    m.remove(m.size() - 1);
                }
                while (!r.isEmpty() && r.get(0).equals("super")) {
                    r.remove(0);
                    if (!m.isEmpty()) {
                        m.remove(m.size() - 1);
                    }
                }
                return throughImports(concat(m, r), selfType);
            }
            case "Self":
                return selfType == null ? null : concat(List.of("crate", "<type>", selfType), rest);
            case "::":
                return rest.isEmpty() ? null : rest; // `::name`: the crate of that name (extern crate aliases)
            default:
                break;
        }
        // an import in this module (or, for files, at the file's top module)
        for (FileDeclarations.Import imp : imports()) {
            if (!imp.glob() && imp.alias().equals(first) && imp.modulePath().equals(module)) {
                List<String> named = withoutSelf(imp.target());
                if (named.equals(List.of(first))) {
                    break; // `use libc;` or `use libc::{self, ..}`: the crate of that name, not this import again
                }
                List<String> target = absolutize(named, module, selfType, false);
                return target == null ? null : concat(target, rest);
            }
        }
        if (first.equals(crateName)) {
            return concat(List.of("crate"), rest);
        }
        if (path.size() > 1 && crate.hasModule(concat(module, List.of(first)))) {
            return concat(concat(List.of("crate"), module), path); // a child module: `config::LEVEL`
        }
        if (!callee) {
            return path; // an import target: std, another crate or a child module
        }
        // a function defined in this very module
        if (path.size() == 1) {
            for (DeclaredFn fn : crate.functionsNamed(first, file.file())) {
                if (fn.owner() == null && fn.modulePath().equals(module)) {
                    return concat(concat(List.of("crate"), module), List.of(first));
                }
            }
            // glob imports of this module
            for (FileDeclarations.Import imp : imports()) {
                if (imp.glob() && imp.modulePath().equals(module)) {
                    List<String> target = absolutize(imp.target(), module, selfType, false);
                    if (target != null) {
                        Callee c = lookup(concat(target, List.of(first)), module);
                        if (c.known()) {
                            return concat(target, List.of(first));
                        }
                    }
                }
            }
            return null;
        }
        if (first.equals(crateName)) {
            return concat(List.of("crate"), rest);
        }
        // a child module, a type, std, or another crate: leave as written
        if (Character.isUpperCase(first.charAt(0))) {
            return concat(List.of("crate", "<type>"), path);
        }
        for (DeclaredFn fn : crate.functionsNamed(path.get(path.size() - 1), file.file())) {
            List<String> candidate = concat(module, path.subList(0, path.size() - 1));
            if (fn.modulePath().equals(candidate)) {
                return concat(concat(List.of("crate"), module), path);
            }
        }
        return path;
    }

    /**
     * {@code crate::a::b::f} where a segment is not a module but a name imported into one: follows
     * that import ({@code extern crate alloc;} at the root makes {@code crate::alloc::boxed::Box} the
     * alloc crate's; a {@code pub use} re-export moves a name into another module).
     */
    private List<String> throughImports(List<String> rest, String selfType) {
        List<String> module = List.of();
        for (int i = 0; i < rest.size(); i++) { // the last too: `crate::ffi` after `pub use libsqlite3_sys as ffi;`
            String segment = rest.get(i);
            List<String> next = concat(module, List.of(segment));
            if (crate.hasModule(next)) {
                module = next;
                continue;
            }
            for (FileDeclarations.Import imp : crate.importsIn(module)) {
                if (!imp.glob() && imp.alias().equals(segment)) {
                    List<String> target = absolutize(withoutSelf(imp.target()), module, selfType, false);
                    if (target != null && !target.equals(concat(List.of("crate"), next))) {
                        return concat(target, rest.subList(i + 1, rest.size()));
                    }
                }
            }
            break;
        }
        return concat(List.of("crate"), rest);
    }

    /**
     * The crate's free fn {@code name} as module {@code modulePath} sees it: declared there, or
     * brought in by one of its imports (`pub use self::x86_64::*;`, `use self::asm as choose;`
     * then `choose::syscall1`), a few re-exports deep.
     */
    private DeclaredFn inModule(List<String> modulePath, String name, int hops) {
        DeclaredFn declared = null;
        for (DeclaredFn fn : crate.functionsNamed(name, file.file())) {
            if (fn.owner() == null && fn.modulePath().equals(modulePath)) {
                if (declared != null && declared.isUnsafe() != fn.isUnsafe()) {
                    return null; // cfg variants the target does not decide between (a build script's cfg)
                }
                declared = declared == null ? fn : declared;
            }
        }
        if (declared != null) {
            return declared;
        }
        if (hops >= 3) {
            return null;
        }
        for (FileDeclarations.Import imp : crate.importsIn(modulePath)) {
            if (!imp.glob() && !imp.alias().equals(name)) {
                continue;
            }
            List<String> target = absolutize(withoutSelf(imp.target()), modulePath, null, false);
            if (target == null || target.isEmpty() || !target.get(0).equals("crate")) {
                continue; // another crate's: looked up as that crate's
            }
            DeclaredFn fn = imp.glob() ? inModule(target.subList(1, target.size()), name, hops + 1)
                    : target.size() > 1 ? inModule(target.subList(1, target.size() - 1), target.get(target.size() - 1), hops + 1)
                    : null;
            if (fn != null) {
                return fn;
            }
        }
        return null;
    }

    /**
     * A name that module {@code modulePath} of the crate imports from another crate
     * (`pub(crate) use parking_lot_core::deadlock::{acquire_resource, ..};` in `deadlock.rs`, called
     * as `deadlock::acquire_resource` elsewhere): looked up there; null when none does.
     */
    private Callee fromAnotherCrate(List<String> modulePath, String name) {
        for (FileDeclarations.Import imp : crate.importsIn(modulePath)) {
            if (imp.glob() || !imp.alias().equals(name)) {
                continue;
            }
            List<String> target = absolutize(withoutSelf(imp.target()), modulePath, null, false);
            if (target != null && target.size() >= 2 && !target.get(0).equals("crate")) {
                Callee c = lookup(target, modulePath);
                if (c.known()) {
                    return c;
                }
            }
        }
        return null;
    }

    private Callee lookup(List<String> absolute, List<String> module) {
        if (absolute.size() < 2) {
            return Callee.UNKNOWN; // `self`, `crate`, `super` alone name a module, not a function
        }
        String name = absolute.get(absolute.size() - 1);
        if (absolute.get(0).equals("crate")) {
            List<String> modulePath = absolute.subList(1, absolute.size() - 1);
            if (modulePath.size() >= 2 && modulePath.get(0).equals("<type>")) {
                String owner = modulePath.get(modulePath.size() - 1);
                Callee c = method(owner, name);
                if (c.known()) {
                    return c;
                }
                Callee s = stdType(owner, name);
                if (!s.known()) {
                    s = traitMethod(name);
                }
                if (s.known() || hasOwner(owner)) {
                    return s;
                }
                // a generic parameter (`V::splat` with `V: Vector`): the crate's methods of that name
                return resolveMethod(name);
            }
            DeclaredFn found = inModule(modulePath, name, 0);
            if (found != null) {
                return Callee.of(found);
            }
            Callee reexported = fromAnotherCrate(modulePath, name);
            if (reexported != null) {
                return reexported;
            }
            if (!modulePath.isEmpty()) {
                // Type::method where the type sits in a module: crate::a::Type::f
                String owner = modulePath.get(modulePath.size() - 1);
                if (Character.isUpperCase(owner.charAt(0))) {
                    Callee c = method(owner, name);
                    return c.known() ? c : traitMethod(name);
                }
            }
            return Callee.UNKNOWN;
        }
        WorkspaceIndex.CrateDeclarations dependency = dependency(absolute.get(0));
        if (dependency != null) {
            Callee c = inDependency(dependency, absolute);
            // std's sources write some APIs with macros (`NonZeroUsize`, the integer methods),
            // which the index does not expand: the built-in list still knows the common ones
            return c.known() || !StdUnsafeApis.isStdCrate(absolute.get(0)) ? c : std(absolute);
        }
        if (hasStdSources() && absolute.size() <= 3 && Character.isLowerCase(absolute.get(0).charAt(0))) {
            // `ptr::read(..)` after a `use core::ptr;` the index does not see (one in a fn body)
            Callee c = lookup(concat(List.of("std"), absolute), module);
            if (c.known()) {
                return c;
            }
        }
        if (!hasStdSources() && (StdUnsafeApis.isStdCrate(absolute.get(0)) || absolute.size() <= 3)) {
            Callee c = std(absolute);
            if (c.known()) {
                return c;
            }
        }
        if (absolute.size() >= 2 && Character.isUpperCase(absolute.get(absolute.size() - 2).charAt(0))) {
            Callee c = method(absolute.get(absolute.size() - 2), name);
            return c.known() ? c : traitMethod(name);
        }
        return Callee.UNKNOWN;
    }

    /**
     * A path into a dependency ({@code libc::mmap}, {@code ffi::SSL_new} after {@code use openssl_sys
     * as ffi}): the function declared at exactly that module path, else, since re-exports
     * ({@code pub use unix::*}) move names around, the dependency's free functions of that name when
     * they all are unsafe. Associated functions ({@code dep::Type::f}) by their type.
     */
    private Callee inDependency(WorkspaceIndex.CrateDeclarations dependency, List<String> absolute) {
        String name = absolute.get(absolute.size() - 1);
        DeclaredFn resolved = agreeing(DependencyPaths.resolve(dependency, absolute.subList(1, absolute.size())),
                fn -> true);
        if (resolved != null) {
            return inDependency(resolved, absolute, dependency);
        }
        List<String> modulePath = absolute.subList(1, absolute.size() - 1);
        if (!modulePath.isEmpty() && Character.isUpperCase(modulePath.get(modulePath.size() - 1).charAt(0))) {
            String owner = modulePath.get(modulePath.size() - 1);
            DeclaredFn agreed = agreeing(DeclaredFn.ownDeclarations(dependency.functionsNamed(name).stream()
                    .filter(fn -> owner.equals(fn.owner())).toList()), fn -> true);
            if (agreed == null) {
                return traitMethod(name); // `X509Ref::from_ptr`: from a trait the type implements
            }
            return !agreed.isUnsafe() ? Callee.UNKNOWN : inDependency(agreed, absolute, dependency);
        }
        for (DeclaredFn fn : dependency.functionsNamed(name)) {
            if (fn.owner() == null && fn.modulePath().equals(modulePath)) {
                return inDependency(fn, absolute, dependency);
            }
        }
        if (dependency.functionsNamed(name).isEmpty() && dependency.hasGeneratedBindings()
                && Character.isLowerCase(name.charAt(0))
                && modulePath.stream().noneMatch(m -> Character.isUpperCase(m.charAt(0)))) {
            // `ffi::sqlite3_open_v2`: declared in the bindings the -sys crate's build script writes
            return new Callee(true, String.join("::", absolute), null, true, false, absolute.get(0),
                    dependency.packageLabel() == null ? absolute.get(0) : dependency.packageLabel());
        }
        // Found by name only: a safe one says little (an unsafe twin may be written by a macro, which
        // the index does not expand), so only an unsafe one is taken as known.
        DeclaredFn agreed = agreeing(dependency.functionsNamed(name), fn -> fn.owner() == null);
        return agreed == null || !agreed.isUnsafe() ? Callee.UNKNOWN : inDependency(agreed, absolute, dependency);
    }

    private Callee inDependency(DeclaredFn fn, List<String> absolute, WorkspaceIndex.CrateDeclarations dependency) {
        boolean isUnsafe = fn.isUnsafeIn(edition);
        String pkg = dependency == null ? null
                : !crate.isLibrary() && crate.samePackage(dependency) ? Callee.OWN_LIBRARY : dependency.packageLabel();
        return new Callee(isUnsafe, String.join("::", absolute), fn, true,
                !isUnsafe && !fn.targetFeatures().isEmpty(), absolute.get(0), pkg);
    }

    /** The first of {@code fns} that {@code which} accepts, if all it accepts agree on unsafety; else null. */
    private static DeclaredFn agreeing(List<DeclaredFn> fns, java.util.function.Predicate<DeclaredFn> which) {
        DeclaredFn first = null;
        for (DeclaredFn fn : fns) {
            if (which.test(fn)) {
                if (first != null && first.isUnsafe() != fn.isUnsafe()) {
                    return null;
                }
                first = first == null ? fn : first;
            }
        }
        return first;
    }

    private boolean hasOwner(String owner) {
        return crate.hasOwner(owner);
    }

    private Callee method(String owner, String name) {
        Callee found = Callee.UNKNOWN;
        // `Tr::get(x)`: the trait's own `fn get(&self) -> Self::Out`, not the last impl's `-> *const u8`
        for (DeclaredFn fn : DeclaredFn.ownDeclarations(
                crate.functionsNamed(name, file.file()).stream().filter(fn -> owner.equals(fn.owner())).toList())) {
            if (found.known() && found.isUnsafe() != fn.isUnsafe()) {
                return Callee.UNKNOWN; // differing declarations: do not guess
            }
            found = Callee.of(fn);
        }
        return found;
    }

    /** Whether the standard library is known from its sources (else from the built-in list). */
    private boolean hasStdSources() {
        return crate.dependency("core") != null;
    }

    /**
     * {@code Type::f} for a type the crate does not declare, as the prelude or a `use` of std
     * brings it (`Vec::from_raw_parts`, `NonNull::new_unchecked`): from the standard library's
     * declarations of that type (its aliases followed, `NonZeroUsize` is `NonZero<usize>`) when
     * the sources are at hand, else from the built-in list.
     */
    private Callee stdType(String owner, String name) {
        if (!hasStdSources()) {
            return std(List.of(owner, name));
        }
        List<DeclaredFn> found = new ArrayList<>();
        for (String stdCrate : StdSources.CRATES) {
            WorkspaceIndex.CrateDeclarations c = crate.dependency(stdCrate);
            if (c != null) {
                found.addAll(DependencyPaths.ofType(c, owner, name));
            }
        }
        DeclaredFn fn = agreeing(found, f -> true);
        return fn == null ? std(List.of(owner, name)) : inDependency(fn, List.of("std", owner, name), null);
    }

    private Callee std(List<String> path) {
        String key = StdUnsafeApis.withoutStdCrate(path);
        if (path.size() >= 2 && StdUnsafeApis.UNSAFE_TRAIT_FNS.contains(path.get(path.size() - 1))
                && Character.isUpperCase(path.get(path.size() - 2).charAt(0))) {
            String typeKey = path.get(path.size() - 2) + "::" + path.get(path.size() - 1);
            return new Callee(true, typeKey, null, true);
        }
        if (path.size() > 2 && Character.isUpperCase(path.get(path.size() - 2).charAt(0))) {
            // std::ffi::CStr::from_ptr: the catalogue keys associated fns by Type::fn
            String typeKey = path.get(path.size() - 2) + "::" + path.get(path.size() - 1);
            if (StdUnsafeApis.UNSAFE_PATHS.contains(typeKey)) {
                return new Callee(true, typeKey, null, true);
            }
        }
        if (StdUnsafeApis.UNSAFE_PATHS.contains(key)
                || edition == Edition.E2024 && StdUnsafeApis.UNSAFE_PATHS.contains(key + "@2024")) {
            return new Callee(true, key, null, true);
        }
        String name = path.get(path.size() - 1);
        if (key.startsWith("arch::") && StdUnsafeApis.isPointerArchIntrinsic(name)
                || key.startsWith("intrinsics::") && !key.equals("intrinsics::likely")) {
            return new Callee(true, key, null, true);
        }
        if (key.startsWith("arch::") && name.startsWith("_")) {
            // a SIMD intrinsic: safe only inside a fn that enables its target feature
            return new Callee(false, key, null, true, true);
        }
        return Callee.UNKNOWN;
    }

    /**
     * `self.name(..)` in an impl of {@code selfType} written in {@code module}: the methods of that
     * type declared in this very module come first. In one module a type name denotes one type, so
     * they are the methods of `self`'s type; same-named methods elsewhere (another type, or a
     * cfg-gated twin module) say nothing about this call. Without such methods, or when they
     * disagree, as {@link #resolveMethod}.
     */
    Callee resolveSelfMethod(String name, String selfType, List<String> module) {
        Callee found = Callee.UNKNOWN;
        for (DeclaredFn fn : crate.functionsNamed(name, file.file())) {
            if (selfType.equals(fn.owner()) && fn.modulePath().equals(module)) {
                if (found.known() && found.isUnsafe() != fn.isUnsafe()) {
                    return resolveMethod(name);
                }
                found = new Callee(fn.isUnsafe(), fn.displayPath(), fn, true);
            }
        }
        return found.known() ? found : resolveMethod(name);
    }

    /**
     * A method that some trait declares `unsafe fn` (an impl cannot make it safe), called on a
     * type whose own methods the index does not see (its impls are written by a macro, or it is
     * a dependency's type): `X509Ref::from_ptr(p)` with `ForeignTypeRef::from_ptr`. Taken as
     * unsafe only when no method of that name anywhere in the crate, its dependencies or std is
     * safe, so that a name shared with a safe method says nothing.
     */
    Callee traitMethod(String name) {
        DeclaredFn fromTrait = null;
        for (WorkspaceIndex.CrateDeclarations c : crateAndDependencies()) {
            for (DeclaredFn fn : c.functionsNamed(name)) {
                if (fn.owner() == null) {
                    continue;
                }
                if (!fn.isUnsafe()) {
                    return Callee.UNKNOWN;
                }
                if (fromTrait == null && c.declaresTrait(fn.owner())) {
                    fromTrait = fn;
                }
            }
        }
        return fromTrait == null ? Callee.UNKNOWN
                : new Callee(true, fromTrait.displayPath(), fromTrait, true, false, null);
    }

    private List<WorkspaceIndex.CrateDeclarations> everything;
    /** {@link #everything} and the dev-dependencies with what they reach, for test code. */
    private List<WorkspaceIndex.CrateDeclarations> everythingForTests;

    /** The declarations of the file being analysed. */
    FileDeclarations file() {
        return file;
    }

    /** `use` declarations of the blocks being walked (the index reads items, not fn bodies), innermost last. */
    private final List<FileDeclarations.Import> blockImports = new ArrayList<>();

    /** How many block imports are in scope, to drop those of a block when it ends ({@link #dropBlockImports}). */
    int blockImportCount() {
        return blockImports.size();
    }

    void addBlockImports(List<FileDeclarations.Import> imports) {
        blockImports.addAll(imports);
    }

    void dropBlockImports(int count) {
        blockImports.subList(count, blockImports.size()).clear();
    }

    /** The imports a path in this file sees: a block's own first (they shadow the module's). */
    private List<FileDeclarations.Import> imports() {
        if (blockImports.isEmpty()) {
            return file.imports();
        }
        List<FileDeclarations.Import> all = new ArrayList<>(blockImports.size() + file.imports().size());
        for (int i = blockImports.size() - 1; i >= 0; i--) {
            all.add(blockImports.get(i));
        }
        all.addAll(file.imports());
        return all;
    }

    /**
     * The crate and every crate it depends on, directly or not (computed once per file); in code
     * that only test builds compile (a file under tests/, a `#[cfg(test)] mod x;`, or inside a
     * `#[cfg(test)]` or `#[test]` item), its dev-dependencies and what they reach come after, so
     * test code finds the methods of their types.
     */
    List<WorkspaceIndex.CrateDeclarations> crateAndDependencies() {
        if (everything == null) {
            List<WorkspaceIndex.CrateDeclarations> all = new ArrayList<>();
            all.add(crate);
            close(all, 0);
            everything = all;
        }
        if (!isTestCode()) {
            return everything;
        }
        if (everythingForTests == null) {
            List<WorkspaceIndex.CrateDeclarations> all = new ArrayList<>(everything);
            int closed = all.size();
            for (WorkspaceIndex.CrateDeclarations d : crate.allDevDependencies()) {
                if (!all.contains(d)) {
                    all.add(d);
                }
            }
            close(all, closed);
            everythingForTests = all.size() == closed ? everything : all;
        }
        return everythingForTests;
    }

    /** A trait and a crate that declares a trait of that name. */
    record TraitIn(String trait, WorkspaceIndex.CrateDeclarations crate) {
    }

    /** How many traits a walk of bounds and supertraits visits at most (cycles included). */
    private static final int MAX_TRAITS = 64;

    /**
     * {@code traits} and their supertraits, nearest first, each with every crate of
     * {@link #crateAndDependencies()} that declares a trait of its name.
     */
    List<TraitIn> traitsWithSupertraits(java.util.Collection<String> traits) {
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(traits);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<TraitIn> found = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < MAX_TRAITS) {
            String trait = queue.poll();
            if (!seen.add(trait)) {
                continue;
            }
            for (WorkspaceIndex.CrateDeclarations c : crateAndDependencies()) {
                if (c.declaresTrait(trait)) {
                    found.add(new TraitIn(trait, c));
                    queue.addAll(c.supertraits(trait));
                }
            }
        }
        return found;
    }

    /** Adds to {@code all} what its crates from {@code from} on depend on, until nothing is new; returns its size. */
    private static int close(List<WorkspaceIndex.CrateDeclarations> all, int from) {
        for (int i = from; i < all.size() && all.size() < 1_000; i++) {
            for (WorkspaceIndex.CrateDeclarations d : all.get(i).allDependencies()) {
                if (!all.contains(d)) {
                    all.add(d);
                }
            }
        }
        return all.size();
    }

    private boolean isTestOnlyFile() {
        if (testOnlyFile == null) {
            testOnlyFile = crate.isTestOnlyFile(file.file());
        }
        return testOnlyFile;
    }

    /** A method call `recv.name(..)` where the crate declares methods of that name. */
    Callee resolveMethod(String name) {
        return resolveMethod(name, false);
    }

    /**
     * {@code receiver}: for method-call syntax `x.f()`, which cannot call an associated function
     * without `self` (`Arc::copy_from_slice(v)` is no candidate for `slice.copy_from_slice(v)`).
     */
    Callee resolveMethod(String name, boolean receiver) {
        return resolveMethod(name, receiver, false);
    }

    /**
     * {@code onCallResult}: the receiver is what a call returned (`f(..).m()`, `x.g().m()`) and its
     * type is unknown; such a value is often one of std's (a `Result`, an `Option`, an iterator),
     * so a name that std also gives a safe method decides nothing. A receiver that is a local or a
     * field of unknown type is more often the crate's own type, and keeps the crate's method.
     */
    Callee resolveMethod(String name, boolean receiver, boolean onCallResult) {
        Callee found = Callee.UNKNOWN;
        for (DeclaredFn fn : crate.functionsNamed(name, file.file())) {
            if (fn.owner() == null
                    || receiver && (fn.parameterTypes().isEmpty() || !fn.parameterTypes().get(0).equals("self"))) {
                continue;
            }
            if (found.known() && found.isUnsafe() != fn.isUnsafe()) {
                return Callee.UNKNOWN;
            }
            found = Callee.of(fn);
        }
        if (onCallResult && found.known() && found.isUnsafe() && standardLibraryHasSafeMethod(name)) {
            return Callee.UNKNOWN; // `r.map(..)` on a receiver of unknown type may well be `Result::map`
        }
        return found;
    }

    /** Whether core, alloc or std (from their sources, when the index has them) declare a safe method {@code name}. */
    private boolean standardLibraryHasSafeMethod(String name) {
        for (String library : List.of("core", "alloc", "std")) {
            WorkspaceIndex.CrateDeclarations declarations = crate.dependency(library);
            if (declarations == null) {
                continue;
            }
            for (DeclaredFn fn : declarations.functionsNamed(name)) {
                if (fn.owner() != null && !fn.isUnsafe() && !fn.parameterTypes().isEmpty()
                        && fn.parameterTypes().get(0).equals("self")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a path names a `static mut` of the crate: declared in the current module, imported
     * with `use`, or written with its module path. A bare name alone is not enough.
     */
    boolean isStaticMut(List<String> path, List<String> module) {
        String name = path.get(path.size() - 1);
        if (!crate.isStaticMut(name)) {
            return false;
        }
        depth = 0;
        List<String> absolute = path.size() == 1 && crate.isStaticMutIn(name, module)
                ? concat(concat(List.of("crate"), module), List.of(name))
                : absolutize(path, module, null, false);
        if (absolute == null || absolute.size() < 2 || !absolute.get(0).equals("crate")) {
            return false;
        }
        return crate.isStaticMutIn(name, absolute.subList(1, absolute.size() - 1));
    }

    WorkspaceIndex.CrateDeclarations crate() {
        return crate;
    }

    /** {@code a::b::self} (from {@code use a::b::{self}}) names {@code a::b}. */
    private static List<String> withoutSelf(List<String> target) {
        return target.size() > 1 && target.get(target.size() - 1).equals("self")
                ? target.subList(0, target.size() - 1) : target;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }
}
