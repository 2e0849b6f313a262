package dev.unsafehints.report;

/** How many of some unsafe sites carry their justification (a SAFETY comment, a # Safety doc). */
public record Coverage(int documented, int total) {
    public static final Coverage NONE = new Coverage(0, 0);

    public Coverage plus(Coverage other) {
        return new Coverage(documented + other.documented, total + other.total);
    }

    /** The share documented, 0..100; 100 when there is nothing to document. */
    public double percent() {
        return total == 0 ? 100.0 : 100.0 * documented / total;
    }

    public String percentText() {
        return total == 0 ? "-" : Math.round(Math.floor(percent())) + "%";
    }
}
