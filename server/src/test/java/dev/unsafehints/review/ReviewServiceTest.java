package dev.unsafehints.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.review.ChecklistItem.Mark;
import dev.unsafehints.review.ReviewedSite.Change;
import dev.unsafehints.review.ReviewedSite.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review mode on real git repositories built with JGit: commits that add, move, change and remove
 * unsafe code and the safe code around it, and what the review reports for each.
 */
class ReviewServiceTest {
    static final String LIB = String.join("\n",
            "//! A tiny buffer.",
            "use std::ptr;",
            "",
            "pub struct RawBuf {",
            "    ptr: *mut u8,",
            "    len: usize,",
            "}",
            "",
            "impl RawBuf {",
            "    pub fn new(v: &mut Vec<u8>) -> RawBuf {",
            "        RawBuf { ptr: v.as_mut_ptr(), len: v.len() }",
            "    }",
            "",
            "    pub fn first(&self) -> Option<u8> {",
            "        if self.len == 0 {",
            "            return None;",
            "        }",
            "        // SAFETY: `ptr` is non-null and points to `len` > 0 initialized bytes.",
            "        Some(unsafe { *self.ptr })",
            "    }",
            "",
            "    /// Writes `value` at `index` without a bounds check.",
            "    ///",
            "    /// # Safety",
            "    ///",
            "    /// `index` must be less than `len`.",
            "    pub unsafe fn set_unchecked(&mut self, index: usize, value: u8) {",
            "        // SAFETY: the caller guarantees `index < len`.",
            "        unsafe { ptr::write(self.ptr.add(index), value) };",
            "    }",
            "}",
            "",
            "pub fn sum(values: &[u8]) -> u32 {",
            "    values.iter().map(|&v| v as u32).sum()",
            "}",
            "");

    @TempDir
    Path dir;
    GitFixture repo;
    final ReviewService service = new ReviewService();

