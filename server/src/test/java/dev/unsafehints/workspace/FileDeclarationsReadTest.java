package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParsing;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index reads declarations from a parse that skips function bodies ({@link FileDeclarations#read}).
 * It must declare exactly what a full parse declares: checked on tricky snippets and, when it is
 * installed, on every file of the standard library and the Debian cargo registry.
 */
class FileDeclarationsReadTest {
    private static final CargoManifests MANIFESTS = new CargoManifests();
    private static final Path FILE = Path.of("/tmp/x/src/lib.rs");
    private static final CrateInfo CRATE = new CrateInfo(Path.of("/tmp/x"), "x", "0.1.0", Edition.E2021);

    @Test
    void bodiesAreSkippedAndSignaturesKept() {
        String text = """
                /// Does it.
                ///
                /// # Safety
                /// `p` must be valid.
                pub unsafe fn read_it(p: *const u8) -> *const u8 { let q = p; { q } }
                fn outer() { unsafe fn hidden_local() {} }
                struct S { f: fn(u8) -> u8, p: *mut u8 }
                static mut COUNT: u32 = 0;
                impl S { unsafe fn method(&self) -> (*mut u8, usize) { (self.p, 1) } }
                """;
        ParsedFile skeleton = RustParsing.parseDeclarations(text, Edition.E2021);
        assertTrue(skeleton.errors().isEmpty(), skeleton.errors().toString());
        assertEquals(-1, skeleton.tree().getText().indexOf("letq"), "the body is left out");
        FileDeclarations d = FileDeclarations.read(FILE, CRATE, text);
        assertEquals(List.of("read_it", "outer", "method"), d.functions().stream().map(DeclaredFn::name).toList());
        assertEquals("`p` must be valid.", d.functions().get(0).safetyDoc().strip());
        assertSame(text);
    }

    @Test
    void aConstFnsClosureBoundIsKeptAsTheClosuresSignature() {
        // core's `Result::map_or` since 1.89: a caller's closure gets a `T` all the same
        String text = """
                impl<T, E> Res<T, E> {
                    pub const fn map_or<U, F>(self, default: U, f: F) -> U
                    where
                        F: [const] FnOnce(T) -> U + [const] Destruct,
                        T: [const] Destruct,
                    {
                        todo!()
                    }
                    pub fn sort_by<F>(&mut self, compare: F) where F: FnMut(&T, &T) -> Ordering {}
                }
                """;
        FileDeclarations d = FileDeclarations.read(FILE, CRATE, text);
        assertEquals("implFnOnce(T)->U", d.functions().get(0).parameterType(1, true));
        assertEquals("implFnMut(&T,&T)->Ordering", d.functions().get(1).parameterType(0, true));
    }

    @Test
    void constBlocksFunctionPointersAndMacroPatternsAreNotBodies() {
        assertSame("""
                pub fn sized<const N: usize>() -> Foo<{ N + 1 }> where [(); { N }]: Sized, Bar<{ N }>: Copy { todo!() }
                pub unsafe fn after() {}
                type Callback = fn(u8) -> u8;
                static HOOK: unsafe fn() = noop;
                pub unsafe fn after_static() {}
                macro_rules! make { ($name:ident) => { pub unsafe fn $name() { body() } }; (fn $x:ident) => {} }
                make! { fn generated() { inner() } }
                extern "C" { fn ext(x: u8); static mut EXT: u8; }
                trait T { unsafe fn required(&self); unsafe fn provided(&self) { body() } }
                impl<F> T for fn() -> F { unsafe fn required(&self) {} }
                pub unsafe fn last() {}
                """);
    }

    @Test
    void brokenCodeDeclaresWhatItCan() {
        assertSame("pub unsafe fn a() { let x = ; }\npub unsafe fn b(p: *const u8) {}\nfn c( {\n");
    }

    @Test
    void wholeCorpusDeclaresTheSameAsAFullParse() throws Exception {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> src = Files.list(Path.of("/usr/src"))) {
            src.filter(p -> p.getFileName().toString().startsWith("rustc-")).map(p -> p.resolve("library")).forEach(roots::add);
        } catch (IOException e) {
            // no /usr/src: no standard library here
        }
        roots.add(Path.of("/usr/share/cargo/registry"));
        roots.add(Path.of("src/test/resources"));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().forEach(files::add);
                }
            }
        }
        assumeTrue(files.size() > 2000, "corpus not on this machine; checked the snippets only");
        assumeTrue(!"1".equals(System.getenv("UNSAFE_HINTS_SKIP_CORPUS")), "UNSAFE_HINTS_SKIP_CORPUS=1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> difference(file)));
            }
            List<String> differences = new ArrayList<>();
            for (Future<String> r : results) {
                if (r.get() != null) {
                    differences.add(r.get());
                }
            }
            assertEquals(List.of(), differences.subList(0, Math.min(10, differences.size())),
                    differences.size() + " of " + files.size() + " files differ");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String difference(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return null; // not a Rust source file
        }
        CrateInfo crate = MANIFESTS.crateOf(file);
        String full = describe(FileDeclarations.of(file, ModulePaths.of(file, crate), RustParsing.parse(text, crate.edition()), text));
        String read = describe(FileDeclarations.read(file, crate, text));
        if (full.equals(read)) {
            return null;
        }
        List<String> fullLines = List.of(full.split("\n"));
        List<String> readLines = List.of(read.split("\n"));
        List<String> missing = fullLines.stream().filter(l -> !readLines.contains(l)).limit(3).toList();
        List<String> extra = readLines.stream().filter(l -> !fullLines.contains(l)).limit(3).toList();
        return file + "\n  only in the full parse: " + missing + "\n  only in the declarations parse: " + extra;
    }

    private static void assertSame(String text) {
        FileDeclarations full = FileDeclarations.of(FILE, ModulePaths.of(FILE, CRATE), RustParsing.parse(text, Edition.E2021), text);
        assertEquals(describe(full), describe(FileDeclarations.read(FILE, CRATE, text)));
    }

    private static String describe(FileDeclarations d) {
        List<String> fns = d.functions().stream().map(f -> f.name() + " " + f.modulePath() + " " + f.owner() + " "
                + f.isUnsafe() + " " + f.position() + " " + f.returnType() + " " + f.targetFeatures() + " "
                + f.safetyDoc().replace("\n", "\\n")).toList();
        return String.join("\n", String.join("\n", fns), d.staticMuts().toString(), d.unionFields().toString(),
                d.pointerFields().toString(), d.otherFields().toString(), d.fieldKinds().toString(),
                d.imports().toString(), d.moduleVisibility().toString(), d.fnPointerFields().toString(),
                d.typeAliases().toString());
    }
}
