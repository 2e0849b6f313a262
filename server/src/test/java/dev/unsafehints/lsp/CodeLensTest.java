package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.unsafehints.lsp.features.CodeLenses;
import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import dev.unsafehints.rules.RuleCatalog;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Code lenses with the real rules: a command only for clients that run it, and the SAFETY part a
 * fact of the code (not of which rules are on, suppressed, or whether the comment is a template).
 */
class CodeLensTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/lenses.rs";
    private static final String TEXT = String.join("\n",
            "pub fn read(p: *const u8) -> u8 {",
            "    // SAFETY: `p` is valid for reads (the caller's contract)",
            "    unsafe { *p }",
            "}",
            "",
            "pub fn quiet(p: *const u8) -> u8 {",
            "    // unsafe-hints: allow(missing-safety-comment)",
            "    unsafe { *p }",
            "}",
            "",
            "pub fn templated(p: *const u8) -> u8 {",
            "    // SAFETY: <explain why every condition below holds here>",
            "    // - `p` (read): non-null; aligned",
            "    unsafe { *p }",
            "}",
            "",
            "/// # Safety",
            "///",
            "/// <say why each condition holds, or list what callers must ensure>",
            "pub unsafe fn raw(p: *const u8) -> u8 {",
            "    unsafe { *p }",
            "}",
            "");
    private LspHarness lsp;

    private List<? extends CodeLens> lenses(ClientCapabilities caps) {
        lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()));
        lsp.initialize(caps);
        lsp.open(URI, TEXT);
        return LspHarness.get(lsp.server.getTextDocumentService().codeLens(
                new CodeLensParams(new TextDocumentIdentifier(URI))));
    }

    @AfterEach
    void stop() {
        lsp.close();
    }

    @Test
    void theSafetyPartIsAFactOfTheCodeNotOfTheRulesShown() {
        List<String> titles = lenses(Capabilities.typicalEditor()).stream().map(l -> l.getCommand().getTitle())
                .collect(Collectors.toList());
        assertEquals(List.of("1 unsafe operation · SAFETY documented",
                // suppressing the warning does not document the block
                "1 unsafe operation · no SAFETY comment",
                // an unedited template documents nothing
                "1 unsafe operation · SAFETY comment is the template",
                "unsafe fn · # Safety is the template",
                "1 unsafe operation · no SAFETY comment"), titles);
    }

    @Test
    void anUneditedTemplateKeepsAWarning() {
        lenses(Capabilities.typicalEditor());
        List<Diagnostic> diagnostics = lsp.client.awaitDiagnostics(URI, p -> p.getDiagnostics().stream()
                .anyMatch(x -> x.getMessage().contains("still the template"))).getDiagnostics();
        List<String> templates = diagnostics.stream().filter(d -> d.getMessage().contains("still the template")
                        && !"unsafe-block".equals(d.getCode().getLeft()))
                .map(d -> d.getCode().getLeft() + " " + d.getRange().getStart().getLine()).collect(Collectors.toList());
        assertEquals(List.of("missing-safety-comment 13", "missing-safety-doc 19"), templates);
    }

    @Test
    void blockAndFnDiagnosticsCarryWhetherTheSiteIsDocumentedForTheClientsCounts() {
        lenses(Capabilities.typicalEditor());
        List<Diagnostic> diagnostics = lsp.client.awaitDiagnostics(URI, p -> p.getDiagnostics().stream()
                .anyMatch(x -> "unsafe-fn".equals(x.getCode().getLeft()))).getDiagnostics();
        List<String> documented = diagnostics.stream()
                .filter(d -> List.of("unsafe-block", "unsafe-fn").contains(d.getCode().getLeft()))
                .map(d -> d.getCode().getLeft() + " " + d.getRange().getStart().getLine() + " "
                        + ((com.google.gson.JsonObject) d.getData()).get("documented").getAsString())
                .collect(Collectors.toList());
        assertEquals(List.of("unsafe-block 2 yes", "unsafe-block 7 no", "unsafe-block 13 template",
                "unsafe-fn 19 template", "unsafe-block 20 no"), documented);
    }

    @Test
    void aClientThatRunsTheCommandGetsItOthersGetTheTitleWithoutALink() {
        List<? extends CodeLens> plain = lenses(Capabilities.typicalEditor());
        assertTrue(plain.stream().allMatch(l -> l.getCommand().getCommand().isEmpty()), plain::toString);
        lsp.close();

        ClientCapabilities caps = Capabilities.typicalEditor();
        JsonArray names = new JsonArray();
        names.add(CodeLenses.SHOW_OPERATIONS);
        JsonObject commands = new JsonObject();
        commands.add("commands", names);
        JsonObject experimental = new JsonObject();
        experimental.add("commands", commands);
        caps.setExperimental(experimental);
        List<? extends CodeLens> withCommand = lenses(caps);
        CodeLens first = withCommand.get(0);
        assertEquals(CodeLenses.SHOW_OPERATIONS, first.getCommand().getCommand());
        assertEquals(3, first.getCommand().getArguments().size());
        assertEquals(Texts.at(TEXT, "unsafe { *p }"), first.getRange().getStart());
    }
}
