package dev.unsafehints.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.cli.Main;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code unsafe-hints scan} over a hostile tree made at test time: symbolic link loops (of folders
 * and of files), a FIFO named {@code .rs} (reading it would block forever), a file and a folder
 * without permissions (as root, which CI runs as, they stay readable and are scanned), UTF-16 and
 * Latin-1 text, an ELF binary named {@code .rs}, a sparse 100 MB file over {@code --max-file-size},
 * and {@value #SMALL_FILES} small files. The scan finishes, lists every skipped file with its reason,
 * and its exit code says what happened. (The basic skip reasons are also in {@code cli.ScanCommandTest};
 * 100,000 files are a benchmark: {@code bench/run}.)
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // turns a hang (a FIFO read, a link loop) into a failure
class ScannerAttackTest {
    static final int SMALL_FILES = 2_000;

    @Test
    void aHostileTreeIsScannedAndEverySkippedFileIsListed(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("crate");
        Path src = Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"hostile\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.writeString(src.resolve("lib.rs"), "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        Map<String, String> expectedSkips = new HashMap<>();

        Files.createSymbolicLink(src.resolve("a.rs"), Path.of("b.rs")); // a.rs -> b.rs -> a.rs
        Files.createSymbolicLink(src.resolve("b.rs"), Path.of("a.rs"));
        expectedSkips.put("src/a.rs", "unreadable");
        expectedSkips.put("src/b.rs", "unreadable");
        Files.createDirectories(src.resolve("loops"));
        Files.createSymbolicLink(src.resolve("loops/self"), Path.of("."));
        Files.createSymbolicLink(src.resolve("loops/up"), Path.of("../.."));

        Path fifo = src.resolve("pipe.rs");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        expectedSkips.put("src/pipe.rs", "unreadable");

        Path secret = src.resolve("secret.rs");
        Files.writeString(secret, "pub fn secret() {}\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path closed = Files.createDirectories(src.resolve("closed"));
        Files.writeString(closed.resolve("inner.rs"), "pub fn inner() {}\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        boolean permissionsBite = !Files.isReadable(secret); // root reads everything
        if (permissionsBite) {
            expectedSkips.put("src/secret.rs", "unreadable");
            expectedSkips.put("src/closed", "unreadable");
        }

        Files.write(src.resolve("utf16.rs"), "fn f() {}\n".getBytes(StandardCharsets.UTF_16)); // with a BOM
        expectedSkips.put("src/utf16.rs", "binary"); // UTF-16 ASCII text is full of NUL bytes
        Files.write(src.resolve("latin1.rs"), "// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        expectedSkips.put("src/latin1.rs", "not-utf8");
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        Files.write(src.resolve("program.rs"), elf);
        expectedSkips.put("src/program.rs", "binary");
        try (RandomAccessFile huge = new RandomAccessFile(src.resolve("huge.rs").toFile(), "rw")) {
            huge.setLength(100L * 1024 * 1024); // sparse: no disk used, but 100 MB to the scanner
        }
        expectedSkips.put("src/huge.rs", "too-large");

        Path many = Files.createDirectories(src.resolve("many"));
        for (int i = 0; i < SMALL_FILES; i++) {
            Files.writeString(many.resolve("f" + i + ".rs"), "fn f" + i + "() {}\n");
        }

        Path report = dir.resolve("report.json");
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute("scan",
                "--format", "json", "--fail-on", "none", "-o", report.toString(), root.toString());
        try {
            assertEquals(0, code, "skipped files are reported, they do not fail the scan");
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            Map<String, String> skipped = new HashMap<>();
            json.path("skippedFiles").forEach(s -> skipped.put(s.path("path").asText(),
                    s.path("reason").asText() + ": " + s.path("message").asText()));
            for (Map.Entry<String, String> e : expectedSkips.entrySet()) {
                String got = skipped.get(e.getKey());
                assertTrue(got != null && got.startsWith(e.getValue() + ": ") && got.length() > e.getValue().length() + 3,
                        e.getKey() + " should be skipped as " + e.getValue() + ", got " + got + " in " + skipped);
            }
            assertEquals(expectedSkips.size(), skipped.size(), skipped.toString());
            int files = json.path("files").size();
            int expectedFiles = 1 + SMALL_FILES + (permissionsBite ? 0 : 2);
            assertEquals(expectedFiles, files, "each file once, however many links lead to it");
            assertTrue(json.path("files").toString().contains("unsafe-block"));
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
