package dev.unsafehints.analysis;

import java.util.List;
import java.util.Locale;

/**
 * One thing a safety argument has to cover (a pointer is non-null, the regions do not overlap,
 * ...), with the words by which a {@code // SAFETY:} comment shows that it talks about it. The
 * check is a keyword heuristic: it cannot tell whether the argument is right, only whether the
 * comment addresses the point at all, which is what a reviewer looks for first.
 */
public enum Concern {
    NON_NULL("non-null", "null pointers", List.of("null", "nonnull")),
    ALIGNED("aligned", "alignment", List.of("align")),
    INITIALIZED("initialized", "initialization", List.of("init")),
    VALID_ACCESS("valid for the access", "whether the pointer is valid for the access", List.of("valid", "bound",
            "allocat", "dereferenceable", "points to", "point to", "pointing to", "len", "capacity", "size", "within", "range", "index")),
    NO_ALIASING("no aliasing violation", "aliasing", List.of("alias", "exclusive", "unique", "no other", "&mut", "mutable ref",
            "mutable borrow", "borrow", "shared ref", "only ref", "only pointer", "nobody else", "no one else")),
    LIFETIME("lifetime", "lifetimes or dangling", List.of("lifetime", "outlive", "live", "dangl", "freed", "dealloc", "long enough", "'a",
            "'static", "scope", "drop")),
    DROP_OLD_VALUE("the old value may be dropped", "the drop of the old value", List.of("drop", "init", "ptr::write", "overwrit")),
    IN_BOUNDS("in bounds", "bounds", List.of("bound", "len", "capacity", "within", "range", "index", "< ", "<=", "size",
            "allocation", "overflow")),
    NO_OVERLAP("no overlap", "overlap", List.of("overlap", "disjoint", "distinct")),
    OWNERSHIP("ownership of the value", "ownership", List.of("own", "copy", "move", "forget", "double", "once", "into_raw",
            "drop", "duplicate", "free")),
    VALID_VALUE("a valid value of the type", "the validity of the value", List.of("valid", "bit pattern", "bit-pattern", "layout", "repr",
            "zero", "same size", "transmut")),
    UTF8("valid UTF-8", "UTF-8", List.of("utf-8", "utf8", "ascii", "str")),
    ALLOCATOR("allocated by the matching allocator and layout", "the allocator", List.of("alloc", "layout",
            "capacity", "global")),
    THREADS("synchronised between threads", "threads", List.of("thread", "sync", "send", "race", "atomic", "lock", "mutex",
            "single-threaded", "concurren")),
    ACTIVE_FIELD("the field read is the one that holds a value", "which field is active", List.of("field", "variant", "tag", "active",
            "written", "bit pattern", "discriminant", "valid")),
    PRECONDITION("the callee's precondition", "the callee or its contract", List.of("because", "guarantee",
            "ensure", "check", "invariant")),
    ASSEMBLY("the assembly's declared effects", "the assembly's effects", List.of("asm", "register", "clobber", "operand", "memory", "stack",
            "flags"));

    private final String label;
    private final String topic;
    private final List<String> keywords;

    Concern(String label, String topic, List<String> keywords) {
        this.label = label;
        this.topic = topic;
        this.keywords = keywords;
    }

    public String label() {
        return label;
    }

    /** What a comment that leaves this concern out does not talk about: "alignment", "aliasing". */
    public String topic() {
        return topic;
    }

    /** Whether the comment text (any case) uses one of this concern's words, or one of the extra words. */
    public boolean isMentionedIn(String comment, List<String> extraWords) {
        String text = comment.toLowerCase(Locale.ROOT);
        for (String k : keywords) {
            if (text.contains(k)) {
                return true;
            }
        }
        for (String k : extraWords) {
            if (!k.isBlank() && text.contains(k.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The concerns a piece of contract text (a {@code # Safety} section) talks about, in this order. */
    public static List<Concern> foundIn(String contract) {
        String text = contract.toLowerCase(Locale.ROOT);
        java.util.List<Concern> found = new java.util.ArrayList<>();
        if (text.contains("null")) {
            found.add(NON_NULL);
        }
        if (text.contains("align")) {
            found.add(ALIGNED);
        }
        if (text.contains("initiali") || text.contains("uninit")) {
            found.add(INITIALIZED);
        }
        if (text.contains("bound") || text.contains("capacity") || text.contains("len") || text.contains("index")) {
            found.add(IN_BOUNDS);
        }
        if (text.contains("valid for") || text.contains("dereferenceable") || text.contains("point to")
                || text.contains("points to")) {
            found.add(VALID_ACCESS);
        }
        if (text.contains("overlap")) {
            found.add(NO_OVERLAP);
        }
        if (text.contains("alias") || text.contains("mutable reference") || text.contains("exclusive")
                || text.contains("&mut")) {
            found.add(NO_ALIASING);
        }
        if (text.contains("lifetime") || text.contains("outlive") || text.contains("dangl")) {
            found.add(LIFETIME);
        }
        if (text.contains("utf-8") || text.contains("utf8")) {
            found.add(UTF8);
        }
        if (text.contains("thread") || text.contains("race")) {
            found.add(THREADS);
        }
        return found;
    }
}
