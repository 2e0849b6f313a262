package dev.unsafehints.lsp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Speaks JSON-RPC at the byte level, to send what a well-behaved LSP4J client never would
 * (malformed JSON, wrong framing, unknown methods) and to check the framing of everything that
 * comes back. Reads on its own thread; every frame it reads must be valid JSON-RPC.
 */
public final class RawJsonRpc implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutputStream out;
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Thread reader;
    private volatile Throwable readFailure;

    public RawJsonRpc(InputStream fromServer, OutputStream toServer) {
        this.out = toServer;
        this.reader = new Thread(() -> readLoop(fromServer), "raw-jsonrpc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring("content-length:".length()).trim());
                    }
                }
                if (length < 0) {
                    throw new IOException("a frame without Content-Length");
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                JsonNode message = JSON.readTree(body);
                if (!"2.0".equals(message.path("jsonrpc").asText())) {
                    throw new IOException("not JSON-RPC 2.0: " + message);
                }
                received.add(message);
            }
        } catch (EndOfStream e) {
            // the server closed its output
        } catch (Throwable t) {
            readFailure = t;
        }
    }

    private static final class EndOfStream extends IOException {
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EndOfStream();
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.US_ASCII);
        if (!s.endsWith("\r")) {
            throw new IOException("header line not ended by CRLF: " + s);
        }
        return s.substring(0, s.length() - 1);
    }

    /** Sends a body with a correct Content-Length header (the body itself may be anything). */
    public void sendRaw(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void request(int id, String method, String paramsJson) throws IOException {
        sendRaw("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    public void notify(String method, String paramsJson) throws IOException {
        sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    /** The response with this id (other messages met on the way are kept in {@link #seen()}). */
    public JsonNode response(int id) throws InterruptedException {
        return first(m -> m.has("id") && m.get("id").asInt() == id && !m.has("method"), "no response with id " + id);
    }

    /** The first notification of this method, waiting for it as {@link #response} waits. */
    public JsonNode notification(String method) throws InterruptedException {
        return first(m -> method.equals(m.path("method").asText()), "no " + method);
    }

    /** The first message, seen or still to come, that is {@code wanted}. */
    private JsonNode first(java.util.function.Predicate<JsonNode> wanted, String failure) throws InterruptedException {
        for (JsonNode m : seen()) {
            if (wanted.test(m)) {
                return m;
            }
        }
        long deadline = System.nanoTime() + RecordingClient.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (readFailure != null) {
                throw new AssertionError("the server wrote something that is not framed JSON-RPC", readFailure);
            }
            JsonNode m = received.poll(50, TimeUnit.MILLISECONDS);
            if (m == null) {
                continue;
            }
            seen.add(m);
            if (wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError(failure + "; saw " + seen);
    }

    public List<JsonNode> seen() {
        received.drainTo(seen);
        return seen;
    }

    public Throwable readFailure() {
        return readFailure;
    }

    public static final String INITIALIZE_PARAMS = "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}";

    @Override
    public void close() throws IOException {
        out.close();
    }
}
