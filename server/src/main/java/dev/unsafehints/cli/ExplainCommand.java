package dev.unsafehints.cli;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import dev.unsafehints.rules.RuleNames;
import dev.unsafehints.rules.guideline.UnsafeCodeRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unsafe-hints explain RULE-ID}: a rule's whole document in the terminal, the way
 * {@code rustc --explain E0133} prints an error code's. {@code --list} lists every rule.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Print a rule's full document (what it finds, why it matters, what to do, an example),"
                + " like rustc --explain.", "", "Exit codes: 0 printed; 2 unknown rule id or bad usage.", ""})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "RULE-ID", description = "A rule id (raw-pointer-deref), or the"
            + " rustc or clippy lint that a rule stands for (unsafe_op_in_unsafe_fn, undocumented_unsafe_blocks)."
            + " Misspelt, it says what was meant.")
    String ruleId;

    @Option(names = "--list", description = "List every rule: id, default level, title.")
    boolean list;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (on a terminal, unless NO_COLOR is set), always or never.")
    String color;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean paint = Colors.enabled(color, true);
        if (list) {
            printList(out);
            return 0;
        }
        if (ruleId == null || ruleId.isBlank()) {
            err.println("unsafe-hints explain: give a RULE-ID, or --list to see them all");
            return 2;
        }
        String id = ruleId.strip().toLowerCase(Locale.ROOT);
        RuleDescriptor rule = RuleCatalog.byId(id).orElse(null);
        String lint = null;
        if (rule == null && RuleNames.ruleOfLint(id).isPresent()) {
            // a lint the suppressions map (`#[allow(clippy::undocumented_unsafe_blocks)]`): its rule
            lint = RuleNames.lintNamed(id).orElseThrow();
            id = RuleNames.ruleOfLint(id).orElseThrow();
            rule = RuleCatalog.byId(id).orElse(null);
        }
        boolean unsafeCodeLint = false;
        if (rule == null && RuleNames.bareLint(ruleId).equals("unsafe_code")) {
            // reported by its rule, but not silenced by the lint's `allow`: the inventory is not either
            unsafeCodeLint = true;
            id = UnsafeCodeRule.ID;
            rule = RuleCatalog.byId(id).orElse(null);
        }
        if (rule == null) {
            java.util.Optional<String> meant = RuleNames.suggestion(ruleId);
            if (meant.isPresent()) {
                err.println("unsafe-hints explain: unknown rule id `" + ruleId + "`; did you mean " + meant.get() + "?");
                err.println("(`unsafe-hints explain --list` lists every rule)");
            } else {
                err.println("unsafe-hints explain: unknown rule id `" + ruleId + "`. Known rule ids:");
                for (RuleDescriptor r : RuleCatalog.all()) {
                    err.println("  " + r.id());
                }
            }
            err.flush();
            return 2;
        }
        if (unsafeCodeLint) {
            out.println("rustc's `unsafe_code` is reported by the rule unsafe-code; `#[allow(unsafe_code)]` does not"
                    + " silence it, since an allowed place is still unsafe code to review.");
            out.println();
        }
        if (lint != null) {
            String owner = lint.startsWith("clippy::") ? "clippy's" : "rustc's";
            out.println(owner + " `" + lint + "` is checked by the rule " + rule.id() + "; `#[allow(" + lint
                    + ")]` silences it.");
            out.println();
        }
        String doc = RuleDocs.markdown(id).orElse(null);
        if (doc == null) {
            out.println(new Renderer(paint).heading(1, rule.title() + " (" + rule.id() + ")"));
            out.println();
            out.println("This rule has no document yet. Default level: " + rule.defaultSeverity().label() + ".");
        } else {
            out.print(new Renderer(paint).render(doc));
        }
        out.println();
        out.println("Default level: " + rule.defaultSeverity().label() + ". Online: "
                + RuleDocs.url(id));
        out.flush();
        return 0;
    }

    private static void printList(PrintWriter out) {
        List<RuleDescriptor> rules = RuleCatalog.all();
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (RuleDescriptor r : rules) {
            out.printf("%-" + width + "s  %-7s  %s%n", r.id(), r.defaultSeverity().label(), r.title());
        }
        out.flush();
    }

    /** Whether to use ANSI colours: asked for, or "auto" on an interactive terminal without NO_COLOR. */
    static final class Colors {
        private Colors() {
        }

        static boolean enabled(String when, boolean toTerminal) {
            String w = when == null ? "auto" : when.toLowerCase(Locale.ROOT);
            if (w.equals("always")) {
                return true;
            }
            if (w.equals("never")) {
                return false;
            }
            String noColor = System.getenv("NO_COLOR");
            String term = System.getenv("TERM");
            return toTerminal && System.console() != null && (noColor == null || noColor.isEmpty())
                    && !"dumb".equals(term);
        }
    }

    /**
     * Markdown to terminal text: headings without their {@code #} (bold, or underlined without
     * colour), fenced code blocks indented and kept verbatim, inline code and emphasis marked with
     * colour or left as written, links as "text (url)".
     */
    static final class Renderer {
        private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
        private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
        private static final Pattern CODE = Pattern.compile("`([^`]+)`");
        private final boolean color;

        Renderer(boolean color) {
            this.color = color;
        }

        String render(String markdown) {
            StringBuilder out = new StringBuilder();
            boolean inCode = false;
            for (String line : markdown.split("\\R", -1)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("```")) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    out.append("    ").append(paint("36", line)).append('\n');
                    continue;
                }
                int level = headingLevel(trimmed);
                if (level > 0) {
                    out.append(heading(level, inline(trimmed.substring(level).strip()))).append('\n');
                    continue;
                }
                out.append(inline(line)).append('\n');
            }
            return out.toString().replaceAll("\\n{3,}", "\n\n").stripTrailing() + "\n";
        }

        String heading(int level, String text) {
            if (color) {
                return paint(level == 1 ? "1;4" : "1", text);
            }
            if (level <= 2) {
                return text + "\n" + (level == 1 ? "=" : "-").repeat(Math.max(3, text.length()));
            }
            return text;
        }

        private String inline(String line) {
            Matcher link = LINK.matcher(line);
            String s = link.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
            if (!color) {
                return BOLD.matcher(s).replaceAll("$1");
            }
            s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(paint("1", m.group(1))));
            return CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(paint("36", m.group(1))));
        }

        private static int headingLevel(String line) {
            int n = 0;
            while (n < line.length() && line.charAt(n) == '#') {
                n++;
            }
            return n > 0 && n <= 6 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
        }

        private String paint(String code, String s) {
            return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
        }
    }
}
