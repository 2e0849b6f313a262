package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.lsp.testing.RawJsonRpc;
import dev.unsafehints.lsp.testing.RecordingClient;
import dev.unsafehints.lsp.testing.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's watchdog for one document, in a real `serve` process whose limit is 1 ms (system
 * property unsafehints.analysisTimeLimitMillis): the document's analysis is stopped, the client is
 * told which file and why, the document gets no findings, and the server goes on answering.
 */
class ServerWatchdogTest {
    @Test
    void aDocumentOverTheTimeLimitIsNotAnalysedAndTheServerGoesOn(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.serve());
        command.add(1, "-Dunsafehints.analysisTimeLimitMillis=1");
        Process server = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) { // enough work that no machine analyses it within 1 ms
            text.append("fn f").append(i).append("(p: *const u8) -> u8 { unsafe { *p } }\n");
        }
        String uri = dir.resolve("slow.rs").toUri().toString();
        try (RawJsonRpc rpc = new RawJsonRpc(server.getInputStream(), server.getOutputStream())) {
            rpc.request(1, "initialize", RawJsonRpc.INITIALIZE_PARAMS);
            rpc.response(1);
            rpc.notify("initialized", "{}");
            rpc.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"rust\","
                    + "\"version\":1,\"text\":" + new ObjectMapper().writeValueAsString(text.toString()) + "}}");
            long deadline = System.nanoTime() + RecordingClient.PATIENCE.toNanos();
            JsonNode warning = null;
            JsonNode diagnostics = null;
            while ((warning == null || diagnostics == null) && System.nanoTime() < deadline) {
                rpc.request(2, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},"
                        + "\"position\":{\"line\":0,\"character\":3}}");
                rpc.response(2); // the server still answers
                for (JsonNode m : rpc.seen()) {
                    String method = m.path("method").asText();
                    if (method.equals("window/logMessage") && m.path("params").path("message").asText()
                            .contains("slow.rs is not analysed: stopped after 0.00")) {
                        warning = m;
                    } else if (method.equals("textDocument/publishDiagnostics")
                            && m.path("params").path("uri").asText().equals(uri)) {
                        diagnostics = m;
                    }
                }
                rpc.seen().removeIf(m -> m.has("id"));
            }
            assertTrue(warning != null, "no warning that the document was stopped: " + rpc.seen());
            assertTrue(diagnostics != null && diagnostics.path("params").path("diagnostics").isEmpty(),
                    "a stopped document has no findings: " + diagnostics);
            rpc.request(3, "shutdown", "null");
            rpc.response(3);
            rpc.notify("exit", "null");
        } finally {
            server.destroyForcibly();
        }
    }
}
