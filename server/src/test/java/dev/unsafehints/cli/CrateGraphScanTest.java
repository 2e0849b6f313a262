package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan resolves calls into dependencies through the crate graph that `cargo metadata` reports:
 * a renamed path dependency whose C functions are re-exported from a module
 * (resources/crate-graph). Needs cargo on PATH (CI has it).
 */
class CrateGraphScanTest {
    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void copyFixture() throws Exception {
        assumeTrue(onPath("cargo"), "cargo is not installed; test skipped");
        ScanFixture.copy(Path.of("src/test/resources/crate-graph"), dir);
        app = dir.resolve("app");
    }

    @Test
    void callsIntoADependencyAreUnsafeCallsWithTheCalleesDeclaration() throws Exception {
        Run run = scan(app.toString());
        List<String> calls = new ArrayList<>();
        for (JsonNode file : run.json().path("files")) {
            for (JsonNode site : file.path("sites")) {
                if (site.path("ruleId").asText().equals("unsafe-call")) {
                    calls.add(site.path("region").path("startLine").asInt() + ":" + site.path("message").asText());
                }
            }
        }
        assertEquals(List.of(
                "6:call to unsafe function `ffi::sys_open`: `ffi::sys_open` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)",
                "8:call to unsafe function `sys_close`: `ffi::sys_close` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)",
                "17:call to unsafe function `ffi::sys_close`: `ffi::sys_close` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)",
                "26:call to unsafe function `ffi::sys_close`: `ffi::sys_close` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)",
                // through `use super::bindings;` and `pub use gen as bindings;`, into declarations
                // that gen-sys's build script writes (rustc reports E0133 here too)
                "37:call to unsafe function `bindings::gen_abs`: `gen::gen_abs` is a foreign function of `gen-sys 0.2.0`,"
                        + " whose build script generates its declarations (extern functions are unsafe to call)",
                // through a module that re-exports the dependency's fn for the crate (`pub(crate) use`)
                "49:call to unsafe function `shim::sys_close`: `ffi::sys_close` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)",
                // a leading `::` names the crate even where a local module `ffi` is in scope
                "62:call to unsafe function `::ffi::sys_close`: `ffi::sys_close` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)"),
                calls, run.err());
        List<String> derefs = new ArrayList<>();
        for (JsonNode file : run.json().path("files")) {
            for (JsonNode site : file.path("sites")) {
                assertFalse(site.path("ruleId").asText().equals("unused-unsafe"), site.toString());
                if (site.path("ruleId").asText().equals("raw-pointer-deref")) {
                    derefs.add(site.path("region").path("startLine").asInt() + ":" + site.path("message").asText());
                }
            }
        }
        // `::ffi::last_error()` is the dependency's fn returning `*const i32`; `ffi::last_error()`
        // inside `shadow` is the local module's, returning `&i32`
        assertEquals(1, derefs.size(), derefs.toString());
        assertTrue(derefs.get(0).startsWith("71:"), derefs.toString());
        assertFalse(Files.exists(app.resolve("Cargo.lock")), "the scan must not leave a Cargo.lock behind");
        assertFalse(Files.exists(app.resolve("target")));
    }

