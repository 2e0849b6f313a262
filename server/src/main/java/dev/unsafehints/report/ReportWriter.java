package dev.unsafehints.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link ReportModel} in one format. Writers stream: they never build the whole output in memory. */
public interface ReportWriter {
    void write(ReportModel model, Writer out) throws IOException;
}
