package dev.unsafehints.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unsafehints.lsp.LanguageServerRunner;
import dev.unsafehints.lsp.testing.BlockingPipe;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.RawJsonRpc;
import dev.unsafehints.lsp.testing.RecordingClient;
import dev.unsafehints.rules.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The language server attacked over raw JSON-RPC, with the real rules: broken framing, wrong
 * types, edits past the end of the document, a burst of 1,000 edits, a 50 MB document and a
 * 10,000-deep one. After each attack the server still answers requests with proper JSON-RPC,
 * still analyses the other documents, and publishes the newest version last. (Malformed bodies,
 * unknown methods, requests before initialize and edits to unopened documents are covered by
 * {@code lsp.RobustnessTest}; the client process dying is covered in-process by
 * {@code lsp.LifecycleTest} and as a real process by {@link ServerProcessAttackTest}.)
 */
class LspAttackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER = "file:///tmp/unsafe-hints-attack/src/other.rs";
    private static final String OTHER_TEXT = "fn g(p: *const u8) -> u8 { unsafe { *p } }\n";
    private static final java.util.logging.Logger LSP4J_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    private final BlockingPipe toServer = new BlockingPipe();
    private final BlockingPipe toClient = new BlockingPipe();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private LanguageServerRunner.Session session;
    private RawJsonRpc rpc;
    private java.util.logging.Level previousLevel;
    private int nextId = 100;
    private int otherVersion = 1;

    @BeforeEach
    void start() throws Exception {
        previousLevel = LSP4J_LOG.getLevel();
        LSP4J_LOG.setLevel(java.util.logging.Level.OFF); // malformed input is logged by LSP4J; expected here
        session = LanguageServerRunner.start(toServer.in, toClient.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                LspHarness.options().withRules(RuleCatalog.all()));
        rpc = new RawJsonRpc(toClient.in, toServer.out);
        rpc.request(1, "initialize", RawJsonRpc.INITIALIZE_PARAMS);
        assertTrue(rpc.response(1).has("result"));
        rpc.notify("initialized", "{}");
    }

    @AfterEach
    void stop() {
        toServer.closeWriter();
        session.stop();
        toClient.closeWriter();
        LSP4J_LOG.setLevel(previousLevel);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void open(String uri, int version, String text) throws Exception {
        ObjectNode item = JSON.createObjectNode().put("uri", uri).put("languageId", "rust").put("version", version)
                .put("text", text);
        rpc.notify("textDocument/didOpen", JSON.createObjectNode().set("textDocument", item).toString());
    }

    private void change(String uri, int version, String rangeJson, String text) throws Exception {
        ObjectNode change = JSON.createObjectNode().put("text", text);
        if (rangeJson != null) {
            change.set("range", JSON.readTree(rangeJson));
        }
        ObjectNode params = JSON.createObjectNode();
        params.set("textDocument", JSON.createObjectNode().put("uri", uri).put("version", version));
        params.set("contentChanges", JSON.createArrayNode().add(change));
        rpc.notify("textDocument/didChange", params.toString());
    }

    private static String range(int l1, int c1, int l2, int c2) {
        return "{\"start\":{\"line\":" + l1 + ",\"character\":" + c1 + "},\"end\":{\"line\":" + l2
                + ",\"character\":" + c2 + "}}";
    }

    /** All publishDiagnostics seen so far for the uri, in arrival order. */
    private List<JsonNode> published(String uri) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : rpc.seen()) {
            if ("textDocument/publishDiagnostics".equals(m.path("method").asText())
                    && uri.equals(m.path("params").path("uri").asText())) {
                out.add(m.path("params"));
            }
        }
        return out;
    }

    private JsonNode awaitPublished(String uri, int version) throws InterruptedException {
        return awaitMessage(m -> "textDocument/publishDiagnostics".equals(m.path("method").asText())
                && uri.equals(m.path("params").path("uri").asText())
                && m.path("params").path("version").asInt() == version, uri + " version " + version).path("params");
    }

    private JsonNode awaitMessage(Predicate<JsonNode> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + RecordingClient.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode m : rpc.seen()) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never received " + what + "; saw " + rpc.seen());
    }

    private static List<String> codes(JsonNode publish) {
        List<String> codes = new ArrayList<>();
        publish.path("diagnostics").forEach(d -> codes.add(d.path("code").asText()));
        return codes;
    }

    /** The server still analyses another document and answers a request, in proper JSON-RPC. */
    private void assertStillServing() throws Exception {
        int version = ++otherVersion;
        if (version == 2) {
            open(OTHER, version, OTHER_TEXT);
        } else {
            change(OTHER, version, null, OTHER_TEXT);
        }
        assertTrue(codes(awaitPublished(OTHER, version)).contains("unsafe-block"));
        int id = nextId++;
        rpc.request(id, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + OTHER + "\"},"
                + "\"position\":{\"line\":0,\"character\":28}}");
        JsonNode hover = rpc.response(id);
        assertNull(hover.get("error"), hover.toString());
        assertNull(rpc.readFailure(), "the server wrote something that is not framed JSON-RPC");
    }

    // ---- attacks -------------------------------------------------------------------------------

    @Test
    void brokenFramingIsSkippedAndTheNextMessageIsServed() throws Exception {
        // a header block without Content-Length, one with a length that is no number, a header line
        // without a colon: each is dropped, and the messages after them are read as usual
        rpc.sendBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertStillServing();
        rpc.sendBytes("Content-Length: lots\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertStillServing();
        rpc.sendBytes("no colon here\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertStillServing();
    }

    @Test
    void wrongTypesGetJsonRpcErrors() throws Exception {
        rpc.request(20, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + OTHER + "\"},"
                + "\"position\":{\"line\":\"zero\",\"character\":[]}}");
        JsonNode badPosition = rpc.response(20);
        assertTrue(badPosition.has("error"), badPosition.toString());
        rpc.request(21, "textDocument/hover", "{\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}}");
        assertTrue(rpc.response(21).has("error"));
        rpc.request(22, "textDocument/codeAction", "\"a string, not an object\"");
        assertTrue(rpc.response(22).has("error"));
        // notifications with wrong types have no answer; they must not stop the server
        rpc.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":7,\"version\":\"one\",\"text\":false}}");
        rpc.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + OTHER + "\",\"version\":{}},"
                + "\"contentChanges\":\"everything\"}");
        rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":1},\"method\":\"textDocument/hover\",\"params\":{}}");
        rpc.sendRaw("[{\"jsonrpc\":\"2.0\",\"id\":24,\"method\":\"textDocument/hover\",\"params\":{}}]"); // no batches in LSP
        rpc.request(25, "workspace/executeCommand", "{\"command\":\"unsafe-hints.inventory\",\"arguments\":[{\"x\":[1,2]}, 3]}");
        JsonNode command = rpc.response(25);
        assertTrue(command.has("result") || command.has("error"), command.toString());
        assertStillServing();
    }

    @Test
    void rangesPastTheEndAreClampedAndNegativeOnesRejectedQuietly() throws Exception {
        String uri = "file:///tmp/unsafe-hints-attack/src/clamp.rs";
        open(uri, 1, "fn f() {}\n");
        awaitPublished(uri, 1);
        // past the end: the specification says the end of the document
        change(uri, 2, range(100, 0, 200, 5), "fn g(p: *const u8) -> u8 { unsafe { *p } }\n");
        JsonNode v2 = awaitPublished(uri, 2);
        assertEquals(List.of("unsafe-block"), codes(v2).stream().filter("unsafe-block"::equals).toList());
        assertEquals(1, v2.path("diagnostics").get(codes(v2).indexOf("unsafe-block")).path("range").path("start")
                .path("line").asInt(), "appended after the last line");
        // a character past the end of its line means the line's end
        change(uri, 3, range(0, 500, 0, 900), " // tail");
        awaitPublished(uri, 3);
        // negative positions are no positions: the change is refused, the document stays usable
        change(uri, 4, range(-1, -5, -1, -1), "garbage");
        change(uri, 5, null, "fn h() {}\n");
        JsonNode v5 = awaitPublished(uri, 5);
        assertTrue(codes(v5).isEmpty(), v5.toString());
        assertStillServing();
    }

    @Test
    void aBurstOfAThousandEditsEndsWithTheNewestVersionPublishedLast() throws Exception {
        String uri = "file:///tmp/unsafe-hints-attack/src/burst.rs";
        open(uri, 1, "fn f(p: *const u8) -> u8 {\n    0\n}\n");
        int version = 1;
        for (int i = 0; i < 1000; i++) {
            version++;
            // alternately put an unsafe block on line 1 and take it away again
            boolean put = i % 2 == 0;
            change(uri, version, put ? range(1, 4, 1, 5) : range(1, 4, 1, 17), put ? "unsafe { *p }" : "0");
        }
        int last = version;
        version++;
        change(uri, version, range(1, 4, 1, 5), "unsafe { *p }"); // the final state has exactly one block
        JsonNode finalPublish = awaitPublished(uri, version);
        assertEquals(1, codes(finalPublish).stream().filter("unsafe-block"::equals).count(), finalPublish.toString());
        List<JsonNode> all = published(uri);
        for (int i = 1; i < all.size(); i++) {
            JsonNode before = all.get(i - 1);
            JsonNode after = all.get(i);
            // a version may come again with other diagnostics (the index was read meanwhile), never as a repeat
            assertTrue(after.path("version").asInt() > before.path("version").asInt()
                    || after.path("version").asInt() == before.path("version").asInt()
                    && !after.path("diagnostics").equals(before.path("diagnostics")),
                    "published out of order or repeated: " + before + " then " + after);
        }
        assertTrue(last < version);
        assertStillServing();
    }

    @Test
    void aFiftyMegabyteDocumentIsNotAnalysedAndTheServerGoesOn() throws Exception {
        String uri = "file:///tmp/unsafe-hints-attack/src/huge.rs";
        String line = "pub fn f(p: *const u8) -> u8 { unsafe { *p } } // padding padding padding padding\n";
        StringBuilder big = new StringBuilder(50 * 1024 * 1024 + line.length());
        while (big.length() < 50 * 1024 * 1024) {
            big.append(line);
        }
        long before = usedHeapAfterGc();
        open(uri, 1, big.toString());
        big = null;
        JsonNode v1 = awaitPublished(uri, 1);
        assertTrue(v1.path("diagnostics").isEmpty());
        awaitMessage(m -> "window/logMessage".equals(m.path("method").asText())
                && m.path("params").path("message").asText().contains("huge.rs is not analysed: 50.0 MB"), "the warning");
        assertStillServing();
        change(uri, 2, range(0, 0, 0, 0), "// edited\n"); // an edit of the huge document is applied and answered
        awaitPublished(uri, 2);
        assertStillServing();
        rpc.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        awaitMessage(m -> "textDocument/publishDiagnostics".equals(m.path("method").asText())
                && uri.equals(m.path("params").path("uri").asText()) && !m.path("params").has("version"), "the close");
        // what the document held is let go: a leak would keep ~100 MB (two copies of 50 MB)
        long after = usedHeapAfterGc();
        assertTrue(after - before < 64L << 20, "heap grew by " + ((after - before) >> 20) + " MB");
    }

    @Test
    void aDocumentNestedTenThousandDeepGetsAWarningAndTheServerGoesOn() throws Exception {
        String uri = "file:///tmp/unsafe-hints-attack/src/deep.rs";
        open(uri, 1, "unsafe fn f() { let x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "; }\n");
        assertTrue(awaitPublished(uri, 1).path("diagnostics").isEmpty());
        awaitMessage(m -> "window/logMessage".equals(m.path("method").asText())
                && m.path("params").path("message").asText().contains("deep.rs: nesting too deep"), "the warning");
        assertStillServing();
        change(uri, 2, null, "fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        assertTrue(codes(awaitPublished(uri, 2)).contains("unsafe-block"), "analysed again once it is sane");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
