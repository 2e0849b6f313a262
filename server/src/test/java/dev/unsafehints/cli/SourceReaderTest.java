package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.report.SkippedFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceReaderTest {
    @Test
    void reportsTheOffsetOfTheFirstBadByte() {
        byte[] bytes = "fn é() {}\n// \u00ff".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 2] = (byte) 0xC3;
        bytes[bytes.length - 1] = (byte) 0x28; // a lead byte followed by ASCII: invalid
        SourceReader.Outcome o = SourceReader.decode(bytes);
        assertEquals(SkippedFile.Reason.NOT_UTF8, o.reason());
        assertEquals("not valid UTF-8 at byte " + (bytes.length - 2), o.detail());
    }

    @Test
    void nulBytesMeanBinary() {
        SourceReader.Outcome o = SourceReader.decode(new byte[] {'a', 'b', 0});
        assertEquals(SkippedFile.Reason.BINARY, o.reason());
        assertEquals("binary file (NUL byte at byte 2)", o.detail());
    }

    @Test
    void byteOrderMarkIsDropped() {
        SourceReader.Outcome o = SourceReader.decode("\uFEFFfn main() {}".getBytes(StandardCharsets.UTF_8));
        assertTrue(o.isOk());
        assertEquals("fn main() {}", o.text());
    }

    @Test
    void sizesParse() {
        assertEquals(10L * 1024 * 1024, ByteSize.parse("10M"));
        assertEquals(512L * 1024, ByteSize.parse("512k"));
        assertEquals(2048, ByteSize.parse("2048"));
        assertEquals(1024L * 1024 * 1024, ByteSize.parse("1GiB"));
    }
}
