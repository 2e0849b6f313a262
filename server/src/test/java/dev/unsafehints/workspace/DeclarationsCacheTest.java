package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.Edition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the cache stores is read back as the same declarations; a bad entry is only a miss. */
class DeclarationsCacheTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            #![allow(clippy::missing_safety_doc)]
            extern crate alloc as alloc_crate;
            pub use self::inner::*;
            #[doc(hidden)]
            pub mod inner {
                /// # Safety
                /// `p` must be valid.
                #[target_feature(enable = "sse2")]
                pub unsafe fn read(p: *const u8) -> u8 { *p }
                pub static mut COUNTER: u32 = 0;
            }
            pub union U { a: u32, b: f32 }
            pub struct S { p: *mut u8, f: unsafe fn(), t: (u8, u16) }
            pub type Callback = unsafe extern "C" fn(i32);
            impl S { pub unsafe fn get(&self) -> *mut u8 { self.p } }
            extern "C" { pub fn abs(x: i32) -> i32; pub safe fn labs(x: i64) -> i64; }
            #[allow(dead_code)]
            mod private;
            """;

    @Test
    void storedDeclarationsComeBackTheSame() throws Exception {
        Path root = dir.resolve("pkg");
        Path file = root.resolve("src/lib.rs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SOURCE);
        CrateInfo crate = new CrateInfo(root, "pkg", "1.0.0", Edition.E2021);
        FileDeclarations read = FileDeclarations.read(file, crate, SOURCE).detached();
        CrateGraph.Package pkg = new CrateGraph.Package("pkg", "1.0.0", "registry", root, root.resolve("src"), false);
        DeclarationsCache cache = DeclarationsCache.in(dir.resolve("cache"));
        String key = DeclarationsCache.keyOf(pkg, List.of(file));
        assertTrue(cache.read(key).isEmpty());
        cache.write(key, List.of(), List.of(read));
        List<FileDeclarations> back = cache.read(key).orElseThrow();
        assertEquals(1, back.size());
        assertEquals(read.fingerprint(), back.get(0).fingerprint());
        assertEquals(read.file(), back.get(0).file());
        assertTrue(back.get(0).isOf(SOURCE));
        assertEquals(read.functions(), back.get(0).functions());
    }

    @Test
    void whatAPackagesMacrosDeclareIsStoredWithItsDeclarations() throws Exception {
        Path root = dir.resolve("sys");
        Path macros = root.resolve("src/macros.rs");
        Path lib = root.resolve("src/lib.rs");
        Files.createDirectories(lib.getParent());
        String macrosText = """
                #[macro_export]
                macro_rules! f {
                    ($(pub fn $name:ident($($a:ident: $t:ty),*) -> $r:ty $body:block)*) => {
                        $(pub unsafe extern "C" fn $name($($a: $t),*) -> $r $body)*
                    };
                }
                """;
        String libText = "f! { pub fn CMSG_LEN(n: u32) -> u32 { n + 8 } }\n";
        Files.writeString(macros, macrosText);
        Files.writeString(lib, libText);
        CrateInfo crate = new CrateInfo(root, "sys", "0.2.0", Edition.E2021);
        List<FileDeclarations> read = List.of(FileDeclarations.read(macros, crate, macrosText).detached(),
                FileDeclarations.read(lib, crate, libText).detached());
        ItemMacroDeclarations.expandAll(read, Edition.E2021);
        CrateGraph.Package pkg = new CrateGraph.Package("sys", "0.2.0", "registry", root, root.resolve("src"), false);
        DeclarationsCache cache = DeclarationsCache.in(dir.resolve("cache"));
        String key = DeclarationsCache.keyOf(pkg, List.of(macros, lib));
        cache.write(key, List.of(), read);
        List<FileDeclarations> back = cache.read(key).orElseThrow();
        FileDeclarations backLib = back.stream().filter(d -> d.file().equals(lib)).findFirst().orElseThrow();
        assertEquals(1, backLib.itemMacroCalls().size());
        assertTrue(back.get(0).exportedMacros().contains("f") || back.get(1).exportedMacros().contains("f"));
        DeclaredFn declared = backLib.expanded().files().get(0).functions().get(0);
        assertEquals("CMSG_LEN", declared.name());
        assertTrue(declared.isUnsafe());
        assertEquals(backLib.itemMacroCalls().get(0).position(), declared.position(), "declared at the call");
        // read back, the expansion is used as it is: the definitions it was made with still hold
        ItemMacroDeclarations.Expanded before = backLib.expanded();
        ItemMacroDeclarations.expandAll(back, Edition.E2021);
        assertTrue(before == backLib.expanded());
    }

    @Test
    void aChangedFileMakesANewKey() throws Exception {
        Path root = dir.resolve("pkg");
        Path file = root.resolve("src/lib.rs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "pub fn f() {}\n");
        CrateGraph.Package pkg = new CrateGraph.Package("pkg", "1.0.0", "registry", root, root.resolve("src"), false);
        String before = DeclarationsCache.keyOf(pkg, List.of(file));
        Files.writeString(file, "pub unsafe fn f() {}\n");
        assertTrue(!before.equals(DeclarationsCache.keyOf(pkg, List.of(file))));
        assertTrue(before.startsWith("pkg-1.0.0-"), before);
    }

    @Test
    void aNewEntryReplacesTheSamePackagesOlderOnesOnly() throws Exception {
        Path folder = dir.resolve("cache");
        DeclarationsCache cache = DeclarationsCache.in(folder);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("core-0123456789abcdef01234567.json.gz"), "old");
        Files.writeString(folder.resolve("core-foundation-0.9.3-0123456789abcdef01234567.json.gz"), "other package");
        cache.write("core-aaaaaaaaaaaaaaaaaaaaaaaa", List.of(), List.of());
        try (var entries = Files.list(folder)) {
            assertEquals(List.of("core-aaaaaaaaaaaaaaaaaaaaaaaa.json.gz",
                            "core-foundation-0.9.3-0123456789abcdef01234567.json.gz"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void corruptTruncatedAndForeignEntriesAreMisses() throws Exception {
        Path folder = dir.resolve("cache");
        Files.createDirectories(folder);
        DeclarationsCache cache = DeclarationsCache.in(folder);
        Files.writeString(folder.resolve("a.json.gz"), "plain text");
        Files.write(folder.resolve("b.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(folder.resolve("c.json.gz")))) {
            out.write("[{\"unknownField\": 1}]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(cache.read("a").isEmpty());
        assertTrue(cache.read("b").isEmpty());
        assertTrue(cache.read("c").isEmpty());
    }

    @Test
    void aCacheThatCannotBeWrittenIsSkipped() throws Exception {
        Path blocker = dir.resolve("file-not-folder");
        Files.writeString(blocker, "x");
        DeclarationsCache cache = DeclarationsCache.in(blocker.resolve("cache"));
        cache.write("k", List.of(), List.of()); // no exception
        assertTrue(cache.read("k").isEmpty());
    }
}
