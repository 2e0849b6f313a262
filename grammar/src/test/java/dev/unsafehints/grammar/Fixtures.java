package dev.unsafehints.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test resources on disk, and the edition a fixture asks for in a "// edition: 2018" line. */
final class Fixtures {
    private static final Pattern EDITION = Pattern.compile("//\\s*edition:\\s*(\\d{4})");

    private Fixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same folder in the source tree (src/test/resources), where regenerated golden files go.
     * Tests run with the module directory as working directory.
     */
    static Path sourceDir(String name) {
        return Path.of("src", "test", "resources", name);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Edition editionOf(String text) {
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        Matcher m = EDITION.matcher(head);
        return m.find() ? Edition.fromYear(m.group(1)) : Edition.DEFAULT;
    }

    static ParsedFile parse(String text) {
        return RustParsing.parse(text, editionOf(text));
    }

    /** True when golden files should be rewritten: UPDATE_GOLDEN=1 or -Dgolden.update=true. */
    static boolean updateGolden() {
        return "1".equals(System.getenv("UPDATE_GOLDEN")) || Boolean.getBoolean("golden.update");
    }
}
