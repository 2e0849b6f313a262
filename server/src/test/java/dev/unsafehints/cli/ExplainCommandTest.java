package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code unsafe-hints explain}: a rule's document in the terminal, the list of rules, unknown ids. */
class ExplainCommandTest {
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        int code = cmd.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void helpAndHelpOfACommandWork() {
        assertEquals(0, run("help"));
        assertTrue(out.contains("scan") && out.contains("explain"), out);
        assertEquals(0, run("help", "scan"));
        assertTrue(out.contains("--file-time-limit") && out.contains("--no-cargo"), out);
    }

    @Test
    void listShowsEveryRuleWithSeverityAndTitle() {
        assertEquals(0, run("explain", "--list"));
        for (RuleDescriptor r : RuleCatalog.all()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(r.id() + " ") && l.contains(r.title())
                    && l.contains(" " + r.defaultSeverity().label() + " ")), r.id() + "\n" + out);
        }
        assertFalse(out.contains(" info "), "levels are printed as everywhere: note, not info\n" + out);
    }

    @Test
    void aMisspelledIdSaysWhatWasMeant() {
        assertEquals(2, run("explain", "unsafe-blok"));
        assertEquals("unsafe-hints explain: unknown rule id `unsafe-blok`; did you mean `unsafe-block`?\n"
                + "(`unsafe-hints explain --list` lists every rule)\n", err.replace("\r\n", "\n"));
        assertEquals(2, run("explain", "missing_safety_coment"));
        assertTrue(err.contains("did you mean `missing-safety-comment`?"), err);
    }

    @Test
    void aLintThatTheSuppressionsMapExplainsItsRule() {
        assertEquals(0, run("explain", "clippy::undocumented_unsafe_blocks", "--color", "never"));
        assertTrue(out.startsWith("clippy's `clippy::undocumented_unsafe_blocks` is checked by the rule"
                + " missing-safety-comment; `#[allow(clippy::undocumented_unsafe_blocks)]` silences it.\n"), out);
        assertTrue(out.contains(RuleDocs.url("missing-safety-comment")), out);
        assertEquals(0, run("explain", "unsafe_op_in_unsafe_fn", "--color", "never"));
        assertTrue(out.startsWith("rustc's `unsafe_op_in_unsafe_fn` is checked by the rule unsafe-op-in-unsafe-fn;"), out);
        assertEquals(0, run("explain", "missing_safety_doc", "--color", "never"), "without clippy:: too");
        assertTrue(out.contains("rule missing-safety-doc"), out);
    }

    @Test
    void rustcsUnsafeCodeLintAndARustcPrefixAreUnderstood() {
        assertEquals(0, run("explain", "rustc::unsafe_op_in_unsafe_fn", "--color", "never"));
        assertTrue(out.startsWith("rustc's `unsafe_op_in_unsafe_fn` is checked by the rule unsafe-op-in-unsafe-fn;"), out);
        assertEquals(2, run("explain", "x-unsafe-op-in-unsafe-fn"));
        assertTrue(err.contains("did you mean `unsafe-op-in-unsafe-fn`?"), "the longest rule id it holds: " + err);
        assertEquals(0, run("explain", "unsafe_code", "--color", "never"));
        assertTrue(out.startsWith("rustc's `unsafe_code` is reported by the rule unsafe-code;"), out);
        assertTrue(out.contains("unsafe-code: Unsafe code"), out);
        assertFalse(out.contains("unsafe-call"), "it was `did you mean unsafe-call`: " + out);
    }

    @Test
    void aKnownRulePrintsItsDocumentAsPlainText() {
        assertEquals(0, run("explain", "raw-pointer-deref", "--color", "never"));
        RuleDescriptor rule = RuleCatalog.byId("raw-pointer-deref").orElseThrow();
        String doc = RuleDocs.markdown(rule.id()).orElse(null);
        if (doc == null) {
            assertTrue(out.contains(rule.title()), out);
        } else {
            assertTrue(out.contains("What it finds\n-------------"), out);
            assertFalse(out.contains("## "), "headings lose their #");
            assertFalse(out.contains("```"), "code fences are dropped, their code indented");
        }
        assertTrue(out.contains(RuleDocs.url(rule.id())), out);
        assertFalse(out.contains("\u001b["), out);
    }

    @Test
    void anUnknownIdExitsTwoAndListsTheKnownOnes() {
        assertEquals(2, run("explain", "no-such-rule"));
        assertTrue(err.contains("unknown rule id `no-such-rule`"), err);
        assertTrue(err.contains("  unsafe-block"), err);
        assertEquals(2, run("explain"));
    }

    @Test
    void markdownIsRenderedForTheTerminal() {
        String md = "# Title here\n\nSome `code` and **bold** and a [link](https://example.org/x).\n\n"
                + "## What to do\n\n```rust\nlet x = unsafe { *p };\n```\n";
        String plain = new ExplainCommand.Renderer(false).render(md);
        assertEquals("Title here\n==========\n\nSome `code` and bold and a link (https://example.org/x).\n\n"
                + "What to do\n----------\n\n    let x = unsafe { *p };\n", plain);
        String colored = new ExplainCommand.Renderer(true).render(md);
        assertTrue(colored.contains("\u001b[1;4mTitle here\u001b[0m"), colored);
        assertTrue(colored.contains("\u001b[36mcode\u001b[0m"), colored);
        assertTrue(colored.contains("    \u001b[36mlet x = unsafe { *p };\u001b[0m"), colored);
    }
}
