package dev.unsafehints.lsp.features;

import dev.unsafehints.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the comment lines right above a line of code, to quote them in hovers: the
 * {@code // SAFETY:} comment of an unsafe block and the {@code # Safety} section of an unsafe
 * fn's doc comment. Line-based on purpose: hovers only quote text, the rules decide what counts.
 */
final class CommentsAbove {
    private CommentsAbove() {
    }

    /** The {@code SAFETY:} comment directly above the line (from its marker on), if there is one. */
    static Optional<String> safetyComment(SourceText source, int line) {
        List<String> comments = new ArrayList<>();
        for (int l = line - 1; l >= 0; l--) {
            String text = source.lineText(l).strip();
            if (!text.startsWith("//")) {
                break;
            }
            comments.add(0, text.replaceFirst("^//+\\s?", ""));
        }
        for (int i = 0; i < comments.size(); i++) {
            int marker = comments.get(i).toUpperCase(Locale.ROOT).indexOf("SAFETY:");
            if (marker >= 0) {
                List<String> rest = new ArrayList<>();
                rest.add(comments.get(i).substring(marker + "SAFETY:".length()).strip());
                rest.addAll(comments.subList(i + 1, comments.size()));
                return Optional.of(String.join(" ", rest).strip());
            }
        }
        return Optional.empty();
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
