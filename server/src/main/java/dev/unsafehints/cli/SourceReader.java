package dev.unsafehints.cli;

import dev.unsafehints.report.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a source file for analysis, or says precisely why it cannot: larger than the limit, binary
 * (a NUL byte), not valid UTF-8 (with the byte offset), or unreadable. A UTF-8 byte order mark is
 * dropped, as rustc and editors do, so columns match theirs.
 */
final class SourceReader {
    /** Either the text or the reason it was skipped. */
    record Outcome(String text, SkippedFile.Reason reason, String detail) {
        static Outcome ok(String text) {
            return new Outcome(text, null, null);
        }

        static Outcome skipped(SkippedFile.Reason reason, String detail) {
            return new Outcome(null, reason, detail);
        }

        boolean isOk() {
            return text != null;
        }
    }

    private final long maxBytes;

    SourceReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Outcome read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return Outcome.skipped(SkippedFile.Reason.TOO_LARGE, "larger than --max-file-size ("
                        + ByteSize.format(size) + " > " + ByteSize.format(maxBytes) + ")");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                return Outcome.skipped(SkippedFile.Reason.TOO_LARGE, "larger than --max-file-size ("
                        + ByteSize.format(maxBytes) + ")");
            }
        } catch (IOException e) {
            return Outcome.skipped(SkippedFile.Reason.UNREADABLE, "cannot read: " + SourceWalker.reason(e));
        }
        return decode(bytes);
    }

    static Outcome decode(byte[] bytes) {
        // Fast path for the usual file: the JDK's decoder replaces malformed input with U+FFFD, so a
        // result without U+FFFD and without NUL was valid UTF-8 text. Anything else takes the slow
        // path below, which says exactly what is wrong.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0 && fast.indexOf('\0') < 0) {
            return Outcome.ok(fast.startsWith("\uFEFF") ? fast.substring(1) : fast);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Outcome.skipped(SkippedFile.Reason.BINARY, "binary file (NUL byte at byte " + i + ")");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return Outcome.skipped(SkippedFile.Reason.NOT_UTF8, "not valid UTF-8 at byte " + in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return Outcome.skipped(SkippedFile.Reason.NOT_UTF8, "not valid UTF-8 at byte " + in.position());
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Outcome.ok(text);
    }
}
