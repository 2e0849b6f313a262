package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.WorkDoneProgressKind;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background indexing of the workspace with progress, and the unsafe-hints.inventory command. */
class WorkspaceTest {
    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Path crate(Path root) throws Exception {
        write(root.resolve("Cargo.toml"), "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        write(root.resolve("src/lib.rs"), "pub mod ptr;\npub fn safe() {}\n");
        write(root.resolve("src/ptr.rs"), "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        write(root.resolve("target/debug/build/gen.rs"), "fn g(p: *const u8) -> u8 { unsafe { *p } }\n");
        write(root.resolve(".git/hooks/x.rs"), "fn g(p: *const u8) -> u8 { unsafe { *p } }\n");
        return root;
    }

    /** The inventory as a list of JSON objects (what the client receives). */
    private static List<JsonObject> inventory(LspHarness lsp, Object... args) {
        Object result = LspHarness.get(lsp.server.getWorkspaceService().executeCommand(
                new ExecuteCommandParams(UnsafeHintsLanguageServer.CMD_INVENTORY, List.of(args))));
        List<JsonObject> sites = new ArrayList<>();
        for (JsonElement e : toJson(result).getAsJsonArray()) {
            sites.add(e.getAsJsonObject());
        }
        return sites;
    }

    /** LSP4J hands an untyped result over as Java collections; look at it as the JSON it was. */
    private static JsonElement toJson(Object result) {
        return result instanceof JsonElement ? (JsonElement) result : new com.google.gson.Gson().toJsonTree(result);
    }

    private static String kind(ProgressParams p) {
        WorkDoneProgressNotification n = p.getValue().getLeft();
        return n.getKind().toString();
    }

    @Test
    void indexesTheWorkspaceWithProgressAndAnswersTheInventory(@TempDir Path dir) throws Exception {
        Path root = crate(dir.toRealPath());
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            List<JsonObject> sites = inventory(lsp);
            assertEquals(List.of("unsafe-block", "raw-pointer-deref"),
                    sites.stream().map(s -> s.get("ruleId").getAsString()).toList(), sites.toString());
            JsonObject block = sites.get(0);
            assertEquals(root.resolve("src/ptr.rs").toUri().toString(), block.get("uri").getAsString());
            assertEquals("demo", block.get("crate").getAsString());
            assertEquals("src/ptr.rs", block.get("file").getAsString());
            assertEquals("inventory", block.get("kind").getAsString());
            assertEquals("operation", sites.get(1).get("kind").getAsString());
            assertEquals("note", block.get("severity").getAsString(), "one vocabulary: note, not info");
            assertEquals(1, block.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
            assertEquals(4, block.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
            assertTrue(block.get("message").getAsString().startsWith("unsafe block"));

            // work-done progress: a token was created, then begin, report(s), end with the totals
            var indexToken = lsp.client.progressTokens.get(0).getToken();
            List<String> kinds = lsp.client.progress.stream().filter(p -> p.getToken().equals(indexToken))
                    .map(WorkspaceTest::kind).toList();
            assertEquals(WorkDoneProgressKind.begin.toString(), kinds.get(0));
            assertEquals(WorkDoneProgressKind.end.toString(), kinds.get(kinds.size() - 1));
            assertTrue(kinds.contains(WorkDoneProgressKind.report.toString()));
            // then the dependencies are read, under a token of their own
            lsp.client.await(() -> lsp.client.progress.stream().anyMatch(p -> !p.getToken().equals(indexToken)
                    && p.getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressBegin b
                    && b.getTitle().equals("Reading dependencies")) ? true : null, "dependency progress");
        }
    }

    @Test
    void registersFileWatchersForRustFilesManifestsAndTheConfig(@TempDir Path dir) throws Exception {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(crate(dir.toRealPath()));
            lsp.client.await(() -> lsp.client.registrations.isEmpty() ? null : true, "registerCapability");
            Registration watch = lsp.client.registrations.get(0).getRegistrations().stream()
                    .filter(r -> r.getMethod().equals("workspace/didChangeWatchedFiles")).findFirst().orElseThrow();
            String options = watch.getRegisterOptions().toString();
            assertTrue(options.contains("**/*.rs") && options.contains("**/Cargo.toml")
                    && options.contains("**/unsafe-hints.toml"), options);
        }
    }

    @Test
    void followsFileChangesAndOpenDocumentEdits(@TempDir Path dir) throws Exception {
        Path root = crate(dir.toRealPath());
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            assertEquals(2, inventory(lsp).size());

            // a new file on disk
            Path added = root.resolve("src/added.rs");
            write(added, "fn a(p: *mut u8) { unsafe { *p = 1; } }\n");
            lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(added.toUri().toString(), FileChangeType.Created))));
            lsp.client.await(() -> inventory(lsp, added.toUri().toString()).size() == 2 ? true : null, "added.rs indexed");

