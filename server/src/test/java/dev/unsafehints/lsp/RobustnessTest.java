package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unsafehints.lsp.testing.BlockingPipe;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.RawJsonRpc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input must not end the server: it answers with JSON-RPC errors and keeps serving. */
class RobustnessTest {
    private final BlockingPipe toServer = new BlockingPipe();
    private final BlockingPipe toClient = new BlockingPipe();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private LanguageServerRunner.Session session;
    private RawJsonRpc rpc;

    /** LSP4J reports malformed input on java.util.logging; expected here, so kept out of the build output. */
    private static final java.util.logging.Logger LSP4J_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");
    private java.util.logging.Level previousLevel;

    @BeforeEach
    void start() {
        previousLevel = LSP4J_LOG.getLevel();
        LSP4J_LOG.setLevel(java.util.logging.Level.OFF);
        session = LanguageServerRunner.start(toServer.in, toClient.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8), LspHarness.options());
        rpc = new RawJsonRpc(toClient.in, toServer.out);
    }

    @AfterEach
    void stop() {
        toServer.closeWriter();
        session.stop();
        toClient.closeWriter();
        LSP4J_LOG.setLevel(previousLevel);
    }

    private void initialize() throws Exception {
        rpc.request(1, "initialize", RawJsonRpc.INITIALIZE_PARAMS);
        assertTrue(rpc.response(1).has("result"));
        rpc.notify("initialized", "{}");
    }

    private static int errorCode(JsonNode response) {
        return response.path("error").path("code").asInt();
    }

    @Test
    void requestsBeforeInitializeAreRefused() throws Exception {
        rpc.request(7, "textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///a.rs\"},\"position\":{\"line\":0,\"character\":0}}");
        assertEquals(-32002, errorCode(rpc.response(7)));
        initialize();
        rpc.request(2, "initialize", RawJsonRpc.INITIALIZE_PARAMS);
        assertEquals(-32600, errorCode(rpc.response(2)), "a second initialize");
    }

    @Test
    void malformedJsonIsReportedAndTheServerGoesOn() throws Exception {
        initialize();
        rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":{");   // cut off
        rpc.sendRaw("this is not json at all");
        rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/hover\",\"params\":[1,2,3]}"); // wrong shape
        rpc.request(10, "shutdown", "null");
        JsonNode shutdown = rpc.response(10);
        assertTrue(shutdown.has("result") && shutdown.get("result").isNull(), shutdown.toString());
        JsonNode wrongShape = rpc.response(6);
        assertTrue(wrongShape.has("error"), wrongShape.toString());
    }

    @Test
    void brokenFramingIsSkippedAndTheServerGoesOn() throws Exception {
        initialize();
        rpc.sendBytes("Content-Length: many\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        rpc.sendBytes("X-No-Length: 1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        rpc.request(11, "shutdown", "null");
        JsonNode shutdown = rpc.response(11);
        assertNull(shutdown.get("error"), shutdown.toString());
    }

    @Test
    void unknownMethodsGetMethodNotFound() throws Exception {
        initialize();
        rpc.request(3, "textDocument/noSuchThing", "{}");
        assertEquals(-32601, errorCode(rpc.response(3)));
        rpc.notify("$/noSuchNotification", "{}");   // ignored quietly, as $/ notifications may be
        rpc.notify("custom/unknownNotification", "{}");
        rpc.request(4, "shutdown", "null");
        assertNull(rpc.response(4).get("error"));
    }

    @Test
    void anExceptionInAHandlerIsAnsweredAndLogged() throws Exception {
        initialize();
        // no textDocument: the handler throws; the reply is an internal error, the server lives on
        rpc.request(8, "textDocument/hover", "{\"position\":{\"line\":0,\"character\":0}}");
        assertEquals(-32603, errorCode(rpc.response(8)));
        // a notification that throws is logged (stderr and window/logMessage), nothing is answered
        rpc.notify("textDocument/didChange", "{\"contentChanges\":[]}");
        rpc.request(9, "shutdown", "null");
        assertNull(rpc.response(9).get("error"));
        String log = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("didChange failed"), log);
        assertTrue(rpc.seen().stream().anyMatch(m -> "window/logMessage".equals(m.path("method").asText())
                && m.path("params").path("message").asText().contains("didChange failed")));
    }

    @Test
    void afterShutdownOnlyExitIsAccepted() throws Exception {
        initialize();
        rpc.request(2, "shutdown", "null");
        assertNull(rpc.response(2).get("error"));
        rpc.request(3, "textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///a.rs\"},\"position\":{\"line\":0,\"character\":0}}");
        assertEquals(-32600, errorCode(rpc.response(3)));
        rpc.notify("exit", "null");
        assertEquals(0, LspHarness.get(session.exitCode()));
    }

    @Test
    void changesToUnopenedDocumentsAreIgnoredWithALogMessage() throws Exception {
        initialize();
        rpc.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"file:///never-opened.rs\",\"version\":3},"
                + "\"contentChanges\":[{\"text\":\"fn f() {}\"}]}");
        rpc.request(2, "shutdown", "null");
        rpc.response(2);
        assertTrue(rpc.seen().stream().anyMatch(m -> m.path("params").path("message").asText()
                .contains("ignoring a change to file:///never-opened.rs")), rpc.seen().toString());
    }

    @Test
    void theEndOfInputWithoutShutdownEndsTheServerWithOne() throws Exception {
        initialize();
        toServer.closeWriter();
        assertEquals(1, LspHarness.get(session.exitCode()));
    }
}