    @BeforeEach
    void baseCommit() throws Exception {
        repo = GitFixture.init(dir);
        repo.write("src/lib.rs", LIB).write(".gitignore", "target/\n");
        repo.commit("base");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private ReviewReport review() throws ReviewException {
        return service.review(ReviewRequest.of(repo.root, null));
    }

    private static ReviewedSite only(ReviewReport report) {
        assertEquals(1, report.sites().size(), () -> "sites: " + ids(report.sites()));
        return report.sites().get(0);
    }

    private static String ids(List<ReviewedSite> sites) {
        return sites.stream().map(s -> s.siteId() + " " + s.change() + " " + s.status()).collect(Collectors.joining(", "));
    }

    private static List<String> texts(ReviewedSite s, Mark mark) {
        return s.checklist().stream().filter(i -> i.mark() == mark).map(ChecklistItem::text).toList();
    }

    @Test
    void nothingChangedMeansNothingToReview() throws Exception {
        ReviewReport report = review();
        assertTrue(report.sites().isEmpty());
        assertEquals(0, report.filesChanged());
        assertEquals("merge base of HEAD and main", report.base());
    }

    @Test
    void aNewUnsafeBlockIsReportedAtItsExactPositionWithItsObligations() throws Exception {
        String last = "    pub fn last(&self) -> Option<u8> {\n"
                + "        if self.len == 0 { return None; }\n"
                + "        Some(unsafe { *self.ptr.add(self.len - 1) })\n"
                + "    }\n";
        repo.replace("src/lib.rs", "    pub fn first(", last + "\n    pub fn first(");
        ReviewedSite s = only(review());
        assertEquals("unsafe-block", s.kind());
        assertEquals(Change.ADDED, s.change());
        assertEquals(Status.UNREVIEWED, s.status());
        assertEquals("impl RawBuf::fn last", s.itemPath());
        assertEquals("src/lib.rs:RawBuf::last:unsafe-block#1", s.siteId());
        String text = repo.read("src/lib.rs");
        int offset = text.indexOf("unsafe { *self.ptr.add");
        assertEquals(offset, s.range().start());
        assertEquals(15, s.start().line(), "0-based line of the block");
        assertEquals(13, s.start().column());
        assertEquals("16:14", s.position());
        assertTrue(texts(s, Mark.GAP).stream().anyMatch(t -> t.startsWith("No `// SAFETY:` comment")));
        List<String> argue = texts(s, Mark.ARGUE);
        assertTrue(argue.contains("The result stays inside the same allocation (or one byte past its end)."), argue::toString);
        assertTrue(argue.contains("`self.ptr.add(self.len - 1)` is not null."), argue::toString);
        assertTrue(argue.stream().anyMatch(t -> t.startsWith("`fn last` is safe")), argue::toString);
    }

    @Test
    void editingTheSafeCodeAroundABlockMarksTheBlockChanged() throws Exception {
        repo.replace("src/lib.rs", "if self.len == 0 {", "if self.len < 1 {");
        ReviewedSite s = only(review());
        assertEquals("src/lib.rs:RawBuf::first:unsafe-block#1", s.siteId());
        assertEquals(Change.CHANGED, s.change());
        assertTrue(s.checklist().stream().anyMatch(i -> i.mark() == Mark.OK && i.quote().get(0).startsWith("SAFETY:")));
    }

    @Test
    void reformattingAndEditingCommentsChangesNoSite() throws Exception {
        String reformatted = LIB.replace("    ", "\t").replace("{\n", "{\n\n")
                .replace("// SAFETY: the caller guarantees `index < len`.", "// SAFETY: callers promise index < len")
                .replace("//! A tiny buffer.", "//! A tiny byte buffer.");
        repo.write("src/lib.rs", reformatted);
        ReviewReport report = review();
        assertEquals(1, report.filesChanged());
        assertTrue(report.sites().isEmpty(), () -> ids(report.sites()));
        assertTrue(report.removed().isEmpty());
    }

    @Test
    void movingItemsWithinTheirModuleChangesNoSite() throws Exception {
        String first = LIB.substring(LIB.indexOf("    pub fn first("), LIB.indexOf("    /// Writes"));
        String sum = LIB.substring(LIB.indexOf("pub fn sum("));
        String moved = LIB.replace(first, "").replace(sum, "")
                .replace("use std::ptr;\n", "use std::ptr;\n\n" + sum)
                .replace("        unsafe { ptr::write(self.ptr.add(index), value) };\n    }\n",
                        "        unsafe { ptr::write(self.ptr.add(index), value) };\n    }\n\n" + first);
        repo.write("src/lib.rs", moved);
        ReviewReport report = review();
        assertTrue(report.sites().isEmpty(), () -> ids(report.sites()));
        assertTrue(report.removed().isEmpty());
    }

    @Test
    void movingABlockToAnotherFnReportsItThereAndTheOldOneAsRemoved() throws Exception {
        repo.write("src/slices.rs", String.join("\n",
                "pub fn head(v: &[u32]) -> u32 {",
                "    assert!(!v.is_empty());",
                "    // SAFETY: the slice is not empty.",
                "    unsafe { *v.get_unchecked(0) }",
                "}",
                "",
                "pub fn tail(v: &[u32]) -> u32 {",
                "    v[v.len() - 1]",
                "}",
                ""));
        repo.commit("slices");
        repo.write("src/slices.rs", String.join("\n",
                "pub fn head(v: &[u32]) -> u32 {",
                "    v[0]",
                "}",
                "",
                "pub fn tail(v: &[u32]) -> u32 {",
                "    assert!(!v.is_empty());",
                "    // SAFETY: the slice is not empty.",
                "    unsafe { *v.get_unchecked(v.len() - 1) }",
                "}",
                ""));
        ReviewReport report = service.review(ReviewRequest.of(repo.root, "HEAD"));
        ReviewedSite s = only(report);
        assertEquals("slices::fn tail", s.itemPath());
        assertEquals(Change.CHANGED, s.change(), "fn tail existed before");
        assertEquals(1, report.removed().size());
        assertEquals("slices::fn head", report.removed().get(0).itemPath());
        assertEquals(3, report.removed().get(0).start().line());
        List<String> gaps = texts(s, Mark.GAP);
        assertTrue(gaps.contains("The index (or range) is in bounds; out of bounds is undefined behaviour even if the"
                + " result is never used. (The SAFETY comment does not mention bounds.)"), gaps::toString);
    }

    @Test
    void theQuotedSafetyCommentIsTheOneTheAnalysisAccepts() throws Exception {
        // above the `let` of a closure whose body is the block: the rules count it (as clippy does),
        // and the checklist quotes it (its own lookup used to stop at the closure and quote nothing)
        repo.write("src/closure.rs", String.join("\n",
                "pub fn first(p: *const u8) -> u8 {",
                "    // SAFETY: the caller's pointer is valid for reads.",
                "    let read = || unsafe { *p };",
                "    read()",
                "}",
                ""));
        ReviewedSite s = only(review());
        assertTrue(s.checklist().stream().anyMatch(i -> i.mark() == Mark.OK && !i.quote().isEmpty()
                && i.quote().get(0).equals("SAFETY: the caller's pointer is valid for reads.")),
                () -> s.checklist().toString());
    }

    @Test
    void aFileMovedWithoutChangingItsModulePathChangesNoSite() throws Exception {
        String raw = "pub unsafe fn get(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        repo.write("src/raw.rs", raw);
        repo.commit("raw");
        repo.delete("src/raw.rs");
        repo.write("src/raw/mod.rs", raw);
        ReviewReport report = service.review(ReviewRequest.of(repo.root, "HEAD"));
        assertEquals(2, report.filesChanged());
        assertTrue(report.sites().isEmpty(), () -> ids(report.sites()));
        assertTrue(report.removed().isEmpty());
    }

    @Test
    void aDeletedFileListsItsSitesAsRemoved() throws Exception {
        repo.delete("src/lib.rs");
        ReviewReport report = review();
        assertTrue(report.sites().isEmpty());
        assertEquals(List.of("unsafe-block", "unsafe-fn", "unsafe-block"),
                report.removed().stream().map(ReviewReport.RemovedSite::kind).toList());
    }

    @Test
    void theDefaultBaseIsTheMergeBaseWithMain() throws Exception {
        repo.branch("feature");
        repo.replace("src/lib.rs", "pub fn sum(", "pub unsafe fn zero(p: *mut u8) {\n    unsafe { *p = 0 };\n}\n\npub fn sum(");
        repo.commit("feature: zero");
        repo.checkout("main");
        repo.write("src/other.rs", "pub fn peek(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        repo.commit("main moves on");
        repo.checkout("feature");
        repo.write("src/wip.rs", "pub static mut HITS: u32 = 0;\n");
        ReviewReport report = review();
        assertEquals(List.of("src/lib.rs:zero:unsafe-fn#1", "src/lib.rs:zero:unsafe-block#1", "src/wip.rs:HITS:static-mut#1"),
                report.sites().stream().map(ReviewedSite::siteId).toList(),
                "main's later commit is not part of the change; the uncommitted file is");
        ReviewedSite fn = report.sites().get(0);
        assertTrue(texts(fn, Mark.GAP).stream().anyMatch(t -> t.contains("has no `# Safety` section")));
    }

    @Test
    void originHeadDecidesTheDefaultBranchWhenItIsSet() throws Exception {
        RevCommit base;
        try (Repository r = repo.git.getRepository()) {
            base = repo.git.log().setMaxCount(1).call().iterator().next();
            RefUpdate trunk = r.updateRef("refs/remotes/origin/trunk");
            trunk.setNewObjectId(base);
            trunk.update();
            r.updateRef("refs/remotes/origin/HEAD").link("refs/remotes/origin/trunk");
        }
        repo.write("src/more.rs", "pub unsafe trait Zeroable {}\n");
        repo.commit("more on main");
        ReviewReport report = review();
        assertEquals("merge base of HEAD and origin/trunk", report.base());
        ReviewedSite s = only(report);
        assertEquals("unsafe-trait", s.kind());
        assertTrue(texts(s, Mark.GAP).stream().anyMatch(t -> t.contains("no `# Safety` section")));
    }

    @Test
    void untrackedFilesAreReviewedButIgnoredOnesAreNot() throws Exception {
        repo.write("src/fresh.rs", "extern \"C\" {\n    fn abs(x: i32) -> i32;\n}\n");
        repo.write("target/debug/build/gen.rs", "static mut X: u8 = 0;\n");
        ReviewReport report = review();
        ReviewedSite s = only(report);
        assertEquals("src/fresh.rs", s.file());
        assertEquals("extern-block", s.kind());
        assertEquals(Change.ADDED, s.change());
    }

    @Test
    void anUnsafeImplChangesWhenItsTypeGainsAField() throws Exception {
        repo.write("src/handle.rs", String.join("\n",
                "pub struct Handle {",
                "    raw: *mut u8,",
                "}",
                "",
                "// SAFETY: `raw` is owned by the handle and only touched through `&mut self`.",
                "unsafe impl Send for Handle {}",
                "",
                "pub struct Wrapper<T>(T);",
                ""));
        repo.commit("handle");
        repo.replace("src/handle.rs", "    raw: *mut u8,\n", "    raw: *mut u8,\n    shared: std::rc::Rc<u32>,\n");
        repo.replace("src/handle.rs", "pub struct Wrapper<T>(T);", "pub struct Wrapper<T>(T);\n\nunsafe impl<T> Sync for Wrapper<T> {}");
        ReviewReport report = service.review(ReviewRequest.of(repo.root, "HEAD"));
        assertEquals(2, report.sites().size(), () -> ids(report.sites()));
        ReviewedSite send = report.sites().get(0);
        assertEquals("src/handle.rs:impl-Send-for-Handle:unsafe-impl#1", send.siteId());
        assertEquals(Change.CHANGED, send.change());
        ChecklistItem fields = send.checklist().stream().filter(i -> i.text().startsWith("The fields of")).findFirst()
                .orElseThrow();
        assertEquals(List.of("raw: *mut u8", "shared: std::rc::Rc<u32>"), fields.quote());
        ReviewedSite sync = report.sites().get(1);
        assertEquals(Change.ADDED, sync.change());
        assertTrue(texts(sync, Mark.GAP).stream().anyMatch(t -> t.contains("no `Sync` bound")), () -> texts(sync, Mark.GAP).toString());
        assertTrue(texts(sync, Mark.GAP).stream().anyMatch(t -> t.startsWith("No `// SAFETY:` comment above the impl")));
    }

    @Test
    void theCalleesSafetySectionIsQuotedAndUnmentionedObligationsAreFlagged() throws Exception {
        repo.write("src/raw.rs", String.join("\n",
                "/// Reads a byte.",
                "///",
                "/// # Safety",
                "///",
                "/// `p` must be non-null and aligned, and point to an initialized byte.",
                "pub unsafe fn read_byte(p: *const u8) -> u8 {",
                "    // SAFETY: forwarded to the caller.",
                "    unsafe { *p }",
                "}",
                ""));
        repo.replace("src/lib.rs", "use std::ptr;\n", "use std::ptr;\n\nmod raw;\n");
        repo.commit("raw");
        repo.replace("src/lib.rs", "pub fn sum(", "pub fn peek(b: &RawBuf) -> u8 {\n"
                + "    // SAFETY: `b.ptr` is non-null.\n"
                + "    unsafe { raw::read_byte(b.ptr) }\n}\n\npub fn sum(");
        ReviewedSite s = only(service.review(ReviewRequest.of(repo.root, "HEAD")));
        ChecklistItem quote = s.checklist().stream().filter(i -> i.text().equals("The callee's `# Safety` section:"))
                .findFirst().orElseThrow();
        assertEquals(List.of("`p` must be non-null and aligned, and point to an initialized byte."), quote.quote());
        assertTrue(texts(s, Mark.ARGUE).contains("Non-null, as the `# Safety` section of `raw::read_byte` requires."));
        List<String> gaps = texts(s, Mark.GAP);
        assertTrue(gaps.contains("Aligned, as the `# Safety` section of `raw::read_byte` requires. (The SAFETY comment"
                + " does not mention alignment.)"), gaps::toString);
        assertTrue(gaps.stream().anyMatch(t -> t.startsWith("Initialized,")), gaps::toString);
    }

    @Test
    void aBlockWithSafeStatementsCouldBeSmaller() throws Exception {
        repo.replace("src/lib.rs", "pub fn sum(", String.join("\n",
                "pub fn fill(b: &mut RawBuf, value: u8) {",
                "    let n = b.len;",
                "    // SAFETY: every index below `len` is in bounds, aligned (u8), non-null, initialized, and `&mut b`",
                "    // is exclusive, so nothing else aliases it while it lives.",
                "    unsafe {",
                "        let count = n * 1;",
                "        ptr::write_bytes(b.ptr, value, count);",
                "        println!(\"filled {}\", count);",
                "    }",
                "}",
                "",
                "pub fn sum("));
        ReviewedSite s = only(review());
        List<String> gaps = texts(s, Mark.GAP);
        assertTrue(gaps.contains("2 of the block's 3 statements hold no unsafe operation (lines 38 and 40): move them"
                + " out so the block holds only what needs `unsafe` (minimize)."), gaps::toString);
        // the comment covers alignment, bounds and aliasing; it says nothing on what the bytes mean as values
        assertEquals(List.of("The written bytes form valid values of `T` before they are read as `T`. (The SAFETY"
                + " comment does not mention the validity of the value.)"),
                gaps.stream().filter(t -> t.contains("does not mention")).toList());
    }

    @Test
    void onlyFilesUnderThePathAreReviewed() throws Exception {
        repo.write("src/a/inner.rs", "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        repo.write("src/b.rs", "pub fn g(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        ReviewReport report = service.review(ReviewRequest.of(repo.root.resolve("src/a"), null));
        assertEquals("src/a/inner.rs", only(report).file());
        assertEquals("a::inner::fn f", only(report).itemPath());
    }

    @Test
    void theLedgerRecordsApprovalsAndReportsThemStaleWhenTheItemChanges() throws Exception {
        repo.replace("src/lib.rs", "if self.len == 0 {", "if self.len < 1 {");
        ReviewedSite s = only(review());
        List<Approval> made = service.approve(ReviewRequest.of(repo.root, null), List.of(s.siteId()), "Ana",
                "len >= 1 is checked above, so ptr points to an initialized byte");
        assertEquals(1, made.size());
        Path ledger = repo.root.resolve(ReviewLedger.DEFAULT_FILE);
        String toml = Files.readString(ledger);
        assertTrue(toml.contains("site = \"src/lib.rs:RawBuf::first:unsafe-block#1\""), toml);
        assertTrue(toml.contains("fingerprint = \"" + s.itemFingerprint() + "\""), toml);
        assertTrue(toml.contains("by = \"Ana\""), toml);

        ReviewedSite approved = only(review());
        assertEquals(Status.REVIEWED, approved.status());
        assertEquals("Ana", approved.approval().by());
        assertEquals(0, review().needingReview());

        repo.replace("src/lib.rs", "return None;", "return Some(0);");
        ReviewedSite stale = only(review());
        assertEquals(Status.STALE, stale.status());
        assertEquals("Ana", stale.approval().by(), "the earlier approval is shown with the stale site");

        repo.commit("everything, ledger included");
        ReviewReport sinceHead = service.review(ReviewRequest.of(repo.root, "HEAD"));
        ReviewedSite outside = only(sinceHead);
        assertEquals(Change.UNCHANGED, outside.change(), "stale although this change does not touch it");
        assertEquals(Status.STALE, outside.status());

        repo.write("src/lib.rs", LIB.substring(0, LIB.indexOf("    pub fn first(")) + "}\n");
        ReviewReport gone = service.review(ReviewRequest.of(repo.root, "HEAD"));
        assertEquals(1, gone.obsoleteApprovals().size());
        assertEquals("src/lib.rs:RawBuf::first:unsafe-block#1", gone.obsoleteApprovals().get(0).site());
    }

    @Test
    void approvalsTakeAHashPrefixAndRejectUnknownOrAmbiguousSites() throws Exception {
        repo.replace("src/lib.rs", "pub fn sum(", "pub fn peek(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n\npub fn sum(");
        ReviewedSite s = only(review());
        ReviewRequest request = ReviewRequest.of(repo.root, null);
        service.approve(request, List.of(s.siteHash().substring(0, 6)), "Bo", "callers pass valid pointers");
        assertEquals(Status.REVIEWED, only(review()).status());
        ReviewException unknown = assertThrows(ReviewException.class,
                () -> service.approve(request, List.of("src/lib.rs:nope:unsafe-block#1"), "Bo", "x"));
        assertEquals(ReviewException.Kind.USAGE, unknown.kind());
        ReviewException noNote = assertThrows(ReviewException.class,
                () -> service.approve(request, List.of(s.siteId()), "Bo", " "));
        assertEquals(ReviewException.Kind.USAGE, noNote.kind());
    }

    @Test
    void badInputIsAUsageErrorAndAnUnreadableLedgerAnIoError() throws Exception {
        Path plain = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-plain"));
        assertEquals(ReviewException.Kind.USAGE,
                assertThrows(ReviewException.class, () -> service.review(ReviewRequest.of(plain, null))).kind());
        assertEquals(ReviewException.Kind.USAGE, assertThrows(ReviewException.class,
                () -> service.review(ReviewRequest.of(repo.root, "no-such-branch"))).kind());
        repo.write(ReviewLedger.DEFAULT_FILE, "version = 99\n");
        assertEquals(ReviewException.Kind.USAGE, assertThrows(ReviewException.class, this::review).kind());
        repo.write(ReviewLedger.DEFAULT_FILE, "version = 1\n[[approval]]\nsite = \"x\"\n");
        ReviewException missing = assertThrows(ReviewException.class, this::review);
        assertTrue(missing.getMessage().contains("approval #1 lacks `file`"), missing.getMessage());
        Path folder = Files.createDirectories(repo.root.resolve("ledger-dir"));
        assertEquals(ReviewException.Kind.IO, assertThrows(ReviewException.class,
                () -> service.review(new ReviewRequest(repo.root, null, folder))).kind());
    }

    @Test
    void brokenCodeIsReportedWithANoteAndTheIntactSitesStillCount() throws Exception {
        repo.replace("src/lib.rs", "pub fn sum(", "pub fn broken( { let x = ; }\n\n"
                + "pub fn peek(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n\npub fn sum(");
        ReviewReport report = review();
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("syntax error")), report.notes()::toString);
        assertNotNull(report.sites().stream().filter(s -> s.itemPath().equals("fn peek")).findFirst().orElse(null),
                () -> ids(report.sites()));
    }

    @Test
    void theProtocolFreeApiReturnsTheSites() throws Exception {
        repo.write("src/u.rs", "pub union Bits {\n    f: f32,\n    u: u32,\n}\n");
        List<ReviewedSite> sites = service.review(repo.root, null);
        assertEquals(1, sites.size());
        assertEquals("union", sites.get(0).kind());
        assertEquals(repo.root.resolve("src/u.rs"), sites.get(0).path());
    }
}
