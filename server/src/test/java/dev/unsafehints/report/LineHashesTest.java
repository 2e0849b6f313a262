package dev.unsafehints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code primaryLocationLineHash} must equal what GitHub's upload action computes, or GitHub sees
 * every alert as new. The expected values are the published examples of that algorithm.
 */
class LineHashesTest {
    @Test
    void repeatedLinesGetOccurrenceNumbers() {
        assertEquals(List.of("a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                        "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                        "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"),
                LineHashes.of("Lorem ipsum dolor sit amet.\n".repeat(10)));
    }

    @Test
    void shortLinesAndNoLeadingZeros() {
        assertEquals(List.of("e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
                        "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"),
                LineHashes.of("x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"));
    }

    @Test
    void whitespaceAndLineBreakStylesDoNotMatter() {
        List<String> expected = List.of("e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1");
        assertEquals(expected, LineHashes.of(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"));
        assertEquals(expected, LineHashes.of(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"));
    }
}