    @Test
    void noCargoRunsNothingTheProjectNames() throws Exception {
        // a project whose .cargo/config.toml names a rustc wrapper: cargo would run it
        Path marker = dir.resolve("MARKER");
        Path wrapper = dir.resolve("wrapper.sh");
        Files.writeString(wrapper, "#!/bin/sh\ntouch '" + marker + "'\nshift\nexec rustc \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        Files.createDirectories(app.resolve(".cargo"));
        Files.writeString(app.resolve(".cargo/config.toml"), "[build]\nrustc-wrapper = \"" + wrapper + "\"\n");
        scan("--no-cargo", app.toString());
        assertFalse(Files.exists(marker), "--no-cargo must not run cargo, nor the wrapper it names");
        scan(app.toString());
        assertTrue(Files.exists(marker), "without --no-cargo, cargo runs (and the test can tell)");
    }

    @Test
    void aTraitMethodDeclaredUnsafeInATransitiveDependencyIsUnsafeOnAnyType() throws Exception {
        // `traitdefs` declares the trait, `wrapper` re-exports it and exports a macro that
        // implements it (as foreign-types does for openssl); the index expands the app's call of
        // that macro, so the impl it writes, with its `unsafe fn from_ptr`, is the app's
        Path traitdefs = dir.resolve("traitdefs");
        Files.createDirectories(traitdefs.resolve("src"));
        Files.writeString(traitdefs.resolve("Cargo.toml"), "[package]\nname = \"traitdefs\"\nversion = \"0.1.0\"\n");
        Files.writeString(traitdefs.resolve("src/lib.rs"), """
                pub trait ForeignType {
                    /// # Safety
                    /// `p` must be a live handle.
                    unsafe fn from_ptr(p: *mut u8) -> Self;
                    fn as_ptr(&self) -> *mut u8;
                }
                """);
        Path wrapper = dir.resolve("wrapper");
        Files.createDirectories(wrapper.resolve("src"));
        Files.writeString(wrapper.resolve("Cargo.toml"), "[package]\nname = \"wrapper\"\nversion = \"0.1.0\"\n"
                + "[dependencies]\ntraitdefs = { path = \"../traitdefs\" }\n");
        Files.writeString(wrapper.resolve("src/lib.rs"), """
                pub use traitdefs::ForeignType;
                #[macro_export]
                macro_rules! foreign {
                    ($t:ident) => {
                        pub struct $t(*mut u8);
                        impl $crate::ForeignType for $t {
                            unsafe fn from_ptr(p: *mut u8) -> Self { $t(p) }
                            fn as_ptr(&self) -> *mut u8 { self.0 }
                        }
                    };
                }
                """);
        Path user = dir.resolve("user");
        Files.createDirectories(user.resolve("src"));
        Files.writeString(user.resolve("Cargo.toml"), "[package]\nname = \"user\"\nversion = \"0.1.0\"\n"
                + "edition = \"2021\"\n[dependencies]\nwrapper = { path = \"../wrapper\" }\n");
        Files.writeString(user.resolve("src/lib.rs"), """
                use wrapper::ForeignType;
                wrapper::foreign!(Handle);
                pub fn wrap(p: *mut u8) -> Handle {
                    // SAFETY: the caller hands over a live handle.
                    unsafe { Handle::from_ptr(p) }
                }
                pub fn raw(h: &Handle) -> *mut u8 {
                    h.as_ptr()
                }
                """);
        Run run = scan(user.toString());
        List<String> calls = new ArrayList<>();
        for (JsonNode file : run.json().path("files")) {
            for (JsonNode site : file.path("sites")) {
                if (site.path("ruleId").asText().equals("unsafe-call")) {
                    calls.add(site.path("region").path("startLine").asInt() + ":" + site.path("message").asText());
                }
            }
        }
        assertEquals(List.of("5:call to unsafe function `Handle::from_ptr`: `Handle::from_ptr` is declared `unsafe`"),
                calls, run.err());
    }

    @Test
    void eachSiteSaysWhetherItIsCompiledForTheHostWithTheResolvedFeatures() throws Exception {
        Path crate = dir.resolve("features");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"features\"\nversion = \"0.1.0\"\n"
                + "edition = \"2021\"\n[features]\ndefault = [\"std\"]\nstd = []\nnightly = []\n");
        Files.writeString(crate.resolve("src/lib.rs"), """
                #[cfg(feature = "std")]
                pub fn with_std(p: *const u8) -> u8 { unsafe { *p } }
                #[cfg(feature = "nightly")]
                pub fn with_nightly(p: *const u8) -> u8 { unsafe { *p } }
                #[cfg(all(unix, not(windows)))]
                pub fn on_unix(p: *const u8) -> u8 { unsafe { *p } }
                #[cfg(windows)]
                pub fn on_windows(p: *const u8) -> u8 { unsafe { *p } }
                #[cfg(my_own_cfg)]
                pub fn custom(p: *const u8) -> u8 { unsafe { *p } }
                """);
        Run run = scan(crate.toString());
        List<String> blocks = new ArrayList<>();
        for (JsonNode site : run.json().path("files").get(0).path("sites")) {
            if (site.path("ruleId").asText().equals("unsafe-block")) {
                blocks.add(site.path("region").path("startLine").asInt() + ":" + site.path("compiled"));
            }
        }
        assertEquals(List.of("2:true", "4:false", "6:true", "8:false", "10:null"), blocks, run.err());
        Run noCargo = scan("--no-cargo", crate.toString());
        List<String> unknownFeatures = new ArrayList<>();
        for (JsonNode site : noCargo.json().path("files").get(0).path("sites")) {
            if (site.path("ruleId").asText().equals("unsafe-block")) {
                unknownFeatures.add(site.path("region").path("startLine").asInt() + ":" + site.path("compiled"));
            }
        }
        assertEquals(List.of("2:null", "4:null", "6:true", "8:false", "10:null"), unknownFeatures,
                "without cargo the features are not known; the target still is");
        assertEquals(List.of("2:false", "4:true", "6:false", "8:true", "10:null"),
                compiledBlocks(scan("--no-default-features", "--features", "nightly", "--target",
                        "x86_64-pc-windows-msvc", crate.toString())), "cargo's options, and another target");
        assertEquals(List.of("2:true", "4:true", "6:true", "8:false", "10:null"),
                compiledBlocks(scan("--all-features", crate.toString())));
    }

