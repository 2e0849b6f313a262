package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
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

    @Test
    void theDependencyViewListsTheGraphsPackagesAndAnalysesOneWhenAsked() throws Exception {
        copy(Path.of("src/test/resources/dev-deps"), dir.resolve("dev"));
        Path devApp = dir.toRealPath().resolve("dev/app");
        Path devsys = dir.toRealPath().resolve("dev/devsys");
        try (LspHarness lsp = LspHarness.start(realRules())) {
            lsp.initialize(devApp);
            lsp.client.awaitLog(m -> m.contains("packages indexed"));
            JsonObject list = dependencies(lsp);
            for (int tries = 0; !list.get("loaded").getAsBoolean() && tries < 200; tries++) {
                Thread.sleep(50); // the graph reaches the view just after the log line
                list = dependencies(lsp);
            }
            // the workspace's own crate is the inventory's, not a dependency
            assertEquals(1, list.getAsJsonArray("packages").size(), list.toString());
            JsonObject pkg = list.getAsJsonArray("packages").get(0).getAsJsonObject();
            assertEquals("devsys", pkg.get("name").getAsString());
            assertEquals("0.4.0", pkg.get("version").getAsString());
            assertEquals("path", pkg.get("source").getAsString());
            assertTrue(pkg.get("testOnly").getAsBoolean(), "only a dev-dependency brings it in");
            assertEquals(devsys.toString(), pkg.get("root").getAsString());

            JsonObject answer = dependencies(lsp, new JsonPrimitive(pkg.get("root").getAsString()));
            List<String> sites = new ArrayList<>();
            for (var e : answer.getAsJsonArray("sites")) {
                JsonObject site = e.getAsJsonObject();
                assertEquals("devsys 0.4.0", site.get("crate").getAsString());
                assertEquals("src/lib.rs", site.get("file").getAsString());
                assertEquals(devsys.resolve("src/lib.rs").toUri().toString(), site.get("uri").getAsString());
                sites.add(site.get("ruleId").getAsString() + "@" + site.getAsJsonObject("range")
                        .getAsJsonObject("start").get("line").getAsInt() + ":" + site.get("documented"));
            }
            // `pub unsafe fn poke` (documented), its SAFETY-commented block and the write through `p`,
            // and the documented unsafe method `Cell::poke_unchecked`
            assertEquals(List.of("unsafe-fn@30:\"yes\"", "unsafe-fn@6:\"yes\"", "unsafe-block@8:\"yes\"",
                            "raw-pointer-deref@8:null"),
                    sites.stream().filter(s -> !s.startsWith("unsafe-code")).sorted(java.util.Comparator
                            .comparing((String s) -> s.substring(s.indexOf('@'))).thenComparing(s -> !s.startsWith("unsafe-fn")))
                            .toList(), sites.toString());

            var unknown = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    UnsafeHintsLanguageServer.CMD_DEPENDENCIES, List.of(new JsonPrimitive(dir.toString()))));
            var error = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> unknown.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(String.valueOf(error.getCause()).contains("the crate graph has no dependency in"), String.valueOf(error));
        }
    }

    private static JsonObject dependencies(LspHarness lsp, Object... arguments) throws Exception {
        Object result = LspHarness.get(lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                UnsafeHintsLanguageServer.CMD_DEPENDENCIES, List.of(arguments))));
        return new com.google.gson.Gson().toJsonTree(result).getAsJsonObject();
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
