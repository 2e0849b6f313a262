package dev.unsafehints.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the item fingerprint keeps (code, item path, contracts) and what it ignores (layout, comments, lines). */
class ItemFingerprintTest {
    private static final CrateInfo CRATE = new CrateInfo(null, "t", "0.0.0", Edition.E2021);

    private static List<FileSites.Site> sites(String text) {
        return FileSites.analyze("t.rs", Path.of("t.rs"), text, CRATE, WorkspaceIndex.empty(), AnalysisSettings.DEFAULT)
                .sites;
    }

    private static String fingerprint(String text) {
        List<FileSites.Site> sites = sites(text);
        assertEquals(1, sites.size(), sites.toString());
        return sites.get(0).fingerprint.hash();
    }

    private static final String READ = "fn read(p: *const u8) -> u8 {\n    // SAFETY: p is valid\n    unsafe { *p }\n}\n";

    @Test
    void whitespaceCommentsAndPositionDoNotCount() {
        String base = fingerprint(READ);
        assertEquals(base, fingerprint("fn read(p:*const u8)->u8{unsafe{*p}}"));
        assertEquals(base, fingerprint("// a file comment\n\n\nfn read(p: *const u8) -> u8 {\n"
                + "    /* SAFETY: the caller passes a valid pointer */\n    unsafe { *p }\n}\n"));
        assertEquals(base, fingerprint("fn other() {}\n\n" + READ));
    }

    @Test
    void anyCodeChangeInTheItemCounts() {
        String base = fingerprint(READ);
        assertNotEquals(base, fingerprint(READ.replace("-> u8 {", "-> u8 {\n    let _ = 1;")));
        assertNotEquals(base, fingerprint(READ.replace("*const u8", "*mut u8")));
        assertNotEquals(base, fingerprint("#[inline]\n" + READ), "attributes are part of the item");
    }

    @Test
    void theItemPathCounts() {
        String base = fingerprint(READ);
        assertNotEquals(base, fingerprint(READ.replace("fn read", "fn load")));
        assertNotEquals(base, fingerprint("mod inner {\n" + READ + "}\n"));
        FileSites.Site s = sites("struct S;\nimpl S {\n    " + READ.replace("\n", "\n    ") + "}\n").get(0);
        assertEquals("impl S::fn read", s.fingerprint.itemPath());
        assertEquals("S::read:unsafe-block#1", s.siteId);
    }

    @Test
    void theSafetySectionOfAnUnsafeFnIsPartOfItsContract() {
        String fn = "/// Reads.\n///\n/// # Safety\n///\n/// `p` must be valid.\npub unsafe fn read(p: *const u8) -> u8 { *p }\n";
        String base = fingerprint(fn);
        assertEquals(base, fingerprint(fn.replace("/// Reads.", "/// Reads one byte.")), "other doc text does not count");
        assertNotEquals(base, fingerprint(fn.replace("must be valid", "must be valid and aligned")));
    }

    @Test
    void anUnsafeImplCoversTheDefinitionOfItsType() {
        String code = "struct H {\n    raw: *mut u8,\n}\n\nunsafe impl Send for H {}\n";
        String base = fingerprint(code);
        assertNotEquals(base, fingerprint(code.replace("raw: *mut u8,", "raw: *mut u8,\n    rc: std::rc::Rc<u8>,")));
    }

    @Test
    void theFinderGivesTheSameFingerprintForAnyOffsetInTheSite() {
        String text = "struct S;\nimpl S {\n    unsafe fn f(p: *const u8) -> u8 { unsafe { *p } }\n}\n";
        FileSites fs = FileSites.analyze("t.rs", Path.of("t.rs"), text, CRATE, WorkspaceIndex.empty(),
                AnalysisSettings.DEFAULT);
        ItemFingerprint.Finder finder = new ItemFingerprint.Finder(fs.model);
        ItemFingerprint block = finder.forSite("unsafe-block", text.indexOf("*p"));
        assertEquals("impl S::fn f", block.itemPath());
        assertEquals(fs.sites.get(0).fingerprint, block);
        assertEquals(block, finder.forSite("unsafe-fn", text.indexOf("unsafe fn")));
        assertEquals("impl S", finder.forSite("unsafe-impl", text.indexOf("impl S")).itemPath());
        assertEquals(null, finder.forSite("unsafe-block", text.length()), "outside any item");
    }

    @Test
    void sitesOfOneItemAreNumberedByKind() {
        List<FileSites.Site> sites = sites("pub unsafe fn two(p: *mut u8) {\n    unsafe { *p = 1 };\n    unsafe { *p = 2 };\n}\n");
        assertEquals(List.of("two:unsafe-fn#1", "two:unsafe-block#1", "two:unsafe-block#2"),
                sites.stream().map(s -> s.siteId).toList());
        assertEquals(List.of(1, 1, 2), sites.stream().map(s -> s.ordinal).toList());
        assertTrue(sites.stream().allMatch(s -> s.fingerprint.equals(sites.get(0).fingerprint)));
        assertEquals(3, sites.stream().map(FileSites.Site::siteHash).distinct().count());
    }
}
