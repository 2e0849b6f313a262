package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unsafehints.lsp.testing.RawJsonRpc;
import dev.unsafehints.lsp.testing.RecordingClient;
import dev.unsafehints.lsp.testing.ServerProcess;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unsafe-hints serve} as a real process: stdout carries nothing but framed JSON-RPC, logs go
 * to stderr, and the exit code follows the specification (0 after shutdown + exit, 1 otherwise).
 */
class ServeProcessTest {
    private static Process start(Path dir, String... args) throws Exception {
        return new ProcessBuilder(ServerProcess.serve(args))
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private static int exitCode(Process p) throws Exception {
        assertTrue(p.waitFor(RecordingClient.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the server did not exit");
        return p.exitValue();
    }

    @Test
    void servesOverStdioAndExitsWithZeroAfterShutdown(@TempDir Path dir) throws Exception {
        Process server = start(dir, "--stdio", "--clientProcessId=1");
        try (RawJsonRpc rpc = new RawJsonRpc(server.getInputStream(), server.getOutputStream())) {
            rpc.request(1, "initialize", "{\"processId\":" + ProcessHandle.current().pid()
                    + ",\"rootUri\":null,\"capabilities\":{},\"clientInfo\":{\"name\":\"test\"}}");
            JsonNode init = rpc.response(1);
            assertEquals("unsafe-hints", init.path("result").path("serverInfo").path("name").asText());
            rpc.notify("initialized", "{}");
            rpc.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"file:///tmp/x.rs\",\"languageId\":\"rust\","
                    + "\"version\":1,\"text\":\"fn f(p: *const u8) -> u8 { unsafe { *p } }\"}}");
            rpc.request(2, "textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///tmp/x.rs\"},"
                    + "\"position\":{\"line\":0,\"character\":28}}");
            assertNull(rpc.response(2).get("error"));
            // the diagnostics come after a short debounce, which a busy machine may stretch past the hover
            assertEquals("file:///tmp/x.rs", rpc.notification("textDocument/publishDiagnostics")
                    .path("params").path("uri").asText());
            rpc.request(3, "shutdown", "null");
            assertNull(rpc.response(3).get("error"));
            rpc.notify("exit", "null");
            assertEquals(0, exitCode(server));
            // every frame the server wrote parsed as JSON-RPC 2.0 (RawJsonRpc checks as it reads)
            assertNull(rpc.readFailure());
            assertTrue(rpc.seen().stream().anyMatch(m -> "textDocument/publishDiagnostics".equals(m.path("method").asText())),
                    rpc.seen().toString());
        } finally {
            server.destroyForcibly();
        }
        String stderr = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
        assertTrue(stderr.contains("serving test"), stderr);
        assertTrue(stderr.contains("ignoring arguments [--clientProcessId=1]"), stderr);
    }

    @Test
    void withStderrLogUnsentALineTheClientReceivedIsNotAlsoOnStderr(@TempDir Path dir) throws Exception {
        Process server = start(dir, "--stderr-log", "unsent");
        try (RawJsonRpc rpc = new RawJsonRpc(server.getInputStream(), server.getOutputStream())) {
            rpc.request(1, "initialize", "{\"processId\":" + ProcessHandle.current().pid()
                    + ",\"rootUri\":null,\"capabilities\":{},\"clientInfo\":{\"name\":\"test\"}}");
            rpc.response(1);
            rpc.notify("initialized", "{}");
            rpc.request(2, "shutdown", "null");
            rpc.response(2);
            rpc.notify("exit", "null");
            assertEquals(0, exitCode(server));
            assertTrue(rpc.seen().stream().anyMatch(m -> "window/logMessage".equals(m.path("method").asText())
                    && m.path("params").path("message").asText().contains("serving test")
                    && m.path("params").path("type").asInt() == 3), rpc.seen().toString());
        } finally {
            server.destroyForcibly();
        }
        String stderr = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
        assertTrue(!stderr.contains("serving test"), "the client has it; VS Code would show it twice: " + stderr);
    }

    @Test
    void exitWithoutShutdownGivesOne(@TempDir Path dir) throws Exception {
        Process server = start(dir);
        try (RawJsonRpc rpc = new RawJsonRpc(server.getInputStream(), server.getOutputStream())) {
            rpc.request(1, "initialize", RawJsonRpc.INITIALIZE_PARAMS);
            rpc.response(1);
            rpc.notify("exit", "null");
            assertEquals(1, exitCode(server));
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void closingStdinEndsTheServer(@TempDir Path dir) throws Exception {
        Process server = start(dir);
        try {
            server.getOutputStream().close();
            assertEquals(1, exitCode(server));
        } finally {
            server.destroyForcibly();
        }
    }
}