    private static List<String> compiledBlocks(Run run) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode site : run.json().path("files").get(0).path("sites")) {
            if (site.path("ruleId").asText().equals("unsafe-block")) {
                blocks.add(site.path("region").path("startLine").asInt() + ":" + site.path("compiled"));
            }
        }
        return blocks;
    }

    @Test
    void withoutCargoOrCargoLockNothingIsGuessed() throws Exception {
        Run run = scan("--no-cargo", app.toString());
        assertEquals(0, run.json().path("totals").path("counts").path("unsafe-call").asInt());
        assertTrue(run.err().contains("no Cargo.lock above"), run.err());
    }

    @Test
    void withoutCargoTheLockFileAndTheSourcesOnDiskResolveTheCalls() throws Exception {
        // a registry dependency replaced by a directory source, as `cargo vendor` sets it up
        Files.writeString(app.resolve("Cargo.toml"), "\n[dependencies.zlib-sys]\nversion = \"1\"\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(app.resolve(".cargo"));
        Files.writeString(app.resolve(".cargo/config.toml"),
                "[source.crates-io]\nreplace-with = \"vendored\"\n[source.vendored]\ndirectory = \"vendor\"\n");
        Path zlib = app.resolve("vendor/zlib-sys-1.2.0");
        Files.createDirectories(zlib.resolve("src"));
        Files.writeString(zlib.resolve("Cargo.toml"), "[package]\nname = \"zlib-sys\"\nversion = \"1.2.0\"\n");
        Files.writeString(zlib.resolve("src/lib.rs"), "extern \"C\" { pub fn inflateEnd(strm: *mut u8) -> i32; }\n");
        Files.writeString(app.resolve("src/zip.rs"),
                "pub fn end(s: *mut u8) -> i32 {\n    unsafe { zlib_sys::inflateEnd(s) }\n}\n");
        Files.writeString(app.resolve("src/lib.rs"), "pub mod zip;\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(app.resolve("Cargo.lock"), """
                version = 4

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = ["gen-sys", "mysys", "zlib-sys"]

                [[package]]
                name = "gen-sys"
                version = "0.2.0"

                [[package]]
                name = "mysys"
                version = "0.3.0"

                [[package]]
                name = "zlib-sys"
                version = "1.2.0"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                """);

        Run run = scan("--no-cargo", app.toString());

        assertEquals(8, run.json().path("totals").path("counts").path("unsafe-call").asInt(), run.err());
        // nothing to report but, on a machine without the rust-src component, where std comes from
        assertEquals("", run.err().lines().filter(l -> !l.contains("the standard library's sources were not found"))
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    void aManifestCargoRejectsLeavesTheScanAsBeforeAndSaysWhy() throws Exception {
        Files.writeString(app.resolve("Cargo.toml"), "\n[dependencies]\nffi = { path = \"../nowhere\" }\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run run = scan(app.toString());
        assertTrue(run.err().contains("unsafe-hints scan: cargo metadata failed: "), run.err());
        assertTrue(run.err().contains("; read Cargo.lock instead"), run.err());
        assertEquals(8, run.json().path("totals").path("counts").path("unsafe-block").asInt(),
                "the crate's own sites are all there");
        assertEquals(0, run.exitCode());
    }

    private record Run(int exitCode, JsonNode json, String err) {
    }

    private static Run scan(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        ScanFixture.Run run = ScanFixture.scanWithRealRules(all.toArray(String[]::new));
        return new Run(run.exitCode(), new ObjectMapper().readTree(run.out().isEmpty() ? "{}" : run.out()), run.err());
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
