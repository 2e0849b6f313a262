package dev.unsafehints.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by --version, taken from the jar manifest when there is one. */
public final class VersionProvider implements IVersionProvider {
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"unsafe-hints " + version()};
    }
}
