package dev.unsafehints.macros;

import java.util.Locale;

/** The fragment specifiers of `macro_rules!` (`$x:expr`), as the Rust Reference lists them. */
public enum FragmentKind {
    EXPR, EXPR_2021, TY, IDENT, PATH, PAT, PAT_PARAM, STMT, BLOCK, ITEM, TT, LITERAL, LIFETIME, META, VIS;

    /** The kind a specifier names, or null for an unknown one. */
    static FragmentKind named(String specifier) {
        try {
            return valueOf(specifier.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
