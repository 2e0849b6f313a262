package dev.unsafehints.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries cfg conditions across files: {@code #[cfg(test)] mod tests;} in {@code src/a.rs} makes
 * every site of {@code src/a/tests.rs} (or {@code src/a/tests/mod.rs}) test-only, and so on down.
 * Works on report paths, which keep the folder structure.
 */
final class ModuleCfg {
    private ModuleCfg() {
    }

    /** {@code known}: paths of files whose sites carry their module's conditions already (left as they are). */
    static List<FileReport> propagate(List<FileReport> files, java.util.Set<String> known) {
        Map<String, Integer> indexByPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            indexByPath.put(files.get(i).path(), i);
        }
        Map<Integer, List<String>> inherited = new HashMap<>();
        // Parents come before their module folders in path order often, but not always: iterate to a fixpoint.
        boolean changed = true;
        for (int round = 0; changed && round < 16; round++) {
            changed = false;
            for (int i = 0; i < files.size(); i++) {
                FileReport parent = files.get(i);
                if (parent.guardedModules().isEmpty() && !inherited.containsKey(i)) {
                    continue;
                }
                List<String> parentCfg = inherited.getOrDefault(i, List.of());
                for (String child : childModules(parent)) {
                    String name = child.substring(child.lastIndexOf('/') + 1).replace(".rs", "");
                    if (child.endsWith("/mod.rs")) {
                        String dir = child.substring(0, child.length() - "/mod.rs".length());
                        name = dir.substring(dir.lastIndexOf('/') + 1);
                    }
                    Integer c = indexByPath.get(child);
                    if (c == null || known.contains(child)) {
                        continue;
                    }
                    List<String> cfg = new ArrayList<>(parentCfg);
                    for (String own : parent.guardedModules().getOrDefault(name, List.of())) {
                        if (!cfg.contains(own)) {
                            cfg.add(own);
                        }
                    }
                    if (!cfg.isEmpty() && !cfg.equals(inherited.get(c))) {
                        inherited.put(c, cfg);
                        changed = true;
                    }
                }
            }
        }
        if (inherited.isEmpty()) {
            return files;
        }
        List<FileReport> result = new ArrayList<>(files);
        inherited.forEach((i, cfg) -> result.set(i, files.get(i).withOuterCfg(cfg)));
        return result;
    }

    /** The files a module's out-of-line children live in: both layouts, for every child module declared. */
    private static List<String> childModules(FileReport parent) {
        String path = parent.path();
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        String file = path.substring(slash + 1);
        String folder = file.equals("mod.rs") || file.equals("lib.rs") || file.equals("main.rs")
                ? dir : dir + file.replace(".rs", "") + "/";
        List<String> result = new ArrayList<>();
        for (String name : parent.guardedModules().keySet()) {
            result.add(folder + name + ".rs");
            result.add(folder + name + "/mod.rs");
        }
        return result;
    }
}
