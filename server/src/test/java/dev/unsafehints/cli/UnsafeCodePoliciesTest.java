package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnsafeCodePoliciesTest {
    private static String label(String text) {
        return UnsafeCodePolicies.ofText(text).label();
    }

    @Test
    void readsInnerAttributesOfTheCrateRoot() {
        assertEquals("forbid", label("//! docs\n#![forbid(unsafe_code)]\nfn main() {}"));
        assertEquals("deny", label("#![deny(missing_docs, unsafe_code)]"));
        assertEquals("deny if not(test)", label("#![cfg_attr(not(test), deny(unsafe_code))]"));
        assertEquals("forbid", label("#![cfg_attr(test, deny(unsafe_code))]\n#![forbid(unsafe_code)]"));
        assertEquals("none", label("#![deny(missing_docs)]\nfn f() { unsafe {} }"));
    }

    @Test
    void commentsStringsAndNestedAttributesDoNotCount() {
        assertEquals("none", label("// #![forbid(unsafe_code)]\nconst S: &str = \"#![forbid(unsafe_code)]\";"));
        assertEquals("none", label("mod m { #![forbid(unsafe_code)] }"));
        assertEquals("none", label("#![allow(unsafe_code)]"));
    }
}
