package dev.unsafehints.engine;

import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macro names whose calls make a safe function's body worth parsing: the crate's
 * `macro_rules!` that write `unsafe` (from the index), and, when the index does not hold this very
 * text (an edited document) and it defines macros and says `unsafe`, every name it defines.
 * A name too many only costs a parse; a name too few hides an expansion.
 */
final class MacroSigns {
    private static final Pattern DEFINITION = Pattern.compile("macro_rules\\s*!\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private MacroSigns() {
    }

    static Set<String> of(SourceDocument document, WorkspaceIndex index) {
        Set<String> crate = index.macrosWritingUnsafe(document.crate());
        String text = document.text();
        if (!text.contains("macro_rules") || !text.contains("unsafe")
                || index.declarationsOf(document.crate(), document.path(), text).isPresent()) {
            return crate; // the index holds this very text: its macros are among the crate's
        }
        Set<String> names = new HashSet<>(crate);
        Matcher m = DEFINITION.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
