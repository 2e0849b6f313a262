package dev.unsafehints.report;

import java.util.List;

/**
 * How the scan was run.
 *
 * @param roots        the paths given on the command line, as given
 * @param baseUri      the absolute {@code file:} URI (ending in {@code /}) that report paths are relative to
 * @param automationId SARIF {@code automationDetails.id}
 * @param internalErrors true when the analysis itself failed on some file (a bug worth reporting)
 */
public record ScanInfo(List<String> roots, String baseUri, String automationId, boolean internalErrors) {
    public ScanInfo {
        roots = List.copyOf(roots);
    }
}
