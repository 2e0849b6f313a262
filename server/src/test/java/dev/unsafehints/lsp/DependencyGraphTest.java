package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server reads the crate graph in the background and analyses the open files again
 * once the dependencies are known; it runs cargo only in a trusted workspace with
 * {@code unsafeHints.cargo.enable} on. The workspace here names a rustc wrapper in its
 * `.cargo/config.toml` that leaves a marker file when anything runs it (as `cargo metadata` does).
 */
class DependencyGraphTest {
    private static final String DEPENDENCY_CALL = "is declared `unsafe` in the dependency `ffi`";

    @TempDir
    Path dir;
    Path app;
    Path marker;

    @BeforeEach
    void workspace() throws Exception {
        assumeTrue(onPath("cargo"), "cargo is not installed; test skipped");
        copy(Path.of("src/test/resources/crate-graph"), dir);
        app = dir.toRealPath().resolve("app");
        marker = dir.toRealPath().resolve("MARKER");
        Path wrapper = dir.toRealPath().resolve("wrapper.sh");
        Files.writeString(wrapper, "#!/bin/sh\ntouch '" + marker + "'\nshift\nexec rustc \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        Files.createDirectories(app.resolve(".cargo"));
        Files.writeString(app.resolve(".cargo/config.toml"), "[build]\nrustc-wrapper = \"" + wrapper + "\"\n");
    }

    @Test
    void aTrustedWorkspaceWithCargoEnabledResolvesCallsIntoDependencies() throws Exception {
        try (LspHarness lsp = LspHarness.start(realRules())) {
            lsp.client.settings = JsonParser.parseString("{\"cargo\": {\"enable\": true}}");
            lsp.initialize(Capabilities.typicalEditor(), (Object) null, app);
            String uri = app.resolve("src/lib.rs").toUri().toString();
            lsp.open(uri, Files.readString(app.resolve("src/lib.rs")));
            var published = lsp.client.awaitDiagnostics(uri, p -> p.getDiagnostics().stream().map(Diagnostic::getMessage)
                    .anyMatch(m -> m.contains(DEPENDENCY_CALL)));
            assertTrue(Files.exists(marker), "cargo ran, and with it the project's rustc wrapper");
            // the hover names the package and version behind the name `ffi`, and quotes the callee's `# Safety`
            String text = Files.readString(app.resolve("src/lib.rs"));
            int offset = text.indexOf("ffi::sys_open(");
            int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
            int column = offset - text.lastIndexOf('\n', offset) - 1;
            org.eclipse.lsp4j.Hover hover = LspHarness.get(lsp.server.getTextDocumentService().hover(
                    new org.eclipse.lsp4j.HoverParams(new org.eclipse.lsp4j.TextDocumentIdentifier(uri),
                            new org.eclipse.lsp4j.Position(line, column + 6))));
            String md = hover.getContents().getRight().getValue();
            assertTrue(md.contains("`ffi::sys_open` is declared `unsafe` in the dependency `ffi` (mysys 0.3.0)"), md);
            assertTrue(md.contains("`path` must point to a NUL-terminated string."), md);
            // the declaration is a related location of the call's diagnostic, in the dependency's file
            Diagnostic call = published.getDiagnostics().stream()
                    .filter(d -> d.getMessage().contains("`ffi::sys_open` is declared")).findFirst().orElseThrow();
            assertTrue(call.getRelatedInformation().stream().anyMatch(r ->
                    r.getLocation().getUri().endsWith("/mysys/src/raw.rs")
                            && r.getLocation().getRange().getStart().getLine() == 5
                            && r.getMessage().contains("is declared here")), String.valueOf(call.getRelatedInformation()));
        }
    }

    @Test
    void anUntrustedWorkspaceNeverRunsCargo() throws Exception {
        JsonObject untrusted = JsonParser.parseString("{\"workspaceTrusted\": false}").getAsJsonObject();
        try (LspHarness lsp = LspHarness.start(realRules())) {
            lsp.client.settings = JsonParser.parseString("{\"cargo\": {\"enable\": true}}");
            lsp.initialize(Capabilities.typicalEditor(), untrusted, app);
            lsp.client.awaitLog(m -> m.contains("packages indexed"));
            assertFalse(Files.exists(marker), "cargo must not run in an untrusted workspace");
        }
    }

    @Test
    void cargoStaysOffUnlessTheSettingTurnsItOn() throws Exception {
        try (LspHarness lsp = LspHarness.start(realRules())) {
            lsp.initialize(app);
            lsp.client.awaitLog(m -> m.contains("packages indexed"));
            assertFalse(Files.exists(marker), "cargo.enable is off by default");
        }
    }

    @Test
    void aTestFileResolvesCallsIntoADevDependency() throws Exception {
        // the Cargo.lock route (cargo is off by default): `devsys` is only a dev-dependency of `app`
        copy(Path.of("src/test/resources/dev-deps"), dir.resolve("dev"));
        Path devApp = dir.toRealPath().resolve("dev/app");
        try (LspHarness lsp = LspHarness.start(realRules())) {
            lsp.initialize(devApp);
            String uri = devApp.resolve("tests/it.rs").toUri().toString();
            lsp.open(uri, Files.readString(devApp.resolve("tests/it.rs")));
            lsp.client.awaitDiagnostics(uri, p -> p.getDiagnostics().stream().map(Diagnostic::getMessage)
                    .anyMatch(m -> m.contains("`devsys::poke` is declared `unsafe` in the dependency `devsys` 0.4.0")));
        }
    }

    private static ServerOptions realRules() {
        return new ServerOptions(RuleCatalog.all(), Duration.ofMillis(10), Duration.ofMillis(100), 2);
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
