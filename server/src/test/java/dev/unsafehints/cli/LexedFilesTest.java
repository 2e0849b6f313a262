package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.LexedSource;
import dev.unsafehints.grammar.RustParsing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The index pass's tokens are kept within the budget and given to the analysis once. */
class LexedFilesTest {
    private static LexedSource lexed(String text) {
        return RustParsing.parseDeclarationsKeepingTokens(text, Edition.E2021).lexed();
    }

    @Test
    void aFileTokensAreGivenOutOnce() {
        LexedFiles files = new LexedFiles(1 << 20);
        LexedSource a = lexed("unsafe fn a() {}");
        files.offer(Path.of("a.rs"), a);
        assertSame(a, files.take(Path.of("a.rs")));
        assertNull(files.take(Path.of("a.rs")));
        assertNull(files.take(Path.of("b.rs")));
    }

    @Test
    void whatDoesNotFitIsNotKeptAndTakingFreesRoom() {
        LexedSource a = lexed("unsafe fn a() { *p }");
        LexedSource b = lexed("unsafe fn b() { *q }");
        LexedFiles files = new LexedFiles(a.retainedBytes() + b.retainedBytes() / 2);
        files.offer(Path.of("a.rs"), a);
        files.offer(Path.of("b.rs"), b);
        assertNull(files.take(Path.of("b.rs")), "over the budget");
        assertSame(a, files.take(Path.of("a.rs")));
        files.offer(Path.of("b.rs"), b);
        assertSame(b, files.take(Path.of("b.rs")), "fits once a's tokens are taken");
    }
}
