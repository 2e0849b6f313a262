package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.macros.CallSite;
import dev.unsafehints.macros.DocAttribute;
import dev.unsafehints.macros.Macro2Rules;
import dev.unsafehints.macros.MacroDefinition;
import dev.unsafehints.parse.CommentTokens;
import dev.unsafehints.parse.FileToken;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Finds the `macro_rules!` definition a call names, as textual scope does: in this file, the last
 * definition of the name written before the call (in any module of the file, bodies included);
 * else the crate's one definition of that name (from the workspace index: a `#[macro_use]` module,
 * a `#[macro_export]` macro called by `crate::name!` or after a `use`); else a dependency's
 * `#[macro_export]` macro called as `dep::m!`, imported by `use dep::m;` or in scope through
 * `#[macro_use] extern crate dep;`; a crate macro by a path through its modules once a module
 * re-exports it (`crate::macros::m!`). A name defined twice in other files and the standard library's
 * names when this crate does not define them are not expanded: which one a call sees is not known here.
 */
final class MacroDefinitions {
    private final FileModel model;
    /** This file's definitions by name, in token order. */
    private Map<String, List<ParserRuleContext>> local;
    private final Map<Object, MacroDefinition> read = new HashMap<>();

    MacroDefinitions(FileModel model) {
        this.model = model;
    }

    /** The definition that a call of {@code path} at token index {@code at} of the file sees, or null. */
    MacroDefinition find(List<String> path, int at) {
        return find(path, at, 0);
    }

    /** How many `use .. as ..` renamings are followed from one call (a cycle of them names no macro). */
    private static final int MAX_RENAMINGS = 4;

    private MacroDefinition find(List<String> path, int at, int renamings) {
        MacroDefinition found = findByName(path, at);
        return found != null || renamings >= MAX_RENAMINGS ? found : throughImport(path, at, renamings + 1);
    }

