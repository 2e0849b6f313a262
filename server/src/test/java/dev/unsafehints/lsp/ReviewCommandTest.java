package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.unsafehints.lsp.testing.LspHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's review command: the unsafe sites a change touches, with checklists, as the CLI gives them. */
class ReviewCommandTest {
    @Test
    void reviewChangesListsTheChangedSitesWithChecklists(@TempDir Path root) throws Exception {
        Path lib = root.resolve("src/lib.rs");
        Files.createDirectories(lib.getParent());
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.writeString(lib, "pub fn first(v: &[u8]) -> u8 {\n    v[0]\n}\n");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            PersonIdent me = new PersonIdent("Test", "test@example.com");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("safe").setAuthor(me).setCommitter(me).setSign(false).call();
        }
        Files.writeString(lib, "pub fn first(v: &[u8]) -> u8 {\n    assert!(!v.is_empty());\n"
                + "    unsafe { *v.as_ptr() }\n}\n");

        try (LspHarness lsp = LspHarness.start()) {
            InitializeResult init = lsp.initialize(root);
            assertTrue(init.getCapabilities().getExecuteCommandProvider().getCommands()
                    .contains(UnsafeHintsLanguageServer.CMD_REVIEW));
            Object result = LspHarness.get(lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    UnsafeHintsLanguageServer.CMD_REVIEW, List.of(root.toUri().toString(), "HEAD"))));
            JsonObject json = new Gson().toJsonTree(result).getAsJsonObject();
            String markdown = json.get("markdown").getAsString();
            assertTrue(markdown.contains("src/lib.rs"), markdown);
            JsonObject report = json.getAsJsonObject("report");
            JsonArray sites = report.getAsJsonArray("sites");
            assertTrue(sites.size() >= 1, report.toString());
            assertEquals("unsafe-block", sites.get(0).getAsJsonObject().get("kind").getAsString(), report.toString());
        }
    }

    /**
     * unsafe-hints.approveSite writes the ledger as `review --approve` does, over the wire: a site
     * named by the hash the review listed, another by a position inside it (the editor's cursor);
     * the next review shows both approved. Without a note, or at a place without a site, it says why.
     */
    @Test
    void approveSiteWritesTheLedgerByHashOrPosition(@TempDir Path root) throws Exception {
        Path lib = root.resolve("src/lib.rs");
        Files.createDirectories(lib.getParent());
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.writeString(lib, "pub fn first(v: &[u8]) -> u8 {\n    v[0]\n}\n");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            PersonIdent me = new PersonIdent("Test", "test@example.com");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("safe").setAuthor(me).setCommitter(me).setSign(false).call();
        }
        // line 2 (0-based) holds the first block, line 6 the second
        Files.writeString(lib, "pub fn first(v: &[u8]) -> u8 {\n    assert!(!v.is_empty());\n"
                + "    unsafe { *v.as_ptr() }\n}\n\npub fn second(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        String uri = lib.toUri().toString();

        try (LspHarness lsp = LspHarness.start()) {
            InitializeResult init = lsp.initialize(root);
            assertTrue(init.getCapabilities().getExecuteCommandProvider().getCommands()
                    .contains(UnsafeHintsLanguageServer.CMD_APPROVE));
            JsonArray sites = review(lsp, root).getAsJsonArray("sites");
            assertEquals(2, sites.size(), sites.toString());
            JsonObject first = sites.get(0).getAsJsonObject();
            assertEquals("unreviewed", first.get("status").getAsString());

            JsonObject byHash = approve(lsp, Map.of("uri", uri, "site", first.get("hash").getAsString().substring(0, 8),
                    "note", "v is not empty: asserted above", "by", "Reviewer One"));
            assertEquals(first.get("id").getAsString(), byHash.get("site").getAsString());
            assertEquals("Reviewer One", byHash.get("by").getAsString());
            assertEquals(root.toRealPath().resolve("unsafe-review.toml").toUri().toString(),
                    byHash.get("ledger").getAsString());
            // the cursor on `*p` inside the second block
            JsonObject byPosition = approve(lsp, Map.of("uri", uri, "position", Map.of("line", 6, "character", 14),
                    "note", "callers pass a valid pointer", "by", "Reviewer Two"));
            assertTrue(byPosition.get("item").getAsString().contains("second"), byPosition.toString());

            String ledger = Files.readString(root.resolve("unsafe-review.toml"));
            assertTrue(ledger.contains("by = \"Reviewer One\"") && ledger.contains("note = \"callers pass a valid pointer\""),
                    ledger);
            JsonObject after = review(lsp, root);
            for (var s : after.getAsJsonArray("sites")) {
                assertEquals("reviewed", s.getAsJsonObject().get("status").getAsString(), after.toString());
            }

            ExecutionException noNote = assertThrows(ExecutionException.class, () -> approve(lsp,
                    Map.of("uri", uri, "position", Map.of("line", 6, "character", 14), "note", " ", "by", "X")));
            assertTrue(noNote.getCause() instanceof ResponseErrorException
                    && noNote.getCause().getMessage().contains("note"), String.valueOf(noNote.getCause()));
            ExecutionException noSite = assertThrows(ExecutionException.class, () -> approve(lsp,
                    Map.of("uri", uri, "position", Map.of("line", 1, "character", 4), "note", "n", "by", "X")));
            assertTrue(noSite.getCause().getMessage().contains("no unsafe site at src/lib.rs:2:5"),
                    String.valueOf(noSite.getCause()));
        }
    }

    private static JsonObject review(LspHarness lsp, Path root) throws Exception {
        Object result = LspHarness.get(lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                UnsafeHintsLanguageServer.CMD_REVIEW, List.of(root.toUri().toString(), "HEAD"))));
        return new Gson().toJsonTree(result).getAsJsonObject().getAsJsonObject("report");
    }

    private static JsonObject approve(LspHarness lsp, Map<String, Object> argument) throws Exception {
        Object result = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                UnsafeHintsLanguageServer.CMD_APPROVE, List.of(argument))).get(60, java.util.concurrent.TimeUnit.SECONDS);
        return new Gson().toJsonTree(result).getAsJsonObject();
    }
}
