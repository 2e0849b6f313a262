package dev.unsafehints.engine;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.LintLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Where users silenced rules, applied centrally by the {@link Analyzer} (never inside a rule):
 * <ul>
 *   <li>a comment {@code // unsafe-hints: allow(rule-id, ...)} at the end of a line silences findings
 *       starting on that line; on a line of its own, findings starting on the next code line;</li>
 *   <li>the rustc and clippy lint attributes that mean the same ({@code #[allow(clippy::undocumented_unsafe_blocks)]}
 *       silences missing-safety-comment, ...), with {@code allow} or {@code expect}, on the item,
 *       statement or expression they are attached to, or for the whole module or block as inner
 *       attributes; and those that the file's module inherits from the crate root and the
 *       {@code mod} declarations above it (as if written at the top of the file). As in rustc the
 *       nearest level wins: a {@code warn}, {@code deny} or {@code forbid} inside re-enables.</li>
 * </ul>
 */
public final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile("unsafe-hints:\\s*allow\\(([^)]*)\\)");

    /** rustc/clippy lint names and the rule each one stands for. */
    static final Map<String, String> LINT_TO_RULE = dev.unsafehints.rules.RuleNames.LINT_TO_RULE;

    private final Map<String, Set<Integer>> lines = new HashMap<>();
    private final Map<String, List<Level>> ranges = new HashMap<>();
    /** Per rule: whether the levels the module inherits silence it in the whole file (absent: not set). */
    private final Map<String, Boolean> inherited = new HashMap<>();

    /** A lint level set by an attribute on the code in {@code range}. */
    private record Level(TextRange range, boolean silences) {
    }

    private Suppressions() {
    }

    static Suppressions of(FileModel model) {
        Suppressions s = new Suppressions();
        List<String> module = model.declarations().fileModulePath();
        if (!module.isEmpty()) {
            model.crateView().inheritedLintLevels(module).forEach((lint, level) -> {
                String rule = LINT_TO_RULE.get(lint);
                if (rule != null) {
                    s.inherited.put(rule, level.silences());
                }
            });
        }
        // Most files silence nothing: look at comments and attributes only when the text names
        // our comment marker or one of the lints (this runs on every keystroke in the editor).
        String text = model.source().text();
        if (text.contains("unsafe-hints")) {
            for (Token t : model.parsed().tokens().getTokens()) {
                int type = t.getType();
                if (type == RustLexer.LINE_COMMENT || type == RustLexer.BLOCK_COMMENT) {
                    s.comment(model, t);
                }
            }
        }
        if (namesALint(text, "allow") || namesALint(text, "expect") || s.inherited.containsValue(true)) {
            s.attributes(model, model.parsed().tree());
        }
        return s;
    }

    /** Whether some {@code allow(...)} (or {@code expect(...)}) in the text names one of our lints. */
    private static boolean namesALint(String text, String level) {
        for (int at = text.indexOf(level); at >= 0; at = text.indexOf(level, at + 1)) {
            int close = text.indexOf(')', at);
            String arguments = text.substring(at, close < 0 ? text.length() : Math.min(close, at + 2000));
            for (String lint : LINT_TO_RULE.keySet()) {
                if (arguments.contains(lint.substring(lint.lastIndexOf(':') + 1))) { // the name without "clippy::"
                    return true;
                }
            }
        }
        return false;
    }

    public boolean isSuppressed(String ruleId, TextRange range, SourceText source) {
        Set<Integer> l = lines.get(ruleId);
        if (l != null && l.contains(source.lineOf(range.start()))) {
            return true;
        }
        // the nearest attribute around the finding decides: the innermost range (the later
        // attribute of two on the same code, as in rustc)
        Level nearest = null;
        for (Level level : ranges.getOrDefault(ruleId, List.of())) {
            TextRange r = level.range();
            if (r.contains(range.start()) && (nearest == null || r.start() > nearest.range().start()
                    || r.start() == nearest.range().start() && r.end() <= nearest.range().end())) {
                nearest = level;
            }
        }
        if (nearest != null) {
            return nearest.silences();
        }
        return inherited.getOrDefault(ruleId, false);
    }

    private void comment(FileModel model, Token t) {
        Matcher m = COMMENT.matcher(t.getText());
        if (!m.find()) {
            return;
        }
        SourceText source = model.source();
        int start = model.startOf(t);
        int line = source.lineOf(start);
        boolean ownLine = source.lineText(line).substring(0, start - source.lineStart(line)).isBlank();
        int target = line;
        if (ownLine) {
            target = line + 1;
            while (target < source.lineCount() && (source.lineText(target).isBlank()
                    || source.lineText(target).strip().startsWith("//"))) {
                target++;
            }
        }
        for (String id : m.group(1).split(",")) {
            String rule = id.strip().toLowerCase(Locale.ROOT);
            if (!rule.isEmpty()) {
                lines.computeIfAbsent(rule, k -> new HashSet<>()).add(target);
            }
        }
    }

    private void attributes(FileModel model, ParseTree node) {
        if (node instanceof RustParser.AttrContext attr) {
            attribute(model, attr);
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            ParseTree child = node.getChild(i);
            if (child instanceof ParserRuleContext) {
                attributes(model, child);
            }
        }
    }

    private void attribute(FileModel model, RustParser.AttrContext attr) {
        List<String> rules = new ArrayList<>();
        boolean silences = false;
        for (LintLevel level : LintLevel.of(attr)) {
            String rule = LINT_TO_RULE.get(level.lint());
            if (rule != null) {
                rules.add(rule);
                silences = level.level().silences();
            }
        }
        if (rules.isEmpty()) {
            return;
        }
        // outer attribute: the node it is attached to; inner attribute: the enclosing module, fn or block
        ParserRuleContext owner = attr.getParent().getParent() != null ? attr.getParent().getParent() : attr;
        TextRange range = owner instanceof RustParser.CrateContext
                ? new TextRange(0, model.source().length()) : model.rangeOf(owner);
        for (String rule : rules) {
            ranges.computeIfAbsent(rule, k -> new ArrayList<>()).add(new Level(range, silences));
        }
    }
}
