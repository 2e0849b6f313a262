package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several modules of a crate may each declare a struct of the same name (`imp_std::OnceCell`,
 * `imp_pl::OnceCell`): in a file that declares one, its code means that one.
 */
class SameNamedStructsTest {
    private static final CrateInfo CRATE = new CrateInfo(Path.of("/c"), "c", "0.0.0", Edition.E2021);

    @Test
    void theStructOfThisFileDecidesTheFieldsKind() {
        String pointers = """
                pub struct Cell { value: *mut u32 }
                impl Cell {
                    pub fn get(&self) -> u32 {
                        // SAFETY: `value` points into the cell's own allocation.
                        unsafe { *self.value }
                    }
                }
                """;
        String plain = "pub struct Cell { value: u32 }\n";
        WorkspaceIndex index = WorkspaceIndex.empty();
        Path a = Path.of("/c/src/a.rs");
        Path b = Path.of("/c/src/b.rs");
        index.update(CRATE, FileDeclarations.read(a, CRATE, pointers));
        index.update(CRATE, FileDeclarations.read(b, CRATE, plain));
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(a, pointers, CRATE), AnalysisSettings.DEFAULT,
                index);
        List<Finding> derefs = analysis.findings().stream().filter(f -> f.ruleId().equals("raw-pointer-deref")).toList();
        assertEquals(1, derefs.size(), analysis.findings().toString());
        assertEquals(pointers.indexOf("*self.value"), derefs.get(0).range().start());
    }
}
