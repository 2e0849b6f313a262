package dev.unsafehints.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cfg conditions under which each file of a crate is compiled, from the module tree: a file is a
 * module only where its {@code mod name;} declaration is (`#[cfg(windows)] mod windows;`, a
 * {@code cfg_if!} branch holding {@code #[path = "linux.rs"] mod imp;}), and only where the
 * declaring file itself is, and where its own {@code #![cfg(..)]} holds. A file declared twice is
 * compiled where either declaration holds. A file that no indexed file declares gets no conditions
 * (its own {@code #![cfg]} aside): what is not known to be left out counts as compiled.
 */
final class ModuleConditions {
    private static final Set<String> MOD_RS_NAMES = Set.of("mod.rs", "lib.rs", "main.rs");

    private final Map<Path, FileDeclarations> byFile = new HashMap<>();
    /** Per file: the declarations that make it a module, each as (declaring file, declaration). */
    private final Map<Path, List<Declaring>> declaredBy = new HashMap<>();
    private final Map<Path, List<String>> memo = new HashMap<>();
    /** Per file: the file each `mod` declaration above it chose (see {@link #exclusive}), memoized. */
    private final Map<Path, Map<String, Path>> choices = new HashMap<>();
    private final Set<Path> visiting = new HashSet<>();

    private record Declaring(FileDeclarations parent, FileDeclarations.ChildModule module) {
    }

    ModuleConditions(List<FileDeclarations> files) {
        for (FileDeclarations f : files) {
            if (f.file() != null) {
                byFile.put(normalized(f.file()), f);
            }
        }
        for (FileDeclarations parent : files) {
            if (parent.file() == null) {
                continue;
            }
            for (FileDeclarations.ChildModule child : parent.childModules()) {
                for (Path candidate : filesOf(parent, child)) {
                    if (byFile.containsKey(candidate)) {
                        declaredBy.computeIfAbsent(candidate, k -> new ArrayList<>()).add(new Declaring(parent, child));
                    }
                }
            }
        }
    }

    /** The conditions under which {@code file} is compiled (all must hold); empty when none are known. */
    synchronized List<String> of(Path file) {
        if (file == null) {
            return List.of();
        }
        Path key = normalized(file);
        List<String> known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (!visiting.add(key)) {
            return List.of(); // a module cycle (`#[path]` games): nothing known
        }
        try {
            List<String> conditions = new ArrayList<>(declarationConditions(key));
            FileDeclarations own = byFile.get(key);
            if (own != null) {
                own.fileCfg().stream().filter(c -> !conditions.contains(c)).forEach(conditions::add);
            }
            List<String> result = List.copyOf(conditions);
            memo.put(key, result);
            return result;
        } finally {
            visiting.remove(key);
        }
    }

    /**
     * Whether {@code a} and {@code b} can never be modules of one build: one `mod` declaration above
     * them places them under different files, as {@code #[cfg_attr(libc, path = "libc/mod.rs")]}
     * beside {@code #[cfg_attr(linux_raw, path = "linux_raw/mod.rs")] mod backend;} does. A build
     * has one file for each declared module, so code below one choice never calls into the other,
     * even where the index cannot tell which cfg holds (a build script sets it).
     */
    synchronized boolean exclusive(Path a, Path b) {
        if (a == null || b == null) {
            return false;
        }
        Map<String, Path> aChose = choices(normalized(a));
        if (aChose.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Path> e : choices(normalized(b)).entrySet()) {
            Path other = aChose.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file chosen for each `mod` declaration (keyed by declaring file and module path) on the way
     * from the crate's root to {@code file}; only through files declared once, as the module tree
     * is then one path.
     */
    private Map<String, Path> choices(Path file) {
        Map<String, Path> known = choices.get(file);
        if (known != null) {
            return known;
        }
        choices.put(file, Map.of()); // a module cycle sees nothing
        Map<String, Path> chose = new HashMap<>();
        List<Declaring> declarations = declaredBy.getOrDefault(file, List.of());
        if (declarations.size() == 1 && declarations.get(0).parent().file() != null) {
            Declaring d = declarations.get(0);
            Path parent = normalized(d.parent().file());
            chose.putAll(choices(parent));
            chose.put(parent + "#" + String.join("::", d.module().modulePath()), file);
        }
        Map<String, Path> result = Map.copyOf(chose);
        choices.put(file, result);
        return result;
    }

    /** What the declarations of the file's module require: one's conditions, or any(all(..), ..) of several. */
    private List<String> declarationConditions(Path file) {
        List<Declaring> declarations = declaredBy.getOrDefault(file, List.of());
        if (declarations.isEmpty()) {
            return List.of();
        }
        List<List<String>> alternatives = new ArrayList<>();
        for (Declaring d : declarations) {
            List<String> all = new ArrayList<>(of(d.parent().file()));
            d.module().cfg().stream().filter(c -> !all.contains(c)).forEach(all::add);
            if (all.isEmpty()) {
                return List.of(); // declared without conditions somewhere: always a module
            }
            if (!alternatives.contains(all)) {
                alternatives.add(all);
            }
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        List<String> each = new ArrayList<>();
        for (List<String> a : alternatives) {
            each.add(a.size() == 1 ? a.get(0) : "all(" + String.join(", ", a) + ")");
        }
        return List.of(dev.unsafehints.parse.CfgAttributes.any(each));
    }

    /**
     * The files a declaration can mean: {@code #[path]} relative to the declaring file's folder,
     * else {@code name.rs} or {@code name/mod.rs} in the folder of the declaring module (a
     * {@code mod.rs}, {@code lib.rs} or {@code main.rs} owns its folder; {@code a.rs} owns {@code a/}),
     * below the inline modules between the file's module and the declared one.
     */
    private static List<Path> filesOf(FileDeclarations parent, FileDeclarations.ChildModule child) {
        Path file = normalized(parent.file());
        Path folder = file.getParent();
        if (folder == null) {
            return List.of();
        }
        List<String> declared = child.modulePath();
        List<String> own = parent.fileModulePath();
        if (declared.isEmpty() || !child.isBelow(own)) {
            return List.of(); // not below the file's module: the index's module paths say otherwise
        }
        List<String> inline = declared.subList(own.size(), declared.size() - 1);
        if (child.pathAttribute() != null) {
            return List.of(child.placedFile(file, own));
        }
        String name = file.getFileName().toString();
        Path moduleFolder = MOD_RS_NAMES.contains(name) || own.isEmpty()
                ? folder : folder.resolve(name.endsWith(".rs") ? name.substring(0, name.length() - 3) : name);
        for (String m : inline) {
            moduleFolder = moduleFolder.resolve(m);
        }
        String last = declared.get(declared.size() - 1);
        return List.of(moduleFolder.resolve(last + ".rs").normalize(), moduleFolder.resolve(last).resolve("mod.rs").normalize());
    }

    private static Path normalized(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
