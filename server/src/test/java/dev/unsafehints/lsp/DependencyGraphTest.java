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
            lsp.client.awaitDiagnostics(uri, p -> p.getDiagnostics().stream().map(Diagnostic::getMessage)
                    .anyMatch(m -> m.contains(DEPENDENCY_CALL)));
            assertTrue(Files.exists(marker), "cargo ran, and with it the project's rustc wrapper");
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
