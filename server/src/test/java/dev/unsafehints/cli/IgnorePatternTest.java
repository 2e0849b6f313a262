package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The .gitignore matcher against the behaviour git documents. */
class IgnorePatternTest {
    private static final Path ROOT = Path.of("/repo");

    private static boolean ignored(List<String> lines, String path, boolean dir) {
        return IgnoreRules.fromPatterns(ROOT, lines).isIgnored(ROOT.resolve(path), dir);
    }

    @Test
    void namePatternsMatchAtAnyDepth() {
        assertTrue(ignored(List.of("*.bak.rs"), "a/b/c.bak.rs", false));
        assertTrue(ignored(List.of("gen"), "src/gen", true));
        assertFalse(ignored(List.of("*.bak.rs"), "a/b/c.rs", false));
    }

    @Test
    void slashesAnchorPatternsToTheirFolder() {
        assertTrue(ignored(List.of("/build"), "build", true));
        assertFalse(ignored(List.of("/build"), "src/build", true));
        assertTrue(ignored(List.of("src/gen/*.rs"), "src/gen/x.rs", false));
        assertFalse(ignored(List.of("src/gen/*.rs"), "other/src/gen/x.rs", false));
        assertFalse(ignored(List.of("src/*.rs"), "src/deep/x.rs", false), "a star never crosses a slash");
    }

    @Test
    void trailingSlashMatchesFoldersOnly() {
        assertTrue(ignored(List.of("out/"), "x/out", true));
        assertFalse(ignored(List.of("out/"), "x/out", false));
    }

    @Test
    void doubleStars() {
        assertTrue(ignored(List.of("**/fixtures"), "a/b/fixtures", true));
        assertTrue(ignored(List.of("**/fixtures"), "fixtures", true));
        assertTrue(ignored(List.of("docs/**"), "docs/a/b.rs", false));
        assertTrue(ignored(List.of("a/**/z.rs"), "a/z.rs", false));
        assertTrue(ignored(List.of("a/**/z.rs"), "a/b/c/z.rs", false));
        assertFalse(ignored(List.of("a/**/z.rs"), "b/a/z.rs", false));
    }

    @Test
    void laterNegationReincludes() {
        List<String> lines = List.of("*.rs", "!keep.rs");
        assertTrue(ignored(lines, "drop.rs", false));
        assertFalse(ignored(lines, "x/keep.rs", false));
        assertTrue(ignored(List.of("!keep.rs", "*.rs"), "keep.rs", false), "the last matching line wins");
    }

    @Test
    void classesEscapesCommentsAndSpaces() {
        assertTrue(ignored(List.of("file[0-9].rs"), "file7.rs", false));
        assertFalse(ignored(List.of("file[!0-9].rs"), "file7.rs", false));
        assertTrue(ignored(List.of("file[!0-9].rs"), "filex.rs", false));
        assertTrue(ignored(List.of("?.rs"), "a.rs", false));
        assertTrue(ignored(List.of("\\#hash.rs"), "#hash.rs", false));
        assertTrue(ignored(List.of("\\!bang.rs"), "!bang.rs", false));
        assertFalse(ignored(List.of("# comment.rs"), "# comment.rs", false));
        assertTrue(ignored(List.of("trailing.rs   "), "trailing.rs", false));
        assertTrue(ignored(List.of("a+b(c).rs"), "a+b(c).rs", false), "regex characters are literal");
    }
}
