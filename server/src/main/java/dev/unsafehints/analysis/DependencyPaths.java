package dev.unsafehints.analysis;

import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.ResolvedPath;
import dev.unsafehints.workspace.WorkspaceIndex.CrateDeclarations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the function a path into another crate names, the way rustc resolves it: module by module
 * from the crate's root, through the crate's `use` re-exports (named and glob, `crate::`,
 * `self::`, `super::`, and into the crate's own dependencies), so that {@code std::ptr::read}
 * arrives at {@code core::ptr::read} and {@code core::arch::x86_64::_mm_loadu_si128} at the
 * function in {@code core_arch::x86::sse2}. A path it cannot follow gives no answer rather than a
 * guess; the number of steps is bounded (glob cycles, deep chains). Each answer is kept in the
 * crate's view ({@link ResolvedPath}): a crate's sites write the same few paths over and over, and
 * one that leads nowhere walks every glob import up to the bound.
 */
final class DependencyPaths {
    private static final int MAX_STEPS = 400;

    private int steps;
    /** The dependency lookups made (each once), which the kept answer depends on. */
    private final Set<ResolvedPath.DependencyLookup> lookups = new LinkedHashSet<>();

    private DependencyPaths() {
    }

    /**
     * The declarations {@code path} (without the crate's name) names in {@code crate}: one or more
     * (cfg variants of the same function), or empty.
     */
    static List<DeclaredFn> resolve(CrateDeclarations crate, List<String> path) {
        if (path.isEmpty()) {
            return List.of();
        }
        ResolvedPath known = crate.resolvedPath(path);
        if (known != null) {
            return known.functions();
        }
        DependencyPaths resolution = new DependencyPaths();
        ResolvedPath resolved = new ResolvedPath(resolution.item(crate, List.of(), path, 0),
                new ArrayList<>(resolution.lookups));
        crate.rememberResolvedPath(path, resolved);
        return resolved.functions();
    }

    /** {@code crate.dependency(name)}, noted as something the answer depends on. */
    private CrateDeclarations dependency(CrateDeclarations crate, String name) {
        CrateDeclarations answer = crate.dependency(name);
        lookups.add(new ResolvedPath.DependencyLookup(crate, name, answer));
        return answer;
    }

    /** Resolves {@code rest} starting in {@code module} of {@code crate}. */
    private List<DeclaredFn> item(CrateDeclarations crate, List<String> module, List<String> rest, int depth) {
        if (++steps > MAX_STEPS || depth > 24) {
            return List.of();
        }
        String first = rest.get(0);
        if (rest.size() == 1) {
            List<DeclaredFn> declared = new ArrayList<>();
            for (DeclaredFn fn : crate.functionsNamed(first)) {
                if (fn.owner() == null && fn.modulePath().equals(module)) {
                    declared.add(fn);
                }
            }
            if (!declared.isEmpty()) {
                return declared;
            }
        } else {
            List<String> child = append(module, first);
            if (crate.hasModule(child)) {
                return item(crate, child, rest.subList(1, rest.size()), depth + 1);
            }
            if (rest.size() == 2 && Character.isUpperCase(first.charAt(0))) {
                List<DeclaredFn> methods = ofType(crate, first, rest.get(1));
                if (!methods.isEmpty()) {
                    return methods;
                }
            }
        }
        // a name this module imports: `pub use core::ptr;`, `pub use self::sse2::*;`
        for (FileDeclarations.Import imp : crate.importsIn(module)) {
            if (!imp.glob() && imp.alias().equals(first)) {
                List<DeclaredFn> found = target(crate, module, append(imp.target(), rest.subList(1, rest.size())),
                        depth + 1);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        for (FileDeclarations.Import imp : crate.importsIn(module)) {
            if (imp.glob()) {
                List<String> path = new ArrayList<>(imp.target());
                path.addAll(rest);
                List<DeclaredFn> found = target(crate, module, path, depth + 1);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    /** Resolves an import's path written in {@code module}. */
    private List<DeclaredFn> target(CrateDeclarations crate, List<String> module, List<String> path, int depth) {
        if (path.isEmpty() || steps > MAX_STEPS) {
            return List.of();
        }
        String first = path.get(0);
        List<String> rest = path.subList(1, path.size());
        switch (first) {
            case "crate", "$crate":
                return rest.isEmpty() ? List.of() : item(crate, List.of(), rest, depth);
            case "self":
                return rest.isEmpty() ? List.of() : item(crate, module, rest, depth);
            case "super": {
                List<String> parent = module.isEmpty() ? module : module.subList(0, module.size() - 1);
                return target(crate, parent, append(List.of("self"), rest), depth);
            }
            case "::": {
                // a crate by name (`extern crate alloc as alloc_crate;` records `::alloc`)
                CrateDeclarations named = rest.size() < 2 ? null : dependency(crate, rest.get(0));
                return named == null ? List.of() : item(named, List.of(), rest.subList(1, rest.size()), depth + 1);
            }
            default:
                break;
        }
        if (crate.hasModule(append(module, first))) {
            return item(crate, module, path, depth); // a child module (2018 paths are relative)
        }
        for (FileDeclarations.Import imp : crate.importsIn(List.of())) {
            // `extern crate alloc as alloc_crate;` at the root names the crate everywhere
            if (!module.isEmpty() && !imp.glob() && imp.alias().equals(first) && imp.target().size() == 2
                    && imp.target().get(0).equals("::")) {
                return target(crate, List.of(), append(imp.target(), rest), depth + 1);
            }
        }
        CrateDeclarations other = dependency(crate, first);
        if (other != null) {
            return rest.isEmpty() ? List.of() : item(other, List.of(), rest, depth + 1);
        }
        // a name this module imports; else a 2015 path, relative to the crate's root
        List<DeclaredFn> found = item(crate, module, path, depth);
        return found.isEmpty() && !module.isEmpty() ? item(crate, List.of(), path, depth) : found;
    }

    /**
     * The functions named {@code name} of the type {@code type} in {@code crate}, by type name alone
     * (or of the type a type alias of that name stands for).
     */
    static List<DeclaredFn> ofType(CrateDeclarations crate, String type, String name) {
        List<DeclaredFn> found = new ArrayList<>();
        for (DeclaredFn fn : crate.functionsNamed(name)) {
            if (type.equals(fn.owner())) {
                found.add(fn);
            }
        }
        if (found.isEmpty()) {
            for (String aliased : crate.typeAlias(type)) {
                String target = FileDeclarations.lastSegmentName(aliased);
                if (!target.equals(type) && !target.isEmpty()) {
                    for (DeclaredFn fn : crate.functionsNamed(name)) {
                        if (target.equals(fn.owner())) {
                            found.add(fn);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> r = new ArrayList<>(path);
        r.add(segment);
        return r;
    }

    private static List<String> append(List<String> path, List<String> more) {
        List<String> r = new ArrayList<>(path);
        r.addAll(more);
        return r;
    }
}
