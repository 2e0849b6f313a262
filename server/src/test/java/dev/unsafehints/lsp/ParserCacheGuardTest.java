package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustParsing;
import org.junit.jupiter.api.Test;

class ParserCacheGuardTest {
    @Test
    void clearsThePredictionCacheOnlyPastTheLimit() {
        RustParsing.parse("fn f(p: *const u8) -> u8 { unsafe { *p } }\nstruct S { a: Vec<Vec<u8>> }\n", Edition.E2021);
        ParserCacheGuard lenient = new ParserCacheGuard(Integer.MAX_VALUE);
        int states = lenient.dfaStates();
        assertTrue(states > 0, "parsing filled the cache");
        assertFalse(lenient.trimIfLarge());
        assertEquals(states, lenient.dfaStates());

        assertTrue(new ParserCacheGuard(0).trimIfLarge());
        assertEquals(0, lenient.dfaStates());
        // parsing still works and learns again
        assertTrue(RustParsing.parse("fn g() {}\n", Edition.E2021).errors().isEmpty());
        assertTrue(lenient.dfaStates() > 0);
    }
}
