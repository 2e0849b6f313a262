package dev.unsafehints.report;

import java.io.IOException;
import java.io.Writer;

/** Placeholder, replaced below. */
public final class HtmlReportWriter implements ReportWriter {
    @Override
    public void write(ReportModel model, Writer out) throws IOException {
        out.write("<!doctype html><title>unsafe-hints</title>");
    }
}
