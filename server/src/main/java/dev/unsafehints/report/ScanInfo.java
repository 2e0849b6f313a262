package dev.unsafehints.report;

import java.util.List;

/**
 * How the scan was run.
 *
 * @param roots        the paths given on the command line, as given
 * @param baseUri      the absolute {@code file:} URI (ending in {@code /}) that report paths are relative to
 * @param automationId SARIF {@code automationDetails.id}
 * @param internalErrors true when the analysis itself failed on some file (a bug worth reporting)
 * @param standardLibrary where the standard library's unsafe functions were known from
 */
public record ScanInfo(List<String> roots, String baseUri, String automationId, boolean internalErrors,
                       StandardLibrary standardLibrary) {
    public ScanInfo {
        roots = List.copyOf(roots);
    }

    public ScanInfo(List<String> roots, String baseUri, String automationId, boolean internalErrors) {
        this(roots, baseUri, automationId, internalErrors, StandardLibrary.BUILT_IN);
    }

    /**
     * The standard library as the scan knew it: from its sources at {@code path} (found through
     * {@code origin}), or, when {@code path} is null, from the built-in list ({@code origin} says why).
     */
    public record StandardLibrary(String path, String origin) {
        public static final StandardLibrary BUILT_IN = new StandardLibrary(null, "not looked for");

        public boolean fromSources() {
            return path != null;
        }
    }
}
