package dev.unsafehints.analysis;

import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Text for quick fixes: a {@code // SAFETY:} comment with one line per operation naming what must
 * hold, and a {@code # Safety} doc section. Inserted on their own line above the code they document,
 * with its indentation.
 */
public final class SafetyTemplates {
    private SafetyTemplates() {
    }

    /** The width template lines are wrapped at, indentation included (the usual editor ruler). */
    public static final int WIDTH = 100;
    /** The first line of the SAFETY template; a comment that still holds a {@code <...>} placeholder is no argument. */
    public static final String SAFETY_PLACEHOLDER = "<explain why every condition below holds here>";
    /** The placeholder of the {@code # Safety} template. */
    public static final String SAFETY_DOC_PLACEHOLDER = "<say why each condition holds, or list what callers must ensure>";

    /** What must hold for one operation to be sound, in a few words ({@link Obligations} says it). */
    public static String obligation(UnsafeOperation op, SourceText source) {
        Obligations.Contract contract = Obligations.of(op, source);
        String subject = Obligations.code(Obligations.shorten(op.subject()));
        switch (op.kind()) {
            case RAW_POINTER_DEREF:
                return subject + " (" + contract.access().description() + "): " + contract.brief("; ");
            case UNSAFE_CALL:
                if (!contract.calleeSafety().isEmpty()) {
                    return subject + ": " + firstSentence(contract.calleeSafety());
                }
                return subject + ": " + contract.brief("; ");
            default:
                return subject + ": " + contract.brief("; ");
        }
    }

    /**
     * A SAFETY comment block for the operations, each line prefixed with {@code indent}, one
     * condition line per operation (each kind of static or callee once), wrapped at {@link #WIDTH}.
     */
    public static String safetyComment(List<UnsafeOperation> operations, SourceText source, String indent,
                                       String newline) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("// SAFETY: ").append(SAFETY_PLACEHOLDER).append(newline);
        for (String line : conditionLines(operations, source)) {
            wrap(sb, indent + "// - ", indent + "//   ", line, newline);
        }
        return sb.toString();
    }

    /**
     * A {@code # Safety} section naming the conditions of the operations in the fn, so the author
     * decides for each whether the fn establishes it or callers must.
     */
    public static String safetyDocSection(List<UnsafeOperation> operations, SourceText source, String indent,
                                          String newline) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("/// # Safety").append(newline);
        sb.append(indent).append("///").append(newline);
        sb.append(indent).append("/// ").append(SAFETY_DOC_PLACEHOLDER).append(newline);
        List<String> lines = conditionLines(operations, source);
        if (!lines.isEmpty()) {
            sb.append(indent).append("///").append(newline);
            for (String line : lines) {
                wrap(sb, indent + "/// - ", indent + "///   ", line, newline);
            }
        }
        return sb.toString();
    }

    private static List<String> conditionLines(List<UnsafeOperation> operations, SourceText source) {
        List<String> lines = new ArrayList<>();
        for (UnsafeOperation op : operations) {
            String line = obligation(op, source);
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Appends {@code text} after {@code first}, continued after {@code rest}, breaking at spaces before {@link #WIDTH}. */
    static void wrap(StringBuilder sb, String first, String rest, String text, String newline) {
        String prefix = first;
        String remaining = text.strip();
        while (!remaining.isEmpty()) {
            int room = Math.max(20, WIDTH - prefix.length());
            if (remaining.length() <= room) {
                sb.append(prefix).append(remaining).append(newline);
                return;
            }
            int cut = remaining.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = remaining.indexOf(' ', room);
                if (cut < 0) {
                    sb.append(prefix).append(remaining).append(newline);
                    return;
                }
            }
            sb.append(prefix).append(remaining, 0, cut).append(newline);
            remaining = remaining.substring(cut + 1).strip();
            prefix = rest;
        }
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
