package dev.unsafehints.version;

/** The version of Unsafe Hints, taken from the jar manifest when there is one. */
public final class ToolVersion {
    private ToolVersion() {
    }

    public static String version() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
