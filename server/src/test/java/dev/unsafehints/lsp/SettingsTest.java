package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.lsp.testing.LspHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editor settings ({@code unsafeHints}), the project's unsafe-hints.toml, and re-publishing on change. */
class SettingsTest {
    private static final String TEXT = "fn f(p: *const u8) -> u8 { unsafe { *p } }\n";

    private static JsonObject settings(String rule, String severity) {
        JsonObject rules = new JsonObject();
        rules.addProperty(rule, severity);
        JsonObject section = new JsonObject();
        section.add("rules", rules);
        return section;
    }

    private static boolean has(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals(rule));
    }

    private static DiagnosticSeverity severityOf(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals(rule)).findFirst()
                .orElseThrow().getSeverity();
    }

    @Test
    void editorSettingsApplyFromTheFirstPublication(@TempDir Path root) throws Exception {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.client.settings = settings("unsafe-block", "off");
            lsp.initialize(root);
            String uri = root.resolve("lib.rs").toUri().toString();
            PublishDiagnosticsParams first = lsp.client.awaitDiagnostics(uri, lsp.open(uri, TEXT));
            assertTrue(!has(first, "unsafe-block"), "turned off before the first analysis: " + first);
            assertTrue(has(first, "raw-pointer-deref"));
            assertEquals("unsafeHints", lsp.client.configurationRequests.get(0).getItems().get(0).getSection());
        }
    }

    @Test
    void didChangeConfigurationRereadsAndRepublishes(@TempDir Path root) {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            String uri = root.resolve("lib.rs").toUri().toString();
            int v = lsp.open(uri, TEXT);
            assertEquals(DiagnosticSeverity.Hint, severityOf(lsp.client.awaitDiagnostics(uri, v), "raw-pointer-deref"));
            int published = lsp.client.diagnosticsFor(uri).size();

            // a client that only says "something changed": the server asks with workspace/configuration
            lsp.client.settings = settings("raw-pointer-deref", "error");
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
            PublishDiagnosticsParams again = lsp.client.awaitDiagnostics(uri,
                    p -> lsp.client.diagnosticsFor(uri).indexOf(p) >= published);
            assertEquals(v, again.getVersion());
            assertEquals(DiagnosticSeverity.Error, severityOf(again, "raw-pointer-deref"));

            // a client that sends the section itself (VS Code's configuration sync)
            JsonObject pushed = new JsonObject();
            JsonObject section = settings("raw-pointer-deref", "information");
            pushed.add("unsafeHints", section);
            int before = lsp.client.diagnosticsFor(uri).size();
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(pushed));
            PublishDiagnosticsParams third = lsp.client.awaitDiagnostics(uri,
                    p -> lsp.client.diagnosticsFor(uri).indexOf(p) >= before);
            assertEquals(DiagnosticSeverity.Information, severityOf(third, "raw-pointer-deref"));
        }
    }

    @Test
    void anAnalysisThatChangesNothingIsNotSentAgain(@TempDir Path root) {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            String uri = root.resolve("lib.rs").toUri().toString();
            lsp.client.awaitDiagnostics(uri, lsp.open(uri, TEXT));
            UnsafeHintsLanguageServer server = lsp.session.server();
            Object first = server.analyses().current(uri);
            int published = lsp.client.diagnosticsFor(uri).size();

            // the same settings again: the open file is analysed again, to the same diagnostics
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
            lsp.client.await(() -> {
                var now = server.analyses().current(uri);
                return now != first && now.isDone() ? true : null;
            }, "the file analysed again");
            assertEquals(published, lsp.client.diagnosticsFor(uri).size(), lsp.client.diagnosticsFor(uri).toString());

            // settings that change a severity are sent, at the same version
            lsp.client.settings = settings("raw-pointer-deref", "error");
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
            PublishDiagnosticsParams changed = lsp.client.awaitDiagnostics(uri,
                    p -> lsp.client.diagnosticsFor(uri).indexOf(p) >= published);
            assertEquals(DiagnosticSeverity.Error, severityOf(changed, "raw-pointer-deref"));
            assertEquals(published + 1, lsp.client.diagnosticsFor(uri).size());
        }
    }

    @Test
    void readsTheProjectFileAndReloadsItWhenItChanges(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(ConfigFile.FILE_NAME), "[rules]\nmissing-safety-comment = \"error\"\n");
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            String uri = root.resolve("lib.rs").toUri().toString();
            int v = lsp.open(uri, TEXT);
            assertEquals(DiagnosticSeverity.Error, severityOf(lsp.client.awaitDiagnostics(uri, v), "missing-safety-comment"));

            Files.writeString(root.resolve(ConfigFile.FILE_NAME), "[rules]\nmissing-safety-comment = \"off\"\n");
            int before = lsp.client.diagnosticsFor(uri).size();
            lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(root.resolve(ConfigFile.FILE_NAME).toUri().toString(), FileChangeType.Changed))));
            PublishDiagnosticsParams after = lsp.client.awaitDiagnostics(uri,
                    p -> lsp.client.diagnosticsFor(uri).indexOf(p) >= before);
            assertTrue(!has(after, "missing-safety-comment"), after.toString());
        }
    }

    @Test
    void editorSettingsWinOverTheProjectFile(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(ConfigFile.FILE_NAME), "[rules]\nraw-pointer-deref = \"error\"\n");
        try (LspHarness lsp = LspHarness.start()) {
            lsp.client.settings = settings("raw-pointer-deref", "warning");
            lsp.initialize(root);
            String uri = root.resolve("lib.rs").toUri().toString();
            assertEquals(DiagnosticSeverity.Warning,
                    severityOf(lsp.client.awaitDiagnostics(uri, lsp.open(uri, TEXT)), "raw-pointer-deref"));
        }
    }

    @Test
    void badSettingsAreReportedAndTheRestStillApplies(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(ConfigFile.FILE_NAME), "[rules]\nunsafe-block = \"loud\"\n");
        try (LspHarness lsp = LspHarness.start()) {
            JsonObject section = settings("raw-pointer-deref", "sometimes");
            section.getAsJsonObject("rules").addProperty("unsafe-block", "off");
            section.getAsJsonObject("rules").addProperty("unsafe-blok", "off");
            section.addProperty("largeBlockThreshold", "big");
            section.getAsJsonObject("rules").addProperty("missing-safety-coment", "error");
            lsp.client.settings = section;
            lsp.initialize(root);
            lsp.client.awaitLog(m -> m.contains("unsafe-hints.toml:2:1: rules.unsafe-block: unknown level 'loud'"));
            lsp.client.awaitLog(m -> m.contains("editor settings: unknown rule `missing-safety-coment`, ignored; did"
                    + " you mean"));
            lsp.client.awaitLog(m -> m.contains("unsafeHints.rules.raw-pointer-deref"));
            lsp.client.awaitLog(m -> m.contains("unsafeHints.largeBlockThreshold must be a whole number"));
            lsp.client.awaitLog(m -> m.contains("editor settings: unknown rule `unsafe-blok`, ignored; did you mean"
                    + " `unsafe-block`?"));
            String uri = root.resolve("lib.rs").toUri().toString();
            PublishDiagnosticsParams p = lsp.client.awaitDiagnostics(uri, lsp.open(uri, TEXT));
            assertTrue(!has(p, "unsafe-block"));
            assertEquals(DiagnosticSeverity.Hint, severityOf(p, "raw-pointer-deref"));
        }
    }

    @Test
    void problemsOfTheProjectFileAreDiagnosticsOnIt(@TempDir Path root) throws Exception {
        Path config = root.resolve(ConfigFile.FILE_NAME);
        Files.writeString(config, "[rules]\nunsafe-block = \"loud\"\n");
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            String configUri = config.toUri().toString();
            PublishDiagnosticsParams broken = lsp.client.awaitDiagnostics(configUri, p -> !p.getDiagnostics().isEmpty());
            assertEquals(1, broken.getDiagnostics().size(), broken.toString());
            org.eclipse.lsp4j.Diagnostic error = broken.getDiagnostics().get(0);
            assertEquals(DiagnosticSeverity.Error, error.getSeverity());
            assertEquals("config", error.getCode().getLeft());
            assertEquals(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(1, 0),
                    new org.eclipse.lsp4j.Position(1, 21)), error.getRange());
            assertTrue(error.getMessage().contains("unknown level 'loud' (expected error, warning, note, hint or off)"),
                    error.getMessage());

            // a misspelled rule id: a warning with the rule meant, on the key
            Files.writeString(config, "[rules]\nunsafe-blok = \"off\"\n");
            lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(configUri, FileChangeType.Changed))));
            PublishDiagnosticsParams misspelled = lsp.client.awaitDiagnostics(configUri,
                    p -> p.getDiagnostics().size() == 1
                            && p.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Warning);
            org.eclipse.lsp4j.Diagnostic warning = misspelled.getDiagnostics().get(0);
            assertEquals("unknown rule `unsafe-blok`, ignored; did you mean `unsafe-block`?", warning.getMessage());
            assertEquals(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(1, 0),
                    new org.eclipse.lsp4j.Position(1, 19)), warning.getRange());

            // fixed: the diagnostics go
            Files.writeString(config, "[rules]\nunsafe-block = \"off\"\n");
            lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(configUri, FileChangeType.Changed))));
            lsp.client.awaitDiagnostics(configUri, p -> p.getDiagnostics().isEmpty());
        }
    }

    @Test
    void theNearestProjectFileApplies(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(ConfigFile.FILE_NAME), "[rules]\nraw-pointer-deref = \"error\"\n");
        Files.createDirectories(root.resolve("inner/src"));
        Files.writeString(root.resolve("inner/" + ConfigFile.FILE_NAME), "[rules]\nraw-pointer-deref = \"warning\"\n");
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize(root);
            String inner = root.resolve("inner/src/lib.rs").toUri().toString();
            String outer = root.resolve("src/lib.rs").toUri().toString();
            assertEquals(DiagnosticSeverity.Warning,
                    severityOf(lsp.client.awaitDiagnostics(inner, lsp.open(inner, TEXT)), "raw-pointer-deref"));
            assertEquals(DiagnosticSeverity.Error,
                    severityOf(lsp.client.awaitDiagnostics(outer, lsp.open(outer, TEXT)), "raw-pointer-deref"));
        }
    }
}
