package dev.unsafehints.report;

/**
 * What a crate root declares about the {@code unsafe_code} lint: {@code #![forbid(unsafe_code)]},
 * {@code #![deny(unsafe_code)]} (possibly under {@code cfg_attr}), nothing, or unknown when the root
 * file was not found.
 *
 * @param level     forbid, deny, or none / unknown
 * @param condition the {@code cfg_attr} condition it depends on, empty when unconditional
 */
public record UnsafeCodePolicy(Level level, String condition) {
    public static final UnsafeCodePolicy NONE = new UnsafeCodePolicy(Level.NONE, "");
    public static final UnsafeCodePolicy UNKNOWN = new UnsafeCodePolicy(Level.UNKNOWN, "");

    public enum Level {
        FORBID("forbid"), DENY("deny"), NONE("none"), UNKNOWN("unknown");

        private final String id;

        Level(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** E.g. "forbid", "deny if not(test)", "none", "unknown". */
    public String label() {
        return condition.isEmpty() ? level.id() : level.id() + " if " + condition;
    }
}
