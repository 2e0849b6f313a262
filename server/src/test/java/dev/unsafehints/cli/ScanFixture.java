package dev.unsafehints.cli;

import dev.unsafehints.report.TokenRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A copy of {@code src/test/resources/scan/demo} in a temporary folder, completed with what cannot
 * live in git: ignored folders and files, target/, a file that is not UTF-8, a binary .rs file, a
 * file over the size limit used by the tests, a broken symbolic link and a symbolic link loop.
 */
final class ScanFixture {
    static final Path SOURCE = Path.of("src/test/resources/scan/demo");
    /** The --max-file-size the tests pass, so that {@code src/huge.rs} is skipped. */
    static final String SIZE_LIMIT = "4K";

    final Path root;

    ScanFixture(Path temp) throws IOException {
        root = temp.resolve("demo");
        copy(SOURCE, root);
        write("ignored/skip.rs", "pub fn ignored() { unsafe { core::hint::unreachable_unchecked() } }\n");
        write("generated/out.generated.rs", "pub fn generated() { unsafe { core::hint::unreachable_unchecked() } }\n");
        write("target/debug/build.rs", "pub fn in_target() { unsafe { core::hint::unreachable_unchecked() } }\n");
        // "caf" + 0xE9 (Latin-1 é) is not UTF-8: the bad byte is at offset 20.
        Files.write(root.resolve("src/latin1.rs"), concat("// comment: caf".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, '\n'}));
        Files.write(root.resolve("src/blob.rs"), new byte[] {'f', 'n', 0, 1, 2, 3});
        Files.writeString(root.resolve("src/huge.rs"), "// padding\n".repeat(1000));
        Files.createSymbolicLink(root.resolve("src/dangling.rs"), Path.of("nowhere.rs"));
        Files.createSymbolicLink(root.resolve("src/loop"), Path.of(".."));
    }

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** What one run of the command printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code scan} with the token-level test rules. */
    static Run scan(String... args) {
        return scan(TokenRules.analyzer(), args);
    }

    /** Runs {@code scan} with the real rules. */
    static Run scanWithRealRules(String... args) {
        return scan(new dev.unsafehints.engine.Analyzer(), args);
    }

    static Run scan(dev.unsafehints.engine.Analyzer analyzer, String... args) {
        ScanCommand command = new ScanCommand();
        command.analyzer = analyzer;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
