package dev.unsafehints.rules.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule words what the walk found: a borrow of a `static mut` (with its `&raw` fix) or a method that takes one. */
class StaticMutRefRuleTest {
    private static List<Finding> findings(String text, Edition edition) {
        return new Analyzer().analyze(new SourceDocument(Path.of("t.rs"), text, new CrateInfo(null, "t", "0.0.0", edition)),
                AnalysisSettings.DEFAULT, WorkspaceIndex.empty()).findings().stream()
                .filter(f -> f.ruleId().equals(StaticMutRefRule.ID)).toList();
    }

    @Test
    void aBorrowIsReportedWithItsRawPointerFixAndAMethodWithoutOne() {
        String text = String.join("\n",
                "static mut V: Vec<u8> = Vec::new();",
                "static mut N: u32 = 0;",
                "fn f() -> u32 {",
                "    unsafe { V.push(1); *&mut N + *&N }",
                "}",
                "");
        List<Finding> found = findings(text, Edition.E2021);
        assertEquals(List.of(
                "`.push()` takes a reference to mutable static `V`: any other access while it lives is undefined"
                        + " behaviour (denied in edition 2024)",
                "reference to mutable static `N`: any other access while it lives is undefined behaviour (denied in"
                        + " edition 2024)",
                "reference to mutable static `N`: any other access while it lives is undefined behaviour (denied in"
                        + " edition 2024)"), found.stream().map(Finding::message).toList());
        assertEquals(List.of(), found.get(0).fixes());
        assertEquals("Take a raw pointer instead (`&raw mut`)", found.get(1).fixes().get(0).title());
        TextEdit edit = found.get(1).fixes().get(0).edits().get(0);
        assertEquals("&mut ", text.substring(edit.range().start(), edit.range().end()));
        assertEquals("&raw mut ", edit.newText());
        assertEquals("Take a raw pointer instead (`&raw const`)", found.get(2).fixes().get(0).title());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals(Severity.ERROR, findings(text, Edition.E2024).get(0).severity(), "rustc denies it in 2024");
    }
}
