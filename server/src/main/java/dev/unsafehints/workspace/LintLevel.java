package dev.unsafehints.workspace;

import dev.unsafehints.grammar.RustParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lint level that an attribute sets, as written: {@code #[allow(clippy::missing_safety_doc)]} is
 * ({@code ALLOW}, {@code clippy::missing_safety_doc}). The index keeps them per file (inner
 * attributes) and per module declaration, so that a file's analysis knows the levels its module
 * inherits (see {@link WorkspaceIndex.CrateDeclarations#inheritedLintLevels}); which lint is which
 * rule is the engine's business.
 */
public record LintLevel(Level level, String lint) {
    /** The lint levels of rustc. */
    public enum Level {
        ALLOW, EXPECT, WARN, DENY, FORBID;

        /** Whether the lint is silenced at this level. */
        public boolean silences() {
            return this == ALLOW || this == EXPECT;
        }

        /** The level an attribute of this name sets, or null when it sets none. */
        public static Level named(String attribute) {
            return switch (attribute) {
                case "allow" -> ALLOW;
                case "expect" -> EXPECT;
                case "warn" -> WARN;
                case "deny" -> DENY;
                case "forbid" -> FORBID;
                default -> null;
            };
        }
    }

    private static final Pattern LINT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /** The levels one attribute sets ({@code allow(a, clippy::b, reason = "..")}); empty for other attributes. */
    public static List<LintLevel> of(RustParser.AttrContext attr) {
        if (attr == null || attr.attrBody() == null || attr.attrBody().attrInput() == null
                || attr.attrBody().attrInput().delimTokenTree() == null) {
            return List.of();
        }
        Level level = Level.named(attr.attrBody().simplePath().getText());
        if (level == null) {
            return List.of();
        }
        List<LintLevel> levels = new ArrayList<>();
        String arguments = STRING.matcher(attr.attrBody().attrInput().getText()).replaceAll("");
        Matcher m = LINT.matcher(arguments);
        while (m.find()) {
            if (!m.group().equals("reason")) {
                levels.add(new LintLevel(level, m.group()));
            }
        }
        return levels;
    }

    /** The level each lint is set to by these attributes, read in order (a later one wins, as in rustc). */
    static Map<String, Level> byLint(List<LintLevel> levels) {
        Map<String, Level> byLint = new HashMap<>();
        for (LintLevel l : levels) {
            byLint.put(l.lint(), l.level());
        }
        return byLint;
    }

    @Override
    public String toString() {
        return level.name().toLowerCase(Locale.ROOT) + "(" + lint + ")";
    }
}
