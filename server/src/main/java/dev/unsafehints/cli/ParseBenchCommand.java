package dev.unsafehints.cli;

import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.grammar.SyntaxError;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.grammar.Edition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Parses every .rs file under the paths and reports speed and syntax errors. The summary line is
 * measured on the last (warm) pass; earlier passes warm up the JIT and ANTLR's caches.
 */
@Command(name = "parse-bench", mixinStandardHelpOptions = true,
        description = "Parse all .rs files under PATH and print speed and syntax-error statistics.")
public final class ParseBenchCommand implements Callable<Integer> {
    @Option(names = "--warmup", description = "Passes before the measured one (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--list-errors", description = "Print path:line:col: message for each syntax error.")
    boolean listErrors;

    @Option(names = "--edition", description = "Edition for files outside any crate (default: from Cargo.toml, else 2021).")
    String edition;

    @Option(names = "--profile", description = "Profile ANTLR decisions on one pass and print the costliest ones.")
    boolean profile;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        List<Path> files = RustFiles.under(paths);
        CargoManifests manifests = new CargoManifests();
        List<String> texts = new ArrayList<>(files.size());
        List<Edition> editions = new ArrayList<>(files.size());
        long bytes = 0;
        for (Path f : files) {
            byte[] raw = Files.readAllBytes(f);
            bytes += raw.length;
            texts.add(decode(raw));
            editions.add(edition != null ? Edition.fromYear(edition) : manifests.crateOf(f).edition());
        }
        if (profile) {
            DecisionProfile.print(texts, editions, out);
            return 0;
        }
        for (int pass = 0; pass < warmup; pass++) {
            for (int i = 0; i < texts.size(); i++) {
                RustParsing.parse(texts.get(i), editions.get(i));
            }
        }
        int errorFiles = 0;
        int llFiles = 0;
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            ParsedFile parsed = RustParsing.parse(texts.get(i), editions.get(i));
            if (parsed.neededFullLL()) {
                llFiles++;
            }
            if (parsed.hasErrors()) {
                errorFiles++;
                if (listErrors) {
                    for (SyntaxError e : parsed.errors()) {
                        out.printf("%s:%d:%d: %s%n", files.get(i), e.line(), e.column() + 1, e.message());
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "files=%d bytes=%d error_files=%d ll_files=%d seconds=%.3f mb_per_s=%.2f%n",
                files.size(), bytes, errorFiles, llFiles, seconds, bytes / 1e6 / Math.max(seconds, 1e-9));
        return 0;
    }

    private static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }
}
