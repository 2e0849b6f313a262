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
 * `imp_pl::OnceCell`): in a file that declares one, its code means that one, with its fields and the
 * associated types of its impls.
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
    @Test
    void theImplsOfThisFilesStructSayWhatItsAssociatedTypeIs() {
        // rkyv declares a `RawIter` in three modules, each with its own `Iterator` impl
        String pointers = """
                pub struct RawIter { at: *const u32 }
                impl Iterator for RawIter {
                    type Item = *const u32;
                    fn next(&mut self) -> Option<Self::Item> {
                        Some(self.at)
                    }
                }
                pub struct Iter { inner: RawIter }
                impl Iterator for Iter {
                    type Item = u32;
                    fn next(&mut self) -> Option<u32> {
                        // SAFETY: `at` points to a live u32.
                        self.inner.next().map(|x| unsafe { *x })
                    }
                }
                """;
        String references = """
                pub struct RawIter { at: &'static u32 }
                impl Iterator for RawIter {
                    type Item = &'static u32;
                    fn next(&mut self) -> Option<Self::Item> {
                        Some(self.at)
                    }
                }
                pub struct Iter { inner: RawIter }
                impl Iterator for Iter {
                    type Item = u32;
                    fn next(&mut self) -> Option<u32> {
                        let none: *const u32 = std::ptr::null();
                        let _ = none;
                        self.inner.next().map(|x| *x)
                    }
                }
                """;
        WorkspaceIndex index = WorkspaceIndex.empty();
        Path a = Path.of("/c/src/a.rs");
        Path b = Path.of("/c/src/b.rs");
        index.update(CRATE, FileDeclarations.read(a, CRATE, pointers));
        index.update(CRATE, FileDeclarations.read(b, CRATE, references));
        FileAnalysis inA = new Analyzer().analyze(new SourceDocument(a, pointers, CRATE), AnalysisSettings.DEFAULT, index);
        List<Finding> derefs = inA.findings().stream().filter(f -> f.ruleId().equals("raw-pointer-deref")).toList();
        assertEquals(1, derefs.size(), inA.findings().toString());
        assertEquals(pointers.indexOf("*x"), derefs.get(0).range().start());
        FileAnalysis inB = new Analyzer().analyze(new SourceDocument(b, references, CRATE), AnalysisSettings.DEFAULT, index);
        assertEquals(List.of(), inB.findings().stream().filter(f -> f.ruleId().equals("raw-pointer-deref")).toList());
    }
}
