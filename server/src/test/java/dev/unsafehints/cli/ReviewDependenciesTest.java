package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.review.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code review --deps} end to end: a git repository whose Cargo.lock moves `leaf` from 0.1.0 to
 * 0.2.0 (both versions in a directory source outside the repository, as `cargo vendor` or a
 * replaced registry has them) and `gone` to a version that is not on this machine. Runs no cargo.
 */
class ReviewDependenciesTest {
    private static final String LEAF_0_1 = """
            pub fn same(p: *const u8) -> u8 {
                unsafe { *p }
            }

            pub fn edited(p: *const u8) -> u8 {
                unsafe { *p }
            }
            """;
    private static final String LEAF_0_2 = """
            pub fn same(p: *const u8) -> u8 {
                unsafe { *p }
            }

            pub fn edited(p: *const u8) -> u8 {
                unsafe { *p.add(1) }
            }

            /// # Safety
            /// `p` must be valid for writes.
            pub unsafe fn added(p: *mut u8) {
                unsafe { *p = 0 }
            }
            """;

    @TempDir
    Path dir;
    GitFixture repo;
    String out;
    String err;

    @BeforeEach
    void repository() throws Exception {
        Path registry = dir.resolve("registry");
        writePackage(registry.resolve("leaf-0.1.0"), "leaf", "0.1.0", LEAF_0_1);
        writePackage(registry.resolve("leaf-0.2.0"), "leaf", "0.2.0", LEAF_0_2);
        writePackage(registry.resolve("gone-1.0.0"), "gone", "1.0.0", "pub fn f() {}\n");
        repo = GitFixture.init(Files.createDirectories(dir.resolve("repo")));
        repo.write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
                        + "[dependencies]\nleaf = \"0.1\"\ngone = \"1\"\n")
                .write(".cargo/config.toml", "[source.crates-io]\nreplace-with = \"local\"\n[source.local]\n"
                        + "directory = \"" + registry + "\"\n")
                .write("src/lib.rs", "pub fn safe() {}\n")
                .write("Cargo.lock", lock("0.1.0", "1.0.0"))
                .commit("base");
        repo.write("Cargo.lock", lock("0.2.0", "1.1.0"));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void theSitesANewVersionAddsOrChangesAreListedWithTheirChecklists() throws Exception {
        assertEquals(0, run("review", "--deps", "--since", "HEAD", "--format", "json", repo.root.toString()), err);
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode deps = json.path("dependencies");
        assertEquals(2, deps.size(), out);
        JsonNode gone = deps.get(0);
        assertEquals("gone 1.0.0 1.1.0 false", gone.path("name").asText() + " " + gone.path("from").asText() + " "
                + gone.path("to").asText() + " " + gone.path("found").asBoolean());
        assertTrue(gone.path("notes").get(0).asText().startsWith("gone 1.1.0 is not on this machine"), out);
        JsonNode leaf = deps.get(1);
        assertEquals("leaf 0.1.0 0.2.0 registry", leaf.path("name").asText() + " " + leaf.path("from").asText()
                + " " + leaf.path("to").asText() + " " + leaf.path("source").asText());
        List<String> sites = new ArrayList<>();
        for (JsonNode s : leaf.path("sites")) {
            sites.add(s.path("path").asText() + ":" + s.path("region").path("startLine").asInt() + " "
                    + s.path("ruleId").asText() + " " + s.path("change").asText());
        }
        assertEquals(List.of("src/lib.rs:6 unsafe-block changed", "src/lib.rs:11 unsafe-fn added",
                "src/lib.rs:12 unsafe-block added"), sites);
        assertTrue(leaf.path("sites").get(0).path("checklist").size() > 0, "each site has its checklist");
        assertEquals(0, json.path("sites").size(), "the workspace's own code did not change");
    }

    @Test
    void textAndMarkdownSayTheSameAndTheWorkspaceReviewIsUnchangedWithoutDeps() throws Exception {
        assertEquals(0, run("review", "--deps", "--since", "HEAD", repo.root.toString()), err);
        assertTrue(out.contains("leaf 0.1.0 -> 0.2.0  registry"), out);
        assertTrue(out.contains("  src/lib.rs:11:5  unsafe-fn  added"), out);
        assertTrue(out.contains("note: gone 1.1.0 is not on this machine"), out);
        assertEquals(0, run("review", "--deps", "--since", "HEAD", "-f", "markdown", repo.root.toString()), err);
        assertTrue(out.contains("<details><summary><code>leaf</code> 0.1.0 → 0.2.0 (registry) — 3 unsafe sites"), out);
        assertEquals(0, run("review", "--since", "HEAD", "--format", "json", repo.root.toString()), err);
        assertFalse(new ObjectMapper().readTree(out).has("dependencies"));
    }

