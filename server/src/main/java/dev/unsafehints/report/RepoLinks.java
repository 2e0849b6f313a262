package dev.unsafehints.report;

/**
 * How a report links a location to the file and line in the repository's web view:
 * {@code blobBase + prefix + path + "#L" + line}, e.g.
 * {@code https://github.com/o/r/blob/<commit>/} + {@code crates/foo/} + {@code src/lib.rs#L3}.
 * {@code prefix} is the scanned folder's path inside the repository ("" at its root, else ending
 * with {@code /}).
 */
public record RepoLinks(String blobBase, String prefix) {
    public RepoLinks {
        blobBase = blobBase.endsWith("/") ? blobBase : blobBase + "/";
        prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The link to a line of a file given relative to the scanned folder. */
    public String line(String path, int line) {
        return blobBase + encode(prefix + path.replace('\\', '/')) + "#L" + line;
    }

    private static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return sb.toString();
    }
}
