package dev.unsafehints.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue checks itself: every rule has a well-formed unique id, its document and its fixture. */
class RuleCatalogTest {
    private static final List<String> CONTRACT_IDS = List.of(
            "unsafe-block", "unsafe-fn", "unsafe-impl", "unsafe-trait", "extern-block", "static-mut", "union",
            "raw-pointer-cast", "raw-borrow", "inline-asm", "unsafe-attr", "raw-pointer-deref", "unsafe-call",
            "static-mut-access", "union-field-access", "inline-asm-use", "missing-safety-comment",
            "missing-safety-doc", "multiple-unsafe-ops", "large-unsafe-block", "unsafe-op-in-unsafe-fn",
            "unused-unsafe", "invalid-ptr-cast", "ptr-arg-deref-in-safe-fn", "static-mut-ref", "mem-uninitialized");

    @Test
    void everyContractIdIsARule() {
        Set<String> ids = new HashSet<>();
        RuleCatalog.all().forEach(r -> ids.add(r.id()));
        for (String id : CONTRACT_IDS) {
            assertTrue(ids.contains(id), "rule " + id + " is missing");
        }
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (RuleDescriptor r : RuleCatalog.all()) {
            assertTrue(r.id().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "bad id " + r.id());
            assertTrue(seen.add(r.id()), "duplicate id " + r.id());
            assertTrue(!r.title().isBlank() && !r.title().endsWith("."), "title of " + r.id());
        }
    }

    @Test
    void everyRuleHasItsDocumentWithTheFixedHeadings() {
        for (RuleDescriptor r : RuleCatalog.all()) {
            String doc = RuleDocs.markdown(r.id()).orElse(null);
            assertNotNull(doc, "missing docs/" + r.id() + ".md");
            assertTrue(doc.startsWith("# "), r.id() + ".md must start with a title");
            for (String heading : List.of("What it finds", "Why it matters", "What to do", "Example")) {
                assertTrue(!RuleDocs.section(r.id(), heading).isEmpty(), r.id() + ".md lacks '## " + heading + "'");
            }
            // two code blocks side by side do not say which is the problem: each is labelled
            String example = RuleDocs.section(r.id(), "Example");
            assertTrue(example.matches("(?s)\\s*Before:\\s*```rust\\n.*```\\s*After:\\s*```rust\\n.*```\\s*"),
                    r.id() + ".md: the example is 'Before:' and 'After:', each a rust block\n" + example);
        }
    }

    @Test
    void everyRuleHasAFixtureWithAPositiveCase() throws Exception {
        for (RuleDescriptor r : RuleCatalog.all()) {
            String text = RuleFixtureTest.fixture(r.id());
            assertTrue(!RuleFixtureTest.expectedLines(text, r.id()).isEmpty(), r.id() + ".rs has no //~ marker");
        }
    }

    @Test
    void docsUrlIsBuiltFromTheId() {
        for (RuleDescriptor r : RuleCatalog.all()) {
            assertEquals(RuleDocs.url(r.id()), r.docsUrl());
            assertTrue(r.docsUrl().endsWith("/" + r.id() + ".md"));
        }
    }
}
