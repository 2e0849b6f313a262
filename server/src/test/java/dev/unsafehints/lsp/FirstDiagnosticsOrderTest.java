package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.lsp.testing.RawJsonRpc;
import dev.unsafehints.lsp.testing.RecordingClient;
import dev.unsafehints.lsp.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of the editor's diagnostics, with the real server process and a client that answers
 * {@code workspace/configuration} as VS Code does (after it has opened its documents): the open
 * file's own findings come first, before the workspace is indexed and the crate graph read, and
 * without the call into the dependency that only the graph can resolve; later diagnostics add that
 * call. No publication in between says anything the graph would contradict: never an
 * {@code unused-unsafe} on the block whose call the graph resolves.
 */
class FirstDiagnosticsOrderTest {
    /** `unsafe { sys::poke(x) }`: the dependency's unsafe fn (0-based line). */
    private static final int DEPENDENCY_CALL_LINE = 4;

    @Test
    void theOpenFilesFindingsComeFirstAndTheGraphRefinesThemWithoutAFalseWarning(@TempDir Path dir) throws Exception {
        copy(Path.of("src/test/resources/first-diagnostics"), dir);
        Path app = dir.resolve("app");
        Path lib = app.resolve("src/lib.rs");
        String uri = lib.toUri().toString();
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.serve())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().remove("RUST_SRC_PATH"); // the standard library's index is not what this test waits for
        Process server = builder.start();
        try (RawJsonRpc rpc = new RawJsonRpc(server.getInputStream(), server.getOutputStream())) {
            rpc.request(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + app.toUri()
                    + "\",\"capabilities\":{\"workspace\":{\"configuration\":true}}}");
            rpc.response(1);
            rpc.notify("initialized", "{}");
            rpc.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"rust\","
                    + "\"version\":1,\"text\":" + new ObjectMapper().writeValueAsString(Files.readString(lib)) + "}}");
            JsonNode configuration = rpc.notification("workspace/configuration");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":" + configuration.get("id") + ",\"result\":[null]}");

            List<List<String>> published = new ArrayList<>();
            long deadline = System.nanoTime() + RecordingClient.PATIENCE.toNanos();
            int seen = 0;
            while (System.nanoTime() < deadline && (published.isEmpty()
                    || !published.get(published.size() - 1).contains("unsafe-call@" + DEPENDENCY_CALL_LINE))) {
                rpc.notification("textDocument/publishDiagnostics"); // the first; the loop polls for the others
                List<JsonNode> all = rpc.seen();
                for (; seen < all.size(); seen++) {
                    JsonNode m = all.get(seen);
                    if ("textDocument/publishDiagnostics".equals(m.path("method").asText())
                            && uri.equals(m.path("params").path("uri").asText())) {
                        published.add(codes(m));
                    }
                }
                Thread.sleep(20);
            }
            assertFalse(published.isEmpty(), "no diagnostics for " + uri);
            List<String> first = published.get(0);
            assertFalse(first.contains("unsafe-call@" + DEPENDENCY_CALL_LINE),
                    "the first diagnostics came after the graph was read: " + published);
            List<String> last = published.get(published.size() - 1);
            assertTrue(last.contains("unsafe-call@" + DEPENDENCY_CALL_LINE) && last.contains("unsafe-call@9"),
                    "the index and the graph never refined them: " + published);
            for (List<String> p : published) {
                assertTrue(p.stream().noneMatch(c -> c.startsWith("unused-unsafe")), "a false warning: " + published);
            }
            rpc.request(2, "shutdown", "null");
            rpc.response(2);
            rpc.notify("exit", "null");
            assertTrue(server.waitFor(RecordingClient.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The diagnostics' codes with their start lines, `unsafe-call@4`, sorted. */
    private static List<String> codes(JsonNode publish) {
        TreeSet<String> codes = new TreeSet<>();
        for (JsonNode d : publish.path("params").path("diagnostics")) {
            codes.add(d.path("code").asText() + "@" + d.path("range").path("start").path("line").asInt());
        }
        return List.copyOf(codes);
    }
}
