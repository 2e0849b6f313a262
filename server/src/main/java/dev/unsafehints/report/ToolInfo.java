package dev.unsafehints.report;

/** The tool that wrote a report. */
public record ToolInfo(String name, String version, String informationUri) {
    public static final String NAME = "unsafe-hints";
    public static final String INFORMATION_URI = "https://github.com/unsafe-hints/unsafe-hints";

    public static ToolInfo of(String version) {
        return new ToolInfo(NAME, version, INFORMATION_URI);
    }
}
