package dev.unsafehints.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The file's own macros whose definitions write `unsafe` are signs that a body is worth parsing. */
class MacroSignsTest {
    private static Set<String> of(String text) {
        return MacroSigns.of(new SourceDocument(Path.of("lib.rs"), text, CrateInfo.NONE), WorkspaceIndex.empty());
    }

    @Test
    void definitionsThatWriteUnsafeAreSigns() {
        String text = """
                macro_rules! reads { ($p:expr) => { unsafe { *$p } } }
                macro_rules ! spaced ( () => { unsafe fn g() {} } );
                macro_rules!safe { () => { 1 } }
                pub macro two($x:expr) { unsafe { $x } }
                macro three { () => { unsafe { f() } } }
                my_macro four { unsafe }
                fn macro_user() { unsafe { reads!(p) } }
                """;
        assertEquals(Set.of("reads", "spaced", "two", "three"), of(text));
    }

    @Test
    void aFileWithoutUnsafeOrDefinitionsHasNone() {
        assertEquals(Set.of(), of("macro_rules! m { () => { 1 } }"));
        assertEquals(Set.of(), of("fn f() { unsafe { g() } }"));
        assertEquals(Set.of(), of("macro"));
    }
}
