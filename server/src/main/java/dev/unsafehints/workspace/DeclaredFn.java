package dev.unsafehints.workspace;

import dev.unsafehints.analysis.TextPosition;
import java.nio.file.Path;
import java.util.List;

/**
 * A function declaration somewhere in the workspace, as call resolution needs it.
 *
 * @param modulePath module path within its crate target (e.g. [memchr, x86, sse2])
 * @param owner      the type or trait of an impl/trait method (last path segment), or null
 * @param isUnsafe   declared unsafe (extern items count as unsafe unless declared `safe`)
 * @param safetyDoc  its "# Safety" section, or empty
 * @param targetFeatures features from #[target_feature(enable = "...")], empty when none
 */
public record DeclaredFn(String name, List<String> modulePath, String owner, boolean isUnsafe, String safetyDoc,
                         List<String> targetFeatures, Path file, TextPosition position) {
    public String displayPath() {
        StringBuilder sb = new StringBuilder();
        for (String m : modulePath) {
            sb.append(m).append("::");
        }
        if (owner != null) {
            sb.append(owner).append("::");
        }
        return sb.append(name).toString();
    }
}
