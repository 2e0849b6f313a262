package dev.unsafehints.lsp.features;

import dev.unsafehints.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the doc comment lines right above an unsafe fn, to quote its {@code # Safety} section in
 * hovers. Line-based on purpose: hovers only quote text, the rules decide what counts (a block's
 * SAFETY comment is the analysis' find, {@code SafetyComments}).
 */
final class CommentsAbove {
    private CommentsAbove() {
    }

    /**
     * The text of the {@code # Safety} section in the {@code ///} doc comment above the item on
     * {@code line} (attributes between the doc and the item are skipped).
     */
    static Optional<String> safetyDocSection(SourceText source, int line) {
        List<String> doc = new ArrayList<>();
        for (int l = line - 1; l >= 0; l--) {
            String text = source.lineText(l).strip();
            if (text.startsWith("#[") || text.startsWith("#![") || text.isEmpty() && doc.isEmpty()) {
                continue;
            }
            if (!text.startsWith("///") || text.startsWith("////")) {
                break;
            }
            doc.add(0, text.substring(3).replaceFirst("^ ", ""));
        }
        StringBuilder section = null;
        for (String l : doc) {
            String heading = l.strip();
            if (heading.startsWith("#")) {
                if (section != null) {
                    break;
                }
                if (heading.replaceFirst("^#+", "").strip().equalsIgnoreCase("Safety")) {
                    section = new StringBuilder();
                }
                continue;
            }
            if (section != null) {
                section.append(l).append('\n');
            }
        }
        return section == null || section.toString().isBlank() ? Optional.empty()
                : Optional.of(section.toString().strip());
    }
}
