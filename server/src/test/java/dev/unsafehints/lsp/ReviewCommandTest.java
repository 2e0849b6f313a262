package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.unsafehints.lsp.testing.LspHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
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
}