    /**
     * A wrapper's new version calls into its own dependency (renamed, as `use openssl_sys as ffi`
     * does): the call resolves against that dependency's declarations, found through the lock
     * file, so the site's checklist names the callee and its Safety text.
     */
    @Test
    void aNewVersionsCallsIntoItsOwnDependenciesResolve() throws Exception {
        Path registry = dir.resolve("calls-registry");
        writePackage(registry.resolve("rawsys-1.0.0"), "rawsys", "1.0.0", """
                extern "C" {
                    /// # Safety
                    /// `p` must be valid for one write of a byte.
                    pub fn raw_fill(p: *mut u8, v: u8) -> i32;
                }

                pub fn plain(v: u8) -> u8 {
                    v
                }
                """);
        writePackage(registry.resolve("wrap-0.1.0"), "wrap", "0.1.0", "pub fn old() {}\n");
        writePackage(registry.resolve("wrap-0.2.0"), "wrap", "0.2.0", """
                pub fn fill(p: *mut u8) -> i32 {
                    // SAFETY: the caller gives a valid pointer.
                    unsafe { ffi::raw_fill(p, ffi::plain(0)) }
                }
                """);
        Files.writeString(registry.resolve("wrap-0.2.0/Cargo.toml"), "[package]\nname = \"wrap\"\nversion = \"0.2.0\"\n"
                + "edition = \"2021\"\n[dependencies]\nffi = { package = \"rawsys\", version = \"1\" }\n");
        try (GitFixture calls = GitFixture.init(Files.createDirectories(dir.resolve("calls")))) {
            calls.write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
                            + "[dependencies]\nwrap = \"0.1\"\n")
                    .write(".cargo/config.toml", "[source.crates-io]\nreplace-with = \"local\"\n[source.local]\n"
                            + "directory = \"" + registry + "\"\n")
                    .write("src/lib.rs", "pub fn safe() {}\n")
                    .write("Cargo.lock", wrapLock("0.1.0", ""))
                    .commit("base");
            calls.write("Cargo.lock", wrapLock("0.2.0", "dependencies = [\"rawsys\"]\n"));
            assertEquals(0, run("review", "--deps", "--since", "HEAD", "--format", "json", calls.root.toString()), err);
        }
        JsonNode wrap = new ObjectMapper().readTree(out).path("dependencies").get(0);
        assertEquals("wrap 0.1.0 0.2.0", wrap.path("name").asText() + " " + wrap.path("from").asText() + " "
                + wrap.path("to").asText(), out);
        JsonNode block = null;
        for (JsonNode s : wrap.path("sites")) {
            if (s.path("ruleId").asText().equals("unsafe-block")) {
                block = s;
            }
        }
        assertTrue(block != null, out);
        String checklist = block.path("checklist").toString();
        assertTrue(checklist.contains("call to unsafe function `ffi::raw_fill`"), "the call into rawsys is one of the block's operations: " + checklist);
        assertTrue(checklist.contains("valid for one write of a byte"), "with the callee's Safety text: " + checklist);
        assertFalse(checklist.contains("function `ffi::plain`"), "a safe fn of the dependency is no operation: " + checklist);
    }

    private static String wrapLock(String wrap, String wrapDependencies) {
        String registry = "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        return "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"wrap\"]\n\n"
                + "[[package]]\nname = \"rawsys\"\nversion = \"1.0.0\"\n" + registry + "\n"
                + "[[package]]\nname = \"wrap\"\nversion = \"" + wrap + "\"\n" + registry + wrapDependencies;
    }

    private static String lock(String leaf, String gone) {
        return "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"gone\", \"leaf\"]\n\n"
                + "[[package]]\nname = \"gone\"\nversion = \"" + gone + "\"\n"
                + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n"
                + "[[package]]\nname = \"leaf\"\nversion = \"" + leaf + "\"\n"
                + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
    }

    private static void writePackage(Path root, String name, String version, String lib) throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"" + name + "\"\nversion = \"" + version
                + "\"\nedition = \"2021\"\n");
        Files.writeString(root.resolve("src/lib.rs"), lib);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cmd = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        int code = cmd.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
