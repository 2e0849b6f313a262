package dev.unsafehints.grammar;

/** A Rust edition. Keywords and a few rules depend on it. */
public enum Edition {
    E2015("2015"), E2018("2018"), E2021("2021"), E2024("2024");

    /** What a file outside any crate is assumed to be written in. */
    public static final Edition DEFAULT = E2021;

    private final String year;

    Edition(String year) {
        this.year = year;
    }

    public String year() {
        return year;
    }

    /** Parses "2015".."2024"; Cargo's default for a manifest without an edition key is 2015. */
    public static Edition fromYear(String year) {
        for (Edition e : values()) {
            if (e.year.equals(year.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown Rust edition '" + year + "'");
    }

    @Override
    public String toString() {
        return year;
    }
}
