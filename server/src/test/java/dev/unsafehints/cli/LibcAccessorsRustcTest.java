package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libc writes the accessors of its unions as `unsafe fn` methods (`siginfo_t::si_pid()`, inside
 * `cfg_if!`, on a struct its `s!` macro declares): a crate that calls them through the real libc of the
 * Debian registry (resources/registry-crates/libc-user) gets each call reported where rustc reports
 * E0133 once the `unsafe` of every block is blanked, and nowhere else. Skipped, saying so, without
 * cargo or the registry's libc.
 */
class LibcAccessorsRustcTest {
    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");
    private static final Set<String> OPERATIONS = Set.of("unsafe-call", "raw-pointer-deref", "static-mut-access",
            "union-field-access", "inline-asm-use");

    @TempDir
    Path dir;

    @Test
    void unionAccessorsAreUnsafeCallsWhereRustcSaysSo() throws Exception {
        assumeTrue(CrateGraphScanTest.onPath("cargo"), "cargo is not installed; test skipped");
        assumeTrue(hasLibc(), "no libc 0.2 in " + REGISTRY + "; test skipped");
        Path crate = dir.resolve("libc-user");
        ScanFixture.copy(Path.of("src/test/resources/registry-crates/libc-user"), crate);
        Files.createDirectories(crate.resolve(".cargo"));
        Files.writeString(crate.resolve(".cargo/config.toml"), "[source.crates-io]\nreplace-with = \"registry\"\n\n"
                + "[source.registry]\ndirectory = \"" + REGISTRY + "\"\n");
        assertEquals(0, cargo(crate, "generate-lockfile", "--offline").exitCode);

        Set<String> rustc = rustcOperations(crate);
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--format", "json", crate.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        Set<String> ours = new TreeSet<>();
        List<String> accessors = new ArrayList<>();
        for (JsonNode file : json.path("files")) {
            for (JsonNode site : file.path("sites")) {
                if (OPERATIONS.contains(site.path("ruleId").asText())) {
                    ours.add(site.path("region").path("startLine").asInt() + ":" + site.path("region").path("startColumn").asInt());
                    accessors.add(site.path("message").asText());
                }
            }
        }
        assertEquals(5, rustc.size(), "rustc's operations: " + rustc);
        assertEquals(rustc, ours, run.err());
        assertTrue(accessors.stream().anyMatch(m -> m.contains("`si_pid`") && m.contains("libc")), accessors.toString());
    }

    private static boolean hasLibc() throws IOException {
        if (!Files.isDirectory(REGISTRY)) {
            return false;
        }
        try (var list = Files.list(REGISTRY)) {
            return list.anyMatch(p -> p.getFileName().toString().startsWith("libc-0.2."));
        }
    }

    /** line:column of each E0133 that `cargo check` reports in a copy whose `unsafe {` keywords are blanked. */
    private Set<String> rustcOperations(Path crate) throws Exception {
        Path blanked = dir.resolve("blanked");
        ScanFixture.copy(crate, blanked);
        Path lib = blanked.resolve("src/lib.rs");
        Files.writeString(lib, Files.readString(lib).replaceAll("\\bunsafe(?=\\s*\\{)", "      "));
        Result check = cargo(blanked, "check", "--offline", "--lib", "--message-format=json");
        Set<String> found = new TreeSet<>();
        for (String line : check.output.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode record = new ObjectMapper().readTree(line);
            if (!record.path("reason").asText().equals("compiler-message")
                    || !record.path("message").path("code").path("code").asText().equals("E0133")) {
                continue;
            }
            for (JsonNode span : record.path("message").path("spans")) {
                if (span.path("is_primary").asBoolean()) {
                    found.add(span.path("line_start").asInt() + ":" + span.path("column_start").asInt());
                }
            }
        }
        return found;
    }

    private record Result(int exitCode, String output) {
    }

    private Result cargo(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("cargo"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(in.toFile());
        builder.environment().put("CARGO_TARGET_DIR", dir.resolve("target").toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "cargo timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
