package dev.unsafehints.analysis;

import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.List;

/**
 * Text for quick fixes: a {@code // SAFETY:} comment with one line per operation naming what must
 * hold, and a {@code # Safety} doc section. Inserted on their own line above the code they document,
 * with its indentation.
 */
public final class SafetyTemplates {
    private SafetyTemplates() {
    }

    /** What must hold for one operation to be sound, in a few words. */
    public static String obligation(UnsafeOperation op) {
        switch (op.kind()) {
            case RAW_POINTER_DEREF:
                return "`" + UnsafeFactsBuilder.shorten(op.subject()) + "` is non-null, aligned, points to an"
                        + " initialized value that lives long enough, and no conflicting reference exists";
            case UNSAFE_CALL:
                String doc = firstSentence(op.safetyDoc());
                return "`" + op.subject() + "`: " + (doc.isEmpty() ? "its safety contract holds (see its docs)" : doc);
            case STATIC_MUT_ACCESS:
                return "nothing else reads or writes `" + op.subject() + "` at the same time (no other thread,"
                        + " no live reference)";
            case UNION_FIELD_ACCESS:
                return "field `" + op.subject() + "` holds a valid value of its type (it was the last one written)";
            case INLINE_ASM:
                return "the assembly only touches what its operands and options declare";
            default:
                return op.what();
        }
    }

    /** A SAFETY comment block for the operations, each line prefixed with {@code indent}. */
    public static String safetyComment(List<UnsafeOperation> operations, String indent, String newline) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("// SAFETY: <explain why every condition below holds here>").append(newline);
        for (UnsafeOperation op : operations) {
            sb.append(indent).append("// - ").append(obligation(op)).append(newline);
        }
        return sb.toString();
    }

    public static String safetyDocSection(String indent, String newline) {
        return indent + "/// # Safety" + newline
                + indent + "///" + newline
                + indent + "/// Callers must ensure that <the conditions under which this call is sound>." + newline;
    }

    /** An edit inserting {@code text} (already indented, ending with a newline) before the line of {@code offset}. */
    public static TextEdit insertAboveLine(SourceText source, int offset, String text) {
        int line = source.lineOf(offset);
        int start = source.lineStart(line);
        return new TextEdit(new TextRange(start, start), text);
    }

    /** The leading whitespace of the line holding {@code offset}. */
    public static String indentationAt(SourceText source, int offset) {
        String line = source.lineText(source.lineOf(offset));
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** The file's line break: CRLF if it uses it, else LF. */
    public static String newlineOf(SourceText source) {
        return source.newline();
    }

    private static String firstSentence(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        int dot = t.indexOf(". ");
        String s = dot > 0 ? t.substring(0, dot + 1) : t;
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