    /**
     * A macro a call names through a `use` that renames or re-exports it: `use m as n;` or
     * `use crate::m as n;` then `n!`, `pub use crate::m as n;` at the crate's root then `crate::n!`,
     * `pub use dep::m as n;` then `crate::n!`. The import is looked for in this file (for `n!`,
     * `self::n!` and `super::n!`, where the file's modules are the near ones) or in the module the
     * path names from the crate's root (`crate::n!`, `crate::a::n!`).
     */
    private MacroDefinition throughImport(List<String> path, int at, int renamings) {
        String name = path.get(path.size() - 1);
        List<FileDeclarations.Import> imports;
        if (path.size() >= 2 && path.get(0).equals("crate") && path.stream().skip(1).noneMatch(STD_CRATES::contains)) {
            imports = model.crateView().importsIn(path.subList(1, path.size() - 1));
        } else if (path.size() == 1 || path.size() == 2 && (path.get(0).equals("self") || path.get(0).equals("super"))) {
            imports = model.declarations().imports();
        } else {
            return null;
        }
        for (FileDeclarations.Import imp : imports) {
            List<String> target = imp.target();
            if (imp.glob() || !imp.alias().equals(name) || target.isEmpty() || target.equals(path)) {
                continue;
            }
            String original = target.get(target.size() - 1);
            String first = target.get(0);
            MacroDefinition d;
            if (target.size() == 1) { // `use m as n;`: the macro in scope as `m`
                d = original.equals(name) ? null : find(List.of(original), at, renamings);
            } else if (first.equals("crate") || first.equals("self") || first.equals("super")) {
                d = find(target, at, renamings);
            } else if (STD_CRATES.contains(first)) {
                continue; // std's macros keep their own handling under any name
            } else if (model.crateView().dependency(first) != null) {
                d = target.size() == 2 ? ofDependency(first, original) : null;
            } else { // `use macros::m as n;`: a path from the crate's root (2018) into its modules
                List<String> fromRoot = new java.util.ArrayList<>(target);
                fromRoot.add(0, "crate");
                d = find(fromRoot, at, renamings);
            }
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private MacroDefinition findByName(List<String> path, int at) {
        String name = path.get(path.size() - 1);
        boolean crateRelative = path.size() == 1 || path.size() == 2
                && (path.get(0).equals("crate") || path.get(0).equals("$crate") || path.get(0).equals("self")
                || path.get(0).equals("super"));
        if (!crateRelative) {
            MacroDefinition dependency = path.size() == 2 ? ofDependency(path.get(0), name) : null;
            return dependency != null ? dependency : throughModules(path, name);
        }
        List<ParserRuleContext> here = local().get(name);
        if (here != null) {
            ParserRuleContext before = null;
            for (ParserRuleContext d : here) {
                // a macros-2.0 definition is an item: seen from its whole module, before it too
                boolean textuallyBefore = d.getStart().getTokenIndex() < at || d instanceof RustParser.Macro2DefinitionContext;
                if (textuallyBefore && inScope(d, at)) {
                    before = d;
                }
            }
            if (before == null && path.size() == 1) {
                return null; // defined in this file only after the call: another one may be in scope
            }
            if (before != null) {
                ParserRuleContext d = before;
                return read.computeIfAbsent(d, k -> MacroDefinition.read(name, bodyTokens(name, d)));
            }
        }
        if (dev.unsafehints.macros.StdMacroNames.contains(name)) {
            return null;
        }
        String body = model.crateView().macroBody(name, model.declarations().file());
        if (body != null) {
            return read.computeIfAbsent(body, k -> MacroDefinition.ofText(name, body));
        }
        return path.size() == 1 ? importedFromDependency(name) : null;
    }

    /**
     * A crate macro named through the crate's modules, as the 2018 editions allow once a module
     * re-exports it (`pub(crate) use read_raw;` in `mod macros`, then `crate::macros::read_raw!`
     * or `macros::read_raw!`): the one definition of that name in this file, else in the crate.
     * A path that starts with a dependency's name or std's is not the crate's.
     */
    private MacroDefinition throughModules(List<String> path, String name) {
        String first = path.get(0);
        boolean intoCrate = first.equals("crate") || first.equals("self") || first.equals("super");
        if (!intoCrate && (STD_CRATES.contains(first) || model.crateView().dependency(first) != null)) {
            return null;
        }
        List<ParserRuleContext> here = local().get(name);
        if (here != null) {
            if (here.size() > 1) {
                return null; // which of this file's definitions the path reaches is not known here
            }
            ParserRuleContext d = here.get(0);
            return read.computeIfAbsent(d, k -> MacroDefinition.read(name, bodyTokens(name, d)));
        }
        if (dev.unsafehints.macros.StdMacroNames.contains(name)) {
            return null;
        }
        String body = model.crateView().macroBody(name, model.declarations().file());
        return body == null ? null : read.computeIfAbsent(body, k -> MacroDefinition.ofText(name, body));
    }

    /** Crates whose macros keep std's own handling, whatever they are called through. */
    private static final Set<String> STD_CRATES = Set.of("std", "core", "alloc");

    /**
     * The `#[macro_export]` macro {@code name} of the dependency the crate calls {@code crateName}
     * (`dep::m!`, or `$crate::m!` written by one of that dependency's macros), or null.
     */
    private MacroDefinition ofDependency(String crateName, String name) {
        if (STD_CRATES.contains(crateName)) {
            return null;
        }
        WorkspaceIndex.CrateDeclarations dep = model.crateView().dependency(crateName);
        if (dep == null) {
            return null;
        }
        String body = dep.exportedMacroBody(name);
        if (body == null) {
            return reexportedBy(crateName, dep, name);
        }
        return read.computeIfAbsent(crateName + "\0" + body, k -> MacroDefinition.ofText(name, body).ofCrate(crateName));
    }

    /**
     * A macro that the dependency {@code dep} re-exports at its root under {@code name}:
     * `pub use crate::m as name;` (its own macro, renamed), or `pub use other::m;` (a macro of its
     * own dependency `other`, one step only). The second is expanded only when this crate depends
     * on that very `other` under the same name, so that the expansion's `$crate` paths resolve
     * into the right crate; else it is left alone.
     */
    private MacroDefinition reexportedBy(String crateName, WorkspaceIndex.CrateDeclarations dep, String name) {
        return reexportedBy(crateName, dep, name, 0);
    }

    /**
     * As {@link #reexportedBy(String, WorkspaceIndex.CrateDeclarations, String)}, following a
     * re-export of a re-export (`pub use crate::a as b; pub use crate::b as c;`) and a path into
     * the dependency's modules (`pub use crate::inner::m as n;`), up to {@link #MAX_RENAMINGS} steps.
     */
    private MacroDefinition reexportedBy(String crateName, WorkspaceIndex.CrateDeclarations dep, String name, int steps) {
        if (steps >= MAX_RENAMINGS) {
            return null;
        }
        for (FileDeclarations.Import imp : dep.importsIn(List.of())) {
            List<String> target = imp.target();
            if (imp.isPublic() && imp.glob() && !target.isEmpty()) {
                MacroDefinition globbed = reexportedByGlob(crateName, dep, name, target);
                if (globbed != null) {
                    return globbed;
                }
                continue;
            }
            if (!imp.isPublic() || imp.glob() || !imp.alias().equals(name) || target.size() < 2) {
                continue;
            }
            String first = target.get(0);
            String original = target.get(target.size() - 1);
            if ((first.equals("crate") || first.equals("self")) && !original.equals(name)) {
                String body = dep.macroBody(original);
                if (body != null) {
                    return read.computeIfAbsent(crateName + "\0" + body, k -> MacroDefinition.ofText(original, body).ofCrate(crateName));
                }
                MacroDefinition further = target.size() == 2 ? reexportedBy(crateName, dep, original, steps + 1) : null;
                if (further != null) {
                    return further;
                }
            } else if (target.size() == 2 && (!STD_CRATES.contains(first) && dep.dependency(first) != null
                    && dep.dependency(first) == model.crateView().dependency(first))) {
                String body = dep.dependency(first).exportedMacroBody(original);
                if (body != null) {
                    return read.computeIfAbsent(first + "\0" + body, k -> MacroDefinition.ofText(original, body).ofCrate(first));
                }
            }
        }
        return null;
    }

    /**
     * A macro that a glob re-export at the dependency's root brings out under its own name:
     * `pub use crate::macros::*;` (the dependency's one macro of that name: a `pub macro`, or one
     * a module re-exports), or `pub use other::*;` (its dependency `other`'s exported macro, when
     * this crate depends on that same `other`).
     */
    private MacroDefinition reexportedByGlob(String crateName, WorkspaceIndex.CrateDeclarations dep, String name,
                                            List<String> target) {
        String first = target.get(0);
        if (first.equals("crate") || first.equals("self")) {
            String body = target.size() >= 2 ? dep.macroBody(name) : null;
            return body == null ? null
                    : read.computeIfAbsent(crateName + "\0" + body, k -> MacroDefinition.ofText(name, body).ofCrate(crateName));
        }
        if (target.size() == 1 && !STD_CRATES.contains(first) && dep.dependency(first) != null
                && dep.dependency(first) == model.crateView().dependency(first)) {
            String body = dep.dependency(first).exportedMacroBody(name);
            return body == null ? null : read.computeIfAbsent(first + "\0" + body, k -> MacroDefinition.ofText(name, body).ofCrate(first));
        }
        return null;
    }

    /**
     * A dependency's macro that a plain `name!` calls: imported by a `use dep::name;` of this file,
     * or by its glob import `use dep::*;` (a `#[macro_export]` macro is an item of the dependency's
     * root), or brought into scope by the crate's `#[macro_use] extern crate dep;` (when exactly one such
     * dependency exports the name).
     */
    private MacroDefinition importedFromDependency(String name) {
        for (FileDeclarations.Import imp : model.declarations().imports()) {
            if (!imp.glob() && imp.alias().equals(name) && imp.target().size() == 2) {
                MacroDefinition d = ofDependency(imp.target().get(0), imp.target().get(1));
                if (d != null) {
                    return d;
                }
            }
        }
        // then the glob imports (`use dep::*;`), which yield to a name imported or defined by name
        MacroDefinition globbed = null;
        for (FileDeclarations.Import imp : model.declarations().imports()) {
            if (imp.glob() && imp.target().size() == 1) {
                MacroDefinition d = ofDependency(imp.target().get(0), name);
                if (d != null) {
                    if (globbed != null && globbed != d) {
                        return null; // two globs bring the name: rustc calls the call ambiguous
                    }
                    globbed = d;
                }
            }
        }
        if (globbed != null) {
            return globbed;
        }
        MacroDefinition found = null;
        for (String crateName : model.crateView().macroUseCrates()) {
            MacroDefinition d = ofDependency(crateName, name);
            if (d != null) {
                if (found != null) {
                    return null; // two crates export the name: which one wins is not known here
                }
                found = d;
            }
        }
        return found;
    }

    private Set<String> signs;

    /**
     * The names of the macros whose calls make a safe function's body in an expansion worth
     * parsing: those of the crate and its dependencies that write `unsafe`, and every macro this
     * file defines (a name too many only costs a parse).
     */
    Set<String> signs() {
        if (signs == null) {
            Set<String> names = new java.util.HashSet<>(model.crateView().macrosWritingUnsafe());
            names.addAll(local().keySet());
            for (WorkspaceIndex.CrateDeclarations dep : model.crateView().allDependencies()) {
                names.addAll(dep.exportedMacrosWritingUnsafe());
            }
            signs = Set.copyOf(names);
        }
        return signs;
    }

    /**
     * A definition in a block (a function body) is seen only inside that block; one among items,
     * in the rest of the file.
     */
    private static boolean inScope(ParserRuleContext d, int at) {
        for (org.antlr.v4.runtime.tree.ParseTree p = d.getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.BlockExpressionContext b) {
                return b.getStart().getTokenIndex() < at && at < b.getStop().getTokenIndex();
            }
        }
        return true;
    }

    /**
     * Whether a definition writes `unsafe`, itself or through the crate macros its text calls
     * (nix's `sockopt_impl!` writes calls of `getsockopt_impl!`, which writes the unsafe block).
     */
    boolean writesUnsafe(MacroDefinition definition, int at) {
        return writesUnsafe(definition, at, new java.util.HashSet<>());
    }

    private boolean writesUnsafe(MacroDefinition definition, int at, java.util.Set<String> seen) {
        if (definition.writesUnsafe()) {
            return true;
        }
        if (!seen.add(definition.name()) || seen.size() > 32) {
            return false;
        }
        for (String called : definition.calledMacros()) {
            // a dependency's macro calls its own crate's macros (`$crate::inner!`)
            MacroDefinition d = definition.crateName() != null ? ofDependency(definition.crateName(), called)
                    : find(List.of(called), at);
            if (d != null && writesUnsafe(d, at, seen)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, List<ParserRuleContext>> local() {
        if (local == null) {
            local = new HashMap<>();
            String text = model.source().text();
            if (text.contains("macro_rules") || text.contains("macro ")) {
                collect(model.parsed().tree());
            }
        }
        return local;
    }

    private void collect(ParseTree node) {
        if (node instanceof RustParser.MacroRulesDefinitionContext d) {
            local.computeIfAbsent(d.identifier().getText(), k -> new ArrayList<>()).add(d);
            return;
        }
        if (node instanceof RustParser.Macro2DefinitionContext d) {
            local.computeIfAbsent(d.identifier().getText(), k -> new ArrayList<>()).add(d);
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            ParseTree child = node.getChild(i);
            if (child.getChildCount() > 0) {
                collect(child);
            }
        }
    }

    /**
     * The definition's rules as the body of a `macro_rules!` (inside its outer delimiters), as the
     * file's tokens; a macros-2.0 definition's are rewritten to that form ({@link Macro2Rules}).
     */
    private List<Token> bodyTokens(String name, ParserRuleContext d) {
        if (d instanceof RustParser.Macro2DefinitionContext m) {
            List<RustParser.DelimTokenTreeContext> groups = m.delimTokenTree();
            return Macro2Rules.asRulesBody(groupTokens(name, groups.get(0), true),
                    groups.size() > 1 ? groupTokens(name, groups.get(1), true) : List.of());
        }
        return groupTokens(name, ((RustParser.MacroRulesDefinitionContext) d).delimTokenTree(), false);
    }

    /** A group's tokens, its delimiters included or not; doc comments as `#[doc = ".."]`. */
    private List<Token> groupTokens(String name, RustParser.DelimTokenTreeContext group, boolean withDelimiters) {
        List<Token> tokens = new ArrayList<>();
        int open = group.getStart().getTokenIndex();
        int close = group.getStop().getTokenIndex();
        for (int i = withDelimiters ? open : open + 1; withDelimiters ? i <= close : i < close; i++) {
            Token t = model.parsed().tokens().get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(new FileToken(t));
            } else if (CommentTokens.isOuterDoc(t)) {
                tokens.addAll(DocAttribute.tokens(CommentTokens.docText(t), new CallSite(name, t, t)));
            }
        }
        return tokens;
    }
}
