package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.lsp.testing.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real editors as LSP clients: Neovim (headless, its built-in client) and Emacs (batch, eglot) start
 * the server on the fixture crate and, through their own LSP code, receive diagnostics, request a
 * hover, edit the buffer (incremental didChange) and get new diagnostics, then apply the SAFETY
 * quick fix and see its finding go away. Drivers: src/test/resources/e2e/. Skipped with a message
 * when the editor is not installed (Debian: neovim; emacs-nox + elpa-eglot).
 */
class EditorE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EDITOR_TIMEOUT_SECONDS = 180;

    /** The product as editors start it: {@code unsafe-hints serve} with the real rules. */
    static List<String> serverCommand() {
        return ServerProcess.serve();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Copies the fixture crate (a test resource folder) to a scratch folder the editor may change. */
    private static Path fixtureCrate(Path dir) throws IOException {
        Path crate = dir.resolve("e2e-crate");
        Files.createDirectories(crate.resolve("src"));
        for (String name : List.of("Cargo.toml", "src/lib.rs")) {
            try (InputStream in = EditorE2ETest.class.getResourceAsStream("/e2e-crate/" + name)) {
                Files.copy(in, crate.resolve(name));
            }
        }
        return crate;
    }

    private static Path driver(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = EditorE2ETest.class.getResourceAsStream("/e2e/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static JsonNode run(List<String> command, Path dir, Path crate, Map<String, String> extraEnv)
            throws Exception {
        Path out = dir.resolve("result.json");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("editor.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("LSP_CMD_JSON", JSON.writeValueAsString(serverCommand()));
        env.put("LSP_OUT", out.toString());
        env.put("LSP_ROOT", crate.toString());
        env.put("HOME", dir.resolve("home").toString()); // nothing of the editors' state outside the scratch folder
        env.putAll(extraEnv);
        Files.createDirectories(dir.resolve("home"));
        Process editor = pb.start();
        boolean done = editor.waitFor(EDITOR_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            editor.descendants().forEach(ProcessHandle::destroyForcibly);
            editor.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("editor.log"));
        assertTrue(done, "the editor did not finish; its output:\n" + log);
        assertTrue(Files.exists(out), "no result (exit " + editor.exitValue() + "); editor output:\n" + log);
        JsonNode result = JSON.readTree(out.toFile());
        assertTrue(!result.has("error") && editor.exitValue() == 0,
                "the driver failed: " + result + "\neditor output:\n" + log);
        return result;
    }

    private static List<String> codes(JsonNode diagnostics) {
        List<String> codes = new ArrayList<>();
        diagnostics.forEach(d -> codes.add(d.path("code").asText()));
        return codes;
    }

    private static JsonNode first(JsonNode diagnostics, String code) {
        for (JsonNode d : diagnostics) {
            if (code.equals(d.path("code").asText())) {
                return d;
            }
        }
        throw new AssertionError("no " + code + " in " + diagnostics);
    }

    /** The same assertions for every editor: what it received is what the server computed. */
    private static void assertSession(JsonNode result, String fixture) {
        // diagnostics as opened: the unsafe block of `first` at its `unsafe` keyword, with the dereference related
        JsonNode diagnostics = result.get("diagnostics");
        List<String> codes = codes(diagnostics);
        assertTrue(codes.contains("unsafe-block") && codes.contains("missing-safety-comment"), codes.toString());
        String[] lines = fixture.split("\n", -1);
        int blockLine = indexOfLine(lines, "unsafe { *p }");
        JsonNode block = null;
        for (JsonNode d : diagnostics) {
            if ("unsafe-block".equals(d.path("code").asText()) && d.path("range").path("start").path("line").asInt() == blockLine) {
                block = d;
            }
        }
        assertTrue(block != null, "an unsafe-block diagnostic on line " + blockLine + ": " + diagnostics);
        assertEquals(lines[blockLine].indexOf("unsafe"), block.path("range").path("start").path("character").asInt());
        assertEquals("unsafe-hints", block.path("source").asText());
        assertTrue(block.path("codeDescription").path("href").asText().endsWith("unsafe-block.md"), block.toString());
        assertTrue(first(diagnostics, "missing-safety-comment").path("severity").asInt() == 2, "a warning");

        // hover on that `unsafe`
        String hover = result.path("hover").path("contents").path("value").asText();
        assertTrue(hover.startsWith("**Unsafe block**"), hover);
        assertTrue(hover.contains("unsafe-block"), hover);

        // the edit added one more unsafe block
        assertEquals(count(diagnostics, "unsafe-block") + 1, count(result.get("diagnostics_after_edit"), "unsafe-block"));

        // the quick fix inserted a SAFETY template above the block; the template kept a finding that
        // said so, and the finding went away once the placeholder was replaced by an argument
        assertTrue(result.get("line_above_after_fix").asText().strip().startsWith("// SAFETY:"),
                result.get("line_above_after_fix").asText());
        assertTrue(result.path("template_warning").asBoolean(), result.toString());
        assertEquals(count(result.get("diagnostics_after_edit"), "missing-safety-comment") - 1,
                count(result.get("diagnostics_after_fix"), "missing-safety-comment"));
        assertTrue(result.get("code_actions").toString().contains("Suppress"), result.get("code_actions").toString());
    }

    private static int count(JsonNode diagnostics, String code) {
        return (int) codes(diagnostics).stream().filter(code::equals).count();
    }

    private static int indexOfLine(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void neovim(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("nvim"), "Neovim is not installed (Debian package neovim); skipping its end-to-end test");
        Path crate = fixtureCrate(dir);
        Path lua = driver(dir, "nvim-e2e.lua");
        Path file = crate.resolve("src/lib.rs");
        String fixture = Files.readString(file);
        Path xdg = dir.resolve("xdg");
        JsonNode result = run(List.of("nvim", "--headless", "--clean", "-n", "-u", "NONE", "-i", "NONE",
                        "-c", "luafile " + lua, file.toString()), dir, crate,
                Map.of("XDG_CONFIG_HOME", xdg.resolve("config").toString(), "XDG_DATA_HOME", xdg.resolve("data").toString(),
                        "XDG_STATE_HOME", xdg.resolve("state").toString(), "XDG_CACHE_HOME", xdg.resolve("cache").toString()));
        assertSession(result, fixture);
        // a client that does not run the extension's lens command gets titles without a command to fail
        JsonNode lenses = result.get("lenses");
        assertTrue(lenses.size() > 0, result.toString());
        for (JsonNode lens : lenses) {
            assertTrue(lens.path("title").asText().contains("unsafe"), lens.toString());
            assertEquals("", lens.path("command").asText(), lens.toString());
        }
    }

    @Test
    void emacsWithEglot(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("emacs"), "Emacs is not installed (Debian packages emacs-nox and elpa-eglot); "
                + "skipping its end-to-end test");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/emacs/site-lisp/elpa/eglot-1.9"))
                        || Files.exists(Path.of("/usr/share/emacs/site-lisp/elpa-src/eglot-1.9")),
                "eglot 1.9 is not installed (Debian package elpa-eglot); skipping the Emacs end-to-end test");
        Path crate = fixtureCrate(dir);
        Path el = driver(dir, "eglot-e2e.el");
        Path file = crate.resolve("src/lib.rs");
        String fixture = Files.readString(file);
        JsonNode result = run(List.of("emacs", "--batch", "-l", el.toString(), file.toString()), dir, crate, Map.of());
        assertSession(result, fixture);
    }
}
