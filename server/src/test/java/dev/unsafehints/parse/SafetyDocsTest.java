package dev.unsafehints.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The `# Safety` section as call sites quote it, and what ends it. */
class SafetyDocsTest {
    @Test
    void theSectionEndsAtTheNextHeadingAndKeepsNoTrailingWhitespace() {
        String docs = " Frees the buffer.\n\n # Safety \n\n `p` came from `alloc`;   \n it is not freed yet.\n\n # Examples\n x";
        assertEquals("`p` came from `alloc`;\n it is not freed yet.", SafetyDocs.safetySection(docs));
    }

    @Test
    void anyHeadingLevelAndCaseOpensIt() {
        assertEquals("len <= capacity", SafetyDocs.safetySection(" ## SAFETY\n len <= capacity"));
        assertEquals("", SafetyDocs.safetySection(" Safety is not a heading here.\n"));
        assertEquals("", SafetyDocs.safetySection(" # Safety\n\n"));
    }

    @Test
    void headingsStartWithAHash() {
        assertTrue(SafetyDocs.isHeading(" # Examples"));
        assertTrue(SafetyDocs.isHeading("## Panics"));
        assertFalse(SafetyDocs.isHeading(" Use `#[inline]` with care"));
        assertFalse(SafetyDocs.isHeading(" #"));
    }
}
