package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import dev.unsafehints.rules.RuleCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/**
 * The block-level warnings (real rules) sit on {@code unsafe {}, not on every line of the block,
 * and the Problems panel lists each operation once: its own diagnostic, not again as a related
 * row of every block-level warning (issue 20, item 6).
 */
class BlockDiagnosticsTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/blocks.rs";
    private static final String TEXT = String.join("\n",
            "pub fn copy(p: *mut u8, q: *const u8, n: usize) {",
            "    unsafe {",
            "        let a = n + 1;",
            "        let b = a * 2;",
            "        let c = b - 1;",
            "        let d = c + a;",
            "        let e = d + b;",
            "        let f = e + c;",
            "        let g = f + d;",
            "        let h = g + e;",
            "        let i = h + f;",
            "        let j = i + g;",
            "        let k = j + h;",
            "        let _ = k;",
            "        *p = *q;",
            "    }",
            "}",
            "");

    @Test
    void blockWarningsSitOnTheKeywordAndNameNoOperationTwice() {
        try (LspHarness lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()))) {
            lsp.initialize();
            lsp.open(URI, TEXT);
            List<Diagnostic> all = lsp.client.awaitDiagnostics(URI, p -> p.getDiagnostics().stream()
                    .anyMatch(d -> "multiple-unsafe-ops".equals(d.getCode().getLeft()))).getDiagnostics();
            Map<String, Diagnostic> byRule = all.stream().collect(Collectors.toMap(d -> d.getCode().getLeft(),
                    d -> d, (a, b) -> a));
            Range head = Texts.rangeOf(TEXT, "unsafe {");
            for (String rule : List.of("missing-safety-comment", "multiple-unsafe-ops", "large-unsafe-block")) {
                assertEquals(head, byRule.get(rule).getRange(), rule);
            }
            // both operations are diagnostics of their own, so no block warning lists them again
            assertEquals(2, all.stream().filter(d -> "raw-pointer-deref".equals(d.getCode().getLeft())).count());
            assertNull(byRule.get("missing-safety-comment").getRelatedInformation());
            assertNull(byRule.get("multiple-unsafe-ops").getRelatedInformation());
        }
    }
}
