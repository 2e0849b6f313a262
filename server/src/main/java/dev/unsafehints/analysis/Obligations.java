package dev.unsafehints.analysis;

import dev.unsafehints.text.Snippets;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one source of what must hold for an unsafe operation to be sound: a dereference's conditions
 * (non-null, aligned, valid for the access, initialized, no aliasing conflict, not dangling), a
 * call's contract (the callee's own {@code # Safety} section, quoted; for the standard library, the
 * conditions of {@link StdContracts}), a mutable static's and a union field's. The hover, the
 * {@code // SAFETY:} template, the review checklist and the reports all read it from here, so they
 * cannot disagree.
 */
public final class Obligations {
    private static final Pattern ASSIGNMENT_AFTER = Pattern.compile(
            "^\\s*(?:\\.\\s*\\w+\\s*|\\[[^\\]]*\\]\\s*)*(?:<<|>>|[-+*/%&|^])?=(?!=)");

    private Obligations() {
    }

    /** How a dereference uses the pointee. */
    public enum Access {
        READ("read"), WRITE("write"), BORROW("reference");

        private final String description;

        Access(String description) {
            this.description = description;
        }

        /** "read", "write", "reference". */
        public String description() {
            return description;
        }
    }

    /**
     * One condition.
     *
     * @param concern    what it is about (for the check whether a SAFETY comment mentions it)
     * @param text       the condition as a sentence
     * @param brief      the condition in a few words, for one-line summaries
     * @param extraWords words besides the concern's own that count as mentioning it
     */
    public record Obligation(Concern concern, String text, String brief, List<String> extraWords) {
        public Obligation {
            extraWords = List.copyOf(extraWords);
        }
    }

    /**
     * What one operation requires.
     *
     * @param obligations the conditions, in the order to argue them
     * @param calleeSafety the callee's own {@code # Safety} section (stripped), or empty
     * @param access      for a dereference, how the pointee is used; else null
     * @param origin      where the conditions come from, for a reader: "its `# Safety` section",
     *                    "the standard library's documentation", or empty
     */
    public record Contract(List<Obligation> obligations, String calleeSafety, Access access, String origin) {
        public Contract {
            obligations = List.copyOf(obligations);
            calleeSafety = calleeSafety == null ? "" : calleeSafety;
            origin = origin == null ? "" : origin;
        }

        /** The conditions in a few words each, joined: "non-null · aligned · ...". */
        public String brief() {
            return brief(" · ");
        }

        /** The conditions in a few words each, joined with {@code separator}. */
        public String brief(String separator) {
            List<String> parts = new ArrayList<>();
            for (Obligation o : obligations) {
                if (!parts.contains(o.brief())) {
                    parts.add(o.brief());
                }
            }
            return String.join(separator, parts);
        }
    }

    /** The contract of an operation the analysis found. */
    public static Contract of(UnsafeOperation op, SourceText source) {
        return of(op.kind(), op.subject(), op.safetyDoc(), op.declaration() != null, source, op.range());
    }

    /**
     * The contract of an operation known by its kind and subject (as a finding carries them).
     *
     * @param declared whether the analysis knows where the callee is declared (a call without a
     *                 {@code # Safety} section then asks for one)
     */
    public static Contract of(OperationKind kind, String subject, String safetyDoc, boolean declared,
                              SourceText source, TextRange range) {
        String s = subject == null ? "" : subject;
        switch (kind) {
            case RAW_POINTER_DEREF: {
                Access access = source == null || range == null ? Access.READ : accessOf(source, range);
                return new Contract(deref(code(shorten(s)), access), "", access, "");
            }
            case UNSAFE_CALL:
                return call(s, safetyDoc, declared);
            case STATIC_MUT_ACCESS: {
                String name = code(s);
                return new Contract(List.of(
                        new Obligation(Concern.THREADS, "No other thread, interrupt or re-entrant call accesses " + name
                                + " during this access.", "no concurrent access", List.of()),
                        new Obligation(Concern.NO_ALIASING, "No reference to " + name + " is alive across this access.",
                                "no live reference to it", List.of())), "", null, "");
            }
            case UNION_FIELD_ACCESS:
                return new Contract(List.of(new Obligation(Concern.ACTIVE_FIELD, "Field " + code(s) + " holds a valid"
                        + " value: it was the field written last, or every bit pattern is valid for its type.",
                        "the field read is the one written last", List.of())), "", null, "");
            case INLINE_ASM:
            default:
                return new Contract(List.of(new Obligation(Concern.ASSEMBLY, "The operands, clobbers and options declare"
                        + " every register, memory access and flag the assembly touches.",
                        "operands and options declare everything it touches", List.of())), "", null, "");
        }
    }

    /**
     * The contract of an operation finding, from what it carries (the kind of its rule, properties
     * {@code subject}, {@code safetyDoc}, {@code access}).
     * Reports and the editor read it this way, without the source.
     */
    public static Contract ofFinding(OperationKind kind, java.util.Map<String, String> properties, boolean declared) {
        String subject = properties.getOrDefault("subject", "");
        if (kind == OperationKind.RAW_POINTER_DEREF) {
            Access access = Access.READ;
            for (Access a : Access.values()) {
                if (a.description().equals(properties.get("access"))) {
                    access = a;
                }
            }
            return new Contract(deref(code(shorten(subject)), access), "", access, "");
        }
        return of(kind, subject, properties.getOrDefault("safetyDoc", ""), declared, null, null);
    }

    /** Whether `*p` is read, written (`*p = v`, `(*p).f += 1`) or borrowed (`&*p`, `&mut *p`). */
    public static Access accessOf(SourceText source, TextRange range) {
        String text = source.text();
        int end = Math.min(range.end(), text.length());
        String after = text.substring(end, Math.min(text.length(), end + 200));
        if (ASSIGNMENT_AFTER.matcher(after).find()) {
            return Access.WRITE;
        }
        int start = Math.min(range.start(), text.length());
        String before = text.substring(Math.max(0, start - 8), start).stripTrailing();
        if (before.endsWith("&") || before.endsWith("&mut") || before.endsWith("& mut")) {
            return Access.BORROW;
        }
        return Access.READ;
    }

    /** The conditions of a dereference of pointer {@code p} (already in backticks). */
    public static List<Obligation> deref(String p, Access access) {
        List<Obligation> list = new ArrayList<>();
        list.add(new Obligation(Concern.NON_NULL, p + " is not null.", "non-null", List.of()));
        list.add(new Obligation(Concern.ALIGNED, p + " is aligned for the pointee type.", "aligned", List.of()));
        switch (access) {
            case READ -> {
                list.add(new Obligation(Concern.VALID_ACCESS, p + " points into a live allocation that holds the"
                        + " whole value read.", "valid for the read", List.of()));
                list.add(new Obligation(Concern.INITIALIZED, "The pointee is initialized and a valid value of its type.",
                        "initialized", List.of()));
                list.add(new Obligation(Concern.NO_ALIASING, "No `&mut` to the pointee is in use while it is read.",
                        "no `&mut` to it in use", List.of()));
                list.add(new Obligation(Concern.LIFETIME, "The pointee has not been freed or moved: " + p
                        + " is not dangling.", "not dangling", List.of()));
            }
            case WRITE -> {
                list.add(new Obligation(Concern.VALID_ACCESS, p + " is valid for writes of the whole value.",
                        "valid for the write", List.of()));
                list.add(new Obligation(Concern.NO_ALIASING, "No other reference to the pointee is in use while it is"
                        + " written.", "no other reference in use", List.of()));
                list.add(new Obligation(Concern.LIFETIME, "The pointee has not been freed or moved: " + p
                        + " is not dangling.", "not dangling", List.of()));
                list.add(new Obligation(Concern.DROP_OLD_VALUE, "An assignment drops the old value first: it must be"
                        + " initialized (for uninitialized memory, write with `ptr::write`).",
                        "old value initialized (it is dropped)", List.of()));
            }
            case BORROW -> {
                list.add(new Obligation(Concern.VALID_ACCESS, p + " points into a live allocation that holds the"
                        + " whole pointee.", "valid for the whole pointee", List.of()));
                list.add(new Obligation(Concern.INITIALIZED, "The pointee is initialized and a valid value of its type.",
                        "initialized", List.of()));
                list.add(new Obligation(Concern.NO_ALIASING, "While the new reference lives, nothing mutates the"
                        + " pointee (for `&mut`: nothing else accesses it at all).", "no conflicting access while"
                        + " the reference lives", List.of()));
                list.add(new Obligation(Concern.LIFETIME, "The new reference does not outlive the pointee: its"
                        + " lifetime is unbounded unless a signature ties it to a borrow.",
                        "the reference does not outlive the pointee", List.of()));
            }
            default -> {
            }
        }
        return list;
    }

    private static Contract call(String subject, String safetyDoc, boolean declared) {
        String callee = code(subject);
        String doc = safetyDoc == null ? "" : safetyDoc.strip();
        List<Obligation> list = new ArrayList<>();
        if (!doc.isEmpty()) {
            for (Concern c : Concern.foundIn(doc)) {
                list.add(new Obligation(c, capitalize(c.label()) + ", as the `# Safety` section of " + callee
                        + " requires.", c.label(), List.of()));
            }
            list.add(new Obligation(Concern.PRECONDITION, "Every condition of " + callee + "'s `# Safety` section"
                    + " (quoted) holds at this call.", "its `# Safety` conditions", List.of(lastSegment(subject))));
            return new Contract(list, doc, null, "its `# Safety` section");
        }
        List<StdContracts.Condition> std = StdContracts.forCallee(subject);
        if (!std.isEmpty()) {
            for (StdContracts.Condition c : std) {
                list.add(new Obligation(c.concern(), capitalize(c.text()) + ".", c.text(), List.of()));
            }
            return new Contract(list, "", null, "the standard library's documentation, in short");
        }
        if (declared) {
            list.add(new Obligation(Concern.PRECONDITION, callee + " has no `# Safety` section: find its contract in"
                    + " its docs and body, argue it here, and add the section to it.",
                    "its contract (it has no `# Safety` section)", List.of(lastSegment(subject))));
        } else {
            list.add(new Obligation(Concern.PRECONDITION, "The documented safety contract of " + callee
                    + " holds at this call.", "its documented safety contract", List.of(lastSegment(subject))));
        }
        return new Contract(list, "", null, "");
    }

    /** Text in backticks, with backticks inside turned into quotes. */
    public static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    /** One line, at most 60 characters. */
    public static String shorten(String text) {
        return Snippets.shorten(text, 60);
    }

    private static String lastSegment(String path) {
        String p = path == null ? "" : path;
        int colons = p.lastIndexOf("::");
        return colons >= 0 ? p.substring(colons + 2) : p;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
