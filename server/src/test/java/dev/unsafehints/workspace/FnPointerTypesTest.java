package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustParsing;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `unsafe fn` pointer types: written out, through type aliases of the crate, and as struct fields. */
class FnPointerTypesTest {
    private static final CrateInfo CRATE = new CrateInfo(Path.of("/tmp/fp"), "fp", "0.1.0", Edition.E2021);

    @Test
    void typeTextsAreClassifiedByTheirOwnShape() {
        assertTrue(FnPointerTypes.isUnsafeFnPointerText("unsafe fn(u8) -> u8"));
        assertTrue(FnPointerTypes.isUnsafeFnPointerText("unsafe extern \"C\" fn(*const u8)"));
        assertTrue(FnPointerTypes.isUnsafeFnPointerText("for<'a> unsafe fn(&'a u8)"));
        assertTrue(FnPointerTypes.isUnsafeFnPointerText("(unsafe fn())"));
        assertFalse(FnPointerTypes.isUnsafeFnPointerText("(unsafe fn(), u8)"), "a tuple holding one");
        assertFalse(FnPointerTypes.isUnsafeFnPointerText("Option<unsafe fn()>"));
        assertFalse(FnPointerTypes.isUnsafeFnPointerText("fn(u8) -> u8"));
        assertTrue(FnPointerTypes.isSafeFnPointerText("extern \"C\" fn(u8)"));
        assertFalse(FnPointerTypes.isSafeFnPointerText("unsafe fn(u8)"));
        assertEquals("Hook", FnPointerTypes.aliasCandidate("crate::hooks::Hook"));
        assertNull(FnPointerTypes.aliasCandidate("&Hook"));
        assertNull(FnPointerTypes.aliasCandidate("Vec<Hook>"));
        assertNull(FnPointerTypes.aliasCandidate("u8"));
    }

    @Test
    void aliasesCountOnlyWhenEveryVariantAgrees() {
        FileDeclarations a = read("src/a.rs", """
                pub type Hook = unsafe fn(u8);
                #[cfg(unix)] pub type Mixed = unsafe fn(u8);
                pub struct Holder { hook: Hook, mixed: Mixed, plain: unsafe   extern "C" fn( p :*const u8, n: core::num::NonZeroUsize ) }
                pub struct Wrapped(Hook);
                """);
        FileDeclarations b = read("src/b.rs", "#[cfg(not(unix))] pub type Mixed = fn(u8);\n");
        WorkspaceIndex.CrateDeclarations crate = new WorkspaceIndex.CrateDeclarations(List.of(a, b));
        assertEquals("unsafe fn(u8)", crate.unsafeFnAlias("Hook"));
        assertNull(crate.unsafeFnAlias("Mixed"), "the cfg variants disagree");
        assertEquals(FileDeclarations.FieldKind.UNSAFE_FN, crate.fieldKind("Holder", "hook"));
        assertEquals(FileDeclarations.FieldKind.UNSAFE_FN, crate.fieldKind("Wrapped", "0"));
        assertEquals(FileDeclarations.FieldKind.OTHER, crate.fieldKind("Holder", "mixed"));
        assertNull(crate.unsafeFnField("Holder", "mixed"));
        FnPointerField plain = crate.unsafeFnField("Holder", "plain");
        assertEquals("unsafe extern \"C\" fn(p: *const u8, n: core::num::NonZeroUsize)", plain.typeText(),
                "one canonical spacing");
        assertEquals(2, plain.position().line());
    }

    private static FileDeclarations read(String file, String text) {
        return FileDeclarations.read(CRATE.root().resolve(file), CRATE, text);
    }
}
