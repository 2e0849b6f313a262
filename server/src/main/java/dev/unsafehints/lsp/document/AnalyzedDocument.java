package dev.unsafehints.lsp.document;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.text.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis of one document version, with the settings it was made under and their generation
 * (read when the analysis started, which may be later than when the version was submitted).
 */
public record AnalyzedDocument(Snapshot snapshot, FileAnalysis analysis, AnalysisSettings settings,
                               long settingsGeneration) {
    public String uri() {
        return snapshot.uri();
    }

    public int version() {
        return snapshot.version();
    }

    public SourceText source() {
        return analysis.source();
    }

    public List<Finding> findings() {
        return analysis.findings();
    }

    /** Findings whose range holds the offset; a finding ending right at the offset counts too (cursor after a word). */
    public List<Finding> findingsAt(int offset) {
        List<Finding> inside = new ArrayList<>();
        List<Finding> touching = new ArrayList<>();
        for (Finding f : findings()) {
            if (f.range().contains(offset)) {
                inside.add(f);
            } else if (f.range().end() == offset || (f.range().length() == 0 && f.range().start() == offset)) {
                touching.add(f);
            }
        }
        return inside.isEmpty() ? touching : inside;
    }
}
