package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Rust file of the standard library and of the corpus crates in the Debian cargo registry
 * (the ones resources/corpus/crates.txt lists) parses without syntax errors, except the few that
 * the syn crate (a full Rust parser) rejects too (resources/corpus/syn-rejected.txt). Skipped on machines without the corpus; set
 * UNSAFE_HINTS_SKIP_CORPUS=1 to skip it anyway.
 */
class CorpusTest {
    /** The standard library of Debian's rust-web-src, whichever version the machine has (the newest). */
    private static final Path STD = newestStd();
    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    private static Path newestStd() {
        try (Stream<Path> sources = Files.list(Path.of("/usr/src"))) {
            return sources.filter(p -> p.getFileName().toString().startsWith("rustc-"))
                    .map(p -> p.resolve("library")).filter(Files::isDirectory)
                    .max(java.util.Comparator.comparing(CorpusTest::versionKey))
                    .orElse(Path.of("/usr/src/rustc-1.96.0/library"));
        } catch (java.io.IOException | RuntimeException e) {
            return Path.of("/usr/src/rustc-1.96.0/library");
        }
    }

    /** {@code rustc-1.96.0} as a sortable key (numbers compared as numbers). */
    private static String versionKey(Path library) {
        StringBuilder key = new StringBuilder();
        for (String part : library.getParent().getFileName().toString().substring("rustc-".length()).split("\\.")) {
            key.append(String.format("%08d", part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                    ? Integer.parseInt(part) : 0));
        }
        return key.toString();
    }

    @Test
    void wholeCorpusParsesWithoutSyntaxErrors() throws Exception {
        assumeTrue(Files.isDirectory(STD), "corpus not on this machine: " + STD + " is missing; test skipped");
        assumeTrue(!"1".equals(System.getenv("UNSAFE_HINTS_SKIP_CORPUS")), "UNSAFE_HINTS_SKIP_CORPUS=1");
        Set<String> rejected = new HashSet<>(Files.readAllLines(Fixtures.dir("corpus").resolve("syn-rejected.txt")));
        List<Path> roots = new ArrayList<>(List.of(STD));
        roots.addAll(listedCrates());
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p))
                            .filter(p -> !rejected.contains(p.toString()))
                            .sorted()
                            .forEach(files::add);
                }
            }
        }
        assertTrue(files.size() > 2000, "only " + files.size() + " files found");

        Editions editions = new Editions();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> failures = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> check(file, editions.of(file))));
            }
            for (Future<String> result : results) {
                String failure = result.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures, failures.size() + " of " + files.size() + " files have syntax errors");
    }

    /**
     * The crate folders of the registry that the corpus is (resources/corpus/crates.txt: what the
     * packages of .ci/corpus-packages.txt unpack, with their dependencies; regenerate it with
     * {@code ls /usr/share/cargo/registry} after installing exactly those). Other crates that a
     * machine happens to have are reported, not checked: their syntax is not ours to promise.
     */
    private static List<Path> listedCrates() throws IOException {
        Set<String> listed = new HashSet<>(Files.readAllLines(Fixtures.dir("corpus").resolve("crates.txt")));
        List<String> others = new ArrayList<>();
        List<Path> crates = new ArrayList<>();
        if (Files.isDirectory(REGISTRY)) {
            try (Stream<Path> dirs = Files.list(REGISTRY)) {
                for (Path dir : dirs.sorted().toList()) {
                    if (listed.remove(dir.getFileName().toString())) {
                        crates.add(dir);
                    } else {
                        others.add(dir.getFileName().toString());
                    }
                }
            }
        }
        if (!others.isEmpty()) {
            System.out.println("CorpusTest: " + others.size() + " crates in " + REGISTRY
                    + " are not in the corpus list and were not checked: " + String.join(", ", others));
        }
        if (!listed.isEmpty()) {
            System.out.println("CorpusTest: " + listed.size() + " listed crates are not installed: "
                    + String.join(", ", new java.util.TreeSet<>(listed)));
        }
        return crates;
    }

    private static String check(Path file, Edition edition) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null; // not Rust source (rustc requires UTF-8)
        }
        ParsedFile parsed = RustParsing.parse(text, edition);
        if (parsed.hasErrors()) {
            SyntaxError e = parsed.errors().get(0);
            return file + ":" + e.line() + ":" + (e.column() + 1) + ": " + e.message();
        }
        return null;
    }

    /**
     * The edition of a file's crate: "edition" of the nearest Cargo.toml with a [package] (following
     * edition.workspace = true), 2015 when the manifest has none (Cargo's default).
     */
    static final class Editions {
        private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)\\]\\s*$");
        private static final Pattern EDITION = Pattern.compile("^\\s*edition\\s*=\\s*\"(\\d{4})\"");
        private static final Pattern FROM_WORKSPACE = Pattern.compile("^\\s*edition\\s*(\\.\\s*workspace|=\\s*\\{\\s*workspace)");
        private final Map<Path, Edition> byFolder = new ConcurrentHashMap<>();

        Edition of(Path file) {
            return ofFolder(file.getParent());
        }

        private Edition ofFolder(Path folder) {
            if (folder == null) {
                return Edition.DEFAULT;
            }
            Edition known = byFolder.get(folder);
            if (known != null) {
                return known;
            }
            Edition edition = null;
            Path manifest = folder.resolve("Cargo.toml");
            if (Files.isRegularFile(manifest)) {
                edition = packageEdition(manifest, folder);
            }
            if (edition == null) {
                edition = ofFolder(folder.getParent());
            }
            byFolder.put(folder, edition);
            return edition;
        }

        /** Null for a manifest without [package]. */
        private Edition packageEdition(Path manifest, Path folder) {
            String section = "";
            boolean isPackage = false;
            for (String line : lines(manifest)) {
                Matcher s = SECTION.matcher(line);
                if (s.find()) {
                    section = s.group(1).trim();
                    isPackage |= section.equals("package");
                    continue;
                }
                if (section.equals("package")) {
                    Matcher e = EDITION.matcher(line);
                    if (e.find()) {
                        return Edition.fromYear(e.group(1));
                    }
                    if (FROM_WORKSPACE.matcher(line).find()) {
                        return workspaceEdition(folder.getParent());
                    }
                }
            }
            return isPackage ? Edition.E2015 : null;
        }

        private Edition workspaceEdition(Path folder) {
            for (Path f = folder; f != null; f = f.getParent()) {
                Path manifest = f.resolve("Cargo.toml");
                if (!Files.isRegularFile(manifest)) {
                    continue;
                }
                String section = "";
                for (String line : lines(manifest)) {
                    Matcher s = SECTION.matcher(line);
                    if (s.find()) {
                        section = s.group(1).trim();
                    } else if (section.equals("workspace.package")) {
                        Matcher e = EDITION.matcher(line);
                        if (e.find()) {
                            return Edition.fromYear(e.group(1));
                        }
                    }
                }
            }
            return Edition.E2015;
        }

        private static List<String> lines(Path manifest) {
            try {
                return Files.readAllLines(manifest);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }
}
