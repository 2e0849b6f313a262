package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Valid files that the fast stage cannot parse: the full-LL stage reads them without errors, one
 * top-level item at a time, and gives every other item the tree the fast stage gives it.
 */
class FullLLStageTest {
    @Test
    void oddExpressionsParseToTheirGoldenTree() throws Exception {
        String text = Fixtures.read(Fixtures.dir("fullll").resolve("odd_expressions.rs"));
        ParsedFile parsed = Fixtures.parse(text);

        assertEquals(List.of(), parsed.errors());
        assertTrue(parsed.neededFullLL());
        String dump = TreeDump.lines(parsed.tree());
        if (Fixtures.updateGolden()) {
            Files.writeString(Fixtures.sourceDir("fullll").resolve("odd_expressions.tree"), dump, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Fixtures.read(Fixtures.dir("fullll").resolve("odd_expressions.tree")), dump);
    }

    @Test
    void itemsAroundTheOneNeedingFullLLGetTheFastStagesTree() {
        String before = "unsafe fn a(p: *const u8) -> u8 { *p }\nstruct S { x: u8 }\n";
        String slow = "fn b() { loop { if break { } } }\n";
        String after = "impl S { fn c(&self) -> u8 { self.x + 1 } }\nstatic mut N: u8 = 0;\n";
        ParsedFile alone = RustParsing.parse(before + after, Edition.E2021);
        assertFalse(alone.neededFullLL());

        ParsedFile mixed = RustParsing.parse(before + slow + after + slow + before, Edition.E2021);

        assertEquals(List.of(), mixed.errors());
        assertTrue(mixed.neededFullLL());
        List<String> aloneItems = itemTexts(alone, before + after);
        List<String> mixedItems = itemTexts(mixed, before + slow + after + slow + before);
        assertEquals(List.of(aloneItems.get(0), aloneItems.get(1), "fn b() { loop { if break { } } }",
                aloneItems.get(2), aloneItems.get(3), "fn b() { loop { if break { } } }",
                aloneItems.get(0), aloneItems.get(1)), mixedItems);
        assertEquals(TreeDump.lines(alone.tree()).lines().limit(2).toList(),
                TreeDump.lines(mixed.tree()).lines().limit(2).toList());
        assertEquals(mixed.tokens().size() - 2, mixed.tree().getStop().getTokenIndex(),
                "the crate ends where the fast stage ends it: at the last token before the end of file");
    }

    @Test
    void aSyntaxErrorAfterAnItemNeedingFullLLIsReportedOnce() {
        ParsedFile parsed = RustParsing.parse("fn b() { loop { if break { } } }\nfn c() { let = 1; }\nfn d() {}\n",
                Edition.E2021);

        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        assertEquals(2, parsed.errors().get(0).line());
        assertEquals(3, parsed.tree().item().size(), "recovery keeps every item");
    }

    private static List<String> itemTexts(ParsedFile parsed, String text) {
        List<String> texts = new ArrayList<>();
        for (RustParser.ItemContext item : parsed.tree().item()) {
            texts.add(text.substring(item.getStart().getStartIndex(), item.getStop().getStopIndex() + 1));
        }
        return texts;
    }
}
