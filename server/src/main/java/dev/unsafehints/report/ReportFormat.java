package dev.unsafehints.report;

/** The formats of {@code scan --format}. */
public enum ReportFormat {
    TEXT, JSON, SARIF, MARKDOWN, HTML
}
