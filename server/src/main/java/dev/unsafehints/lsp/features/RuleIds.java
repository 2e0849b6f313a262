package dev.unsafehints.lsp.features;

/** The rule ids the editor features give special treatment (ids are a contract with the rules). */
public final class RuleIds {
    public static final String UNSAFE_BLOCK = "unsafe-block";
    public static final String UNSAFE_FN = "unsafe-fn";
    public static final String MISSING_SAFETY_COMMENT = "missing-safety-comment";
    public static final String MISSING_SAFETY_DOC = "missing-safety-doc";
    public static final String UNUSED_UNSAFE = "unused-unsafe";
    public static final String UNSAFE_CODE = "unsafe-code";

    private RuleIds() {
    }
}
