package dev.unsafehints.cli;

import dev.unsafehints.version.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** The version printed by --version. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"unsafe-hints " + ToolVersion.version()};
    }
}
