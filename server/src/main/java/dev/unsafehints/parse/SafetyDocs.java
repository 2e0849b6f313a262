package dev.unsafehints.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads "# Safety" sections of doc comments. */
public final class SafetyDocs {
    // "# Safety" as a heading of any level, in any case; any heading with the word "safety" in it
    // counts too ("# Implementation safety"), as for clippy; a heading of words only, so that a
    // hidden line of a doc test (`# let safety = ..;`) is none. The plain one is preferred when both are there.
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s*#+\\s*safety\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING_WITH_SAFETY = Pattern.compile(
            "(?m)^\\s*#+[ \\t]*(?:[\\p{L}\\p{N}'’ \\t-]*[ \\t])?safety(?:[ \\t][\\p{L}\\p{N}'’ \\t-]*)?[ \\t]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_HEADING = Pattern.compile("(?m)^\\s*#+\\s*\\S");

    private SafetyDocs() {
    }

    /** Whether a line of docs starts a section (and so ends a `# Safety` section above it). */
    public static boolean isHeading(String docLine) {
        return NEXT_HEADING.matcher(docLine).lookingAt();
    }

    public static boolean hasSafetySection(String docs) {
        return docs != null && HEADING_WITH_SAFETY.matcher(docs).find();
    }

    /** A {@code # Safety} section that is not an unedited template (no {@code <...>} placeholder in it). */
    public static boolean hasWrittenSafetySection(String docs) {
        return hasSafetySection(docs) && !CommentTokens.hasPlaceholder(safetySection(docs));
    }

    /**
     * The text of the "# Safety" section, without its heading, trimmed, its lines without trailing
     * whitespace (which says nothing, and would make a stray space typed in the docs change the
     * file's declarations); empty when absent.
     */
    public static String safetySection(String docs) {
        if (docs == null) {
            return "";
        }
        Matcher m = HEADING.matcher(docs);
        if (!m.find()) {
            m = HEADING_WITH_SAFETY.matcher(docs);
            if (!m.find()) {
                return "";
            }
        }
        String rest = docs.substring(m.end());
        Matcher next = NEXT_HEADING.matcher(rest);
        String section = (next.find() ? rest.substring(0, next.start()) : rest).strip();
        if (section.isEmpty()) {
            return "";
        }
        return section.lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n"));
    }
}
