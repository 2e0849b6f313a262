package dev.unsafehints.engine;

import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macro names whose calls make a safe function's body worth parsing: the crate's
 * `macro_rules!` that write `unsafe` (from the index), and those of this very text whose
 * definition says `unsafe` or calls one of the crate's. Read from the text, not from whether the
 * index holds it, so that an edited document (the index holds its older text) and a full analysis
 * keep the same bodies. A name too many only costs a parse; a name too few hides an expansion.
 */
final class MacroSigns {
    /** `macro_rules! name {`, or a macros-2.0 `macro name(` / `macro name {`. */
    private static final Pattern DEFINITION =
            Pattern.compile("(?:macro_rules\\s*!\\s*|\\bmacro\\s+)([A-Za-z_][A-Za-z0-9_]*)\\s*([({\\[])");

    private MacroSigns() {
    }

    static Set<String> of(SourceDocument document, WorkspaceIndex index) {
        Set<String> crate = index.macrosWritingUnsafe(document.crate(), document.path());
        String text = document.text();
        if (!(text.contains("macro_rules") || text.contains("macro ")) || !text.contains("unsafe")) {
            return crate;
        }
        Set<String> names = new HashSet<>(crate);
        Matcher m = DEFINITION.matcher(text).useTransparentBounds(true); // `\b` sees the character before
        for (int at = text.indexOf("macro"); at >= 0; at = text.indexOf("macro", at)) {
            // every match starts at a "macro": trying there alone finds what find() finds, without
            // the regular expression's test at every character of the file
            if (!m.region(at, text.length()).lookingAt()) {
                at++;
                continue;
            }
            at = m.end();
            int end = closing(text, m.end(2) - 1);
            int next = end;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (m.group(2).equals("(") && next < text.length() && text.charAt(next) == '{') {
                end = closing(text, next); // `macro name($x:expr) { body }`: the body is the second group
            }
            String body = text.substring(m.end(2) - 1, end);
            if (body.contains("unsafe") || crate.stream().anyMatch(c -> body.contains(c + "!"))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The offset after the delimiter that closes the one at {@code open} (the end of the text if none does). */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }
}
