package dev.unsafehints.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Found by the standard-library benchmark: in a crate named like one of its functions (the
 * {@code alloc} crate's {@code alloc()}, {@code memchr}'s {@code memchr()}), a call of that function
 * resolved to the bare path {@code crate} and the analysis of the file failed (exit code 3 for the
 * whole scan).
 */
class CrateNamedCallTest {
    @Test
    void aCallOfTheCratesNamesakeIsAnalysed() {
        Path root = Path.of("/robustness/alloc");
        CrateInfo crate = new CrateInfo(root, "alloc", "0.0.0", Edition.E2021);
        String text = "pub unsafe fn alloc(n: usize) -> *mut u8 { core::ptr::null_mut() }\n"
                + "pub fn f() -> *mut u8 {\n    unsafe { alloc(1) }\n}\n";
        FileAnalysis a = FilePipeline.ANALYZER.analyze(new SourceDocument(root.resolve("src/lib.rs"), text, crate),
                AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
        FilePipeline.check(a, text);
        assertTrue(a.findings().stream().anyMatch(f -> f.ruleId().equals("unsafe-block")), a.findings().toString());
    }
}