            // an unsaved edit in the editor counts, not the disk
            String ptr = root.resolve("src/ptr.rs").toUri().toString();
            lsp.open(ptr, "pub fn read(p: *const u8) -> u8 {\n    0\n}\n");
            lsp.client.await(() -> inventory(lsp, ptr).isEmpty() ? true : null, "the open document's sites");

            // a deleted file disappears
            Files.delete(added);
            lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(added.toUri().toString(), FileChangeType.Deleted))));
            lsp.client.await(() -> inventory(lsp, added.toUri().toString()).isEmpty() ? true : null, "added.rs removed");

            // closing the document brings the disk's text back
            lsp.close(ptr);
            lsp.client.await(() -> inventory(lsp, ptr).size() == 2 ? true : null, "ptr.rs from disk again");
        }
    }

    @Test
    void statusReportsTheIndexAndUnknownCommandsAreRefused(@TempDir Path dir) throws Exception {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(crate(dir.toRealPath()));
            inventory(lsp);
            JsonObject status = (JsonObject) toJson(LspHarness.get(lsp.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams(UnsafeHintsLanguageServer.CMD_STATUS, List.of(new JsonPrimitive("gc"))))));
            assertEquals(2, status.get("indexedFiles").getAsInt());
            assertTrue(status.get("heapUsedBytes").getAsLong() > 0);
            ResponseErrorException error = org.junit.jupiter.api.Assertions.assertThrows(ResponseErrorException.class,
                    () -> LspHarness.get(lsp.server.getWorkspaceService().executeCommand(
                            new ExecuteCommandParams("unsafe-hints.nope", List.of()))));
            assertTrue(error.getMessage().contains("unknown command 'unsafe-hints.nope'"), error.getMessage());
        }
    }

    /** With the real rules: a call into another file of the crate is known to be unsafe through the index. */
    @Test
    void theIndexTellsTheAnalysisWhichFnsOfOtherFilesAreUnsafe(@TempDir Path dir) throws Exception {
        Path root = dir.toRealPath();
        write(root.resolve("Cargo.toml"), "[package]\nname = \"cross\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        write(root.resolve("src/lib.rs"), "pub mod danger;\npub mod user;\n");
        write(root.resolve("src/danger.rs"), "/// # Safety\n/// never\npub unsafe fn boom() {}\n");
        String user = "use crate::danger::boom;\n\npub fn call() {\n    // SAFETY: test\n    unsafe { boom() }\n}\n";
        write(root.resolve("src/user.rs"), user);
        try (LspHarness lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()))) {
            lsp.initialize(root);
            String uri = root.resolve("src/user.rs").toUri().toString();
            lsp.open(uri, user);
            org.eclipse.lsp4j.PublishDiagnosticsParams p = lsp.client.awaitDiagnostics(uri,
                    d -> d.getDiagnostics().stream().anyMatch(x -> x.getCode().getLeft().equals("unsafe-call")));
            org.eclipse.lsp4j.Diagnostic call = p.getDiagnostics().stream()
                    .filter(x -> x.getCode().getLeft().equals("unsafe-call")).findFirst().orElseThrow();
            assertEquals(4, call.getRange().getStart().getLine());
            assertTrue(call.getRelatedInformation().stream().anyMatch(
                    r -> r.getLocation().getUri().equals(root.resolve("src/danger.rs").toUri().toString())),
                    "related: the declaration in danger.rs: " + call.getRelatedInformation());
        }
    }
}
