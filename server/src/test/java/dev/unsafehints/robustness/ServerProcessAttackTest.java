package dev.unsafehints.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.RawJsonRpc;
import dev.unsafehints.lsp.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unsafe-hints serve} as a real process whose editor dies without {@code shutdown} and
 * without closing the server's input (as when an editor is killed and its child's pipe is
 * inherited elsewhere): the server notices the editor's pid is gone and exits with 1 by itself.
 */
class ServerProcessAttackTest {
    @Test
    void exitsWhenItsClientProcessIsGone(@TempDir Path dir) throws Exception {
        Process editor = new ProcessBuilder("sleep", "600").start();
        Process server = new ProcessBuilder(ServerProcess.serve())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (RawJsonRpc rpc = new RawJsonRpc(server.getInputStream(), server.getOutputStream())) {
            rpc.request(1, "initialize", "{\"processId\":" + editor.pid() + ",\"rootUri\":null,\"capabilities\":{}}");
            assertTrue(rpc.response(1).has("result"));
            rpc.notify("initialized", "{}");
            assertFalse(server.waitFor(1, TimeUnit.SECONDS), "the server must live while its editor does");
            editor.destroy();
            assertTrue(editor.waitFor(30, TimeUnit.SECONDS));
            // the server polls every 3 s; the bound only turns a server that never exits into a failure
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server outlived its editor");
            assertEquals(1, server.exitValue());
            String log = Files.readString(dir.resolve("stderr.txt"));
            assertTrue(log.contains("client process " + editor.pid() + " has exited"), log);
        } finally {
            editor.destroyForcibly();
            server.destroyForcibly();
        }
    }
}
