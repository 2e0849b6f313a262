package dev.unsafehints.workspace;

import dev.unsafehints.grammar.Edition;
import java.nio.file.Path;

/**
 * What a {@code Cargo.toml} says about a crate: its root folder, name, version and edition.
 * A file outside any crate gets {@link #NONE}'s default edition.
 */
public record CrateInfo(Path root, String name, String version, Edition edition) {
    public static final CrateInfo NONE = new CrateInfo(null, "", "", Edition.DEFAULT);

    public String displayName() {
        if (name.isEmpty()) {
            return root == null ? "(no crate)" : root.getFileName().toString();
        }
        return version.isEmpty() ? name : name + " " + version;
    }
}
