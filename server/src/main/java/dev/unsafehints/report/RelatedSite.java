package dev.unsafehints.report;

/** A place that explains a site (a declaration, an operation inside a block), in report coordinates. */
public record RelatedSite(String path, Span span, String message) {
}
