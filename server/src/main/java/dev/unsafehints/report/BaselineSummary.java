package dev.unsafehints.report;

/**
 * The comparison with an earlier report: how many sites are new (or changed), unchanged, and gone.
 *
 * @param file the baseline file as given on the command line
 */
public record BaselineSummary(String file, int newSites, int unchangedSites, int fixedSites) {
}
