package dev.unsafehints.lsp.bench;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the language server as an editor meets it, through its real process and stdio:
 * <ol>
 *   <li>cold start: process start to the first diagnostics of a ~2,000-line file (JVM start included),
 *       plain and with an application class-data-sharing archive;</li>
 *   <li>edit latency: 200 single-character edits of a ~5,000-line file, each from sending
 *       {@code didChange} to receiving the diagnostics of that version (p50, p99);</li>
 *   <li>memory: heap in use, after a full GC, once a 1,000-file workspace is indexed.</li>
 * </ol>
 * Inputs are real files from the Rust sources installed on the machine when present
 * ({@code --corpus}), else generated. A benchmark, not a test: it prints figures and asserts nothing.
 * Run it with {@code server/src/test/e2e/lsp-bench.sh}.
 */
@Command(name = "lsp-bench", mixinStandardHelpOptions = true,
        description = "Benchmark the language server: cold start, edit latency, heap with a large workspace.")
public final class LspBenchmark implements Callable<Integer> {
    @Option(names = "--jar", required = true, description = "The server jar to start.")
    Path jar;

    @Option(names = "--corpus", description = "Folder of real Rust code (default: ${DEFAULT-VALUE}).")
    Path corpus = Path.of("/usr/src/rustc-1.96.0/library");

    @Option(names = "--workspace-corpus", description = "Folder of crates for the 1,000-file workspace (default: ${DEFAULT-VALUE}).")
    Path workspaceCorpus = Path.of("/usr/share/cargo/registry");

    @Option(names = "--cold-runs", description = "Cold starts to measure per variant (default: ${DEFAULT-VALUE}).")
    int coldRuns = 5;

    @Option(names = "--edits", description = "Edits to time (default: ${DEFAULT-VALUE}).")
    int edits = 200;

    @Option(names = "--files", description = "Files in the workspace for the heap figure (default: ${DEFAULT-VALUE}).")
    int files = 1000;

    @Option(names = "--pause-ms", description = "Pause between edits, longer than the server's debounce, so each edit"
            + " is an isolated change (default: ${DEFAULT-VALUE}).")
    long pauseMs = 250;

    @Option(names = "--xmx-run", negatable = true, description = "Also index the workspace with -Xmx256m (default: ${DEFAULT-VALUE}).")
    boolean xmxRun = true;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path jsonOut;

    @Option(names = "--only", split = ",", description = "Run only some parts: cold, edit, heap.")
    List<String> only;

    @Option(names = "--jvm-args", split = " ", description = "JVM options for every server process, e.g."
            + " \"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\".")
    List<String> jvmArgs = new ArrayList<>();

    private final Map<String, Object> figures = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new LspBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("unsafe-hints-bench");
        figures.put("jar", jar.toString());
        figures.put("cpus", Runtime.getRuntime().availableProcessors());
        figures.put("java", System.getProperty("java.version"));
        figures.put("jvmArgs", String.join(" ", jvmArgs));
        figures.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (wants("cold")) {
            coldStart(scratch);
        }
        if (wants("edit")) {
            editLatency(scratch);
        }
        if (wants("heap")) {
            heap(scratch);
        }
        figures.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "load average: %.1f at start, %.1f at end (%d CPUs)%n",
                (double) figures.get("loadAverageAtStart"), (double) figures.get("loadAverageAtEnd"),
                Runtime.getRuntime().availableProcessors());
        if (jsonOut != null) {
            Files.writeString(jsonOut, new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(figures));
        }
        return 0;
    }

    private boolean wants(String part) {
        return only == null || only.contains(part);
    }

    // ---- 1. cold start --------------------------------------------------------------------------

    private void coldStart(Path scratch) throws Exception {
        Input input = Input.pick(corpus, 2000, "library/core/src/ptr/mut_ptr.rs", scratch);
        figures.put("coldStartFile", input.describe());
        List<Double> plain = coldRuns(input, List.of());
        Path archive = scratch.resolve("unsafe-hints.jsa");
        // one training run writes the archive of every class loaded on the way to the first diagnostics
        coldRun(input, List.of("-XX:ArchiveClassesAtExit=" + archive));
        List<Double> cds = Files.exists(archive) ? coldRuns(input, List.of("-XX:SharedArchiveFile=" + archive))
                : List.of();
        report("cold start to first diagnostics (ms)", "coldStartMs", plain);
        report("cold start with an AppCDS archive (ms)", "coldStartCdsMs", cds);
    }

    private List<Double> coldRuns(Input input, List<String> jvmArgs) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < coldRuns; i++) {
            times.add(coldRun(input, jvmArgs));
        }
        return times;
    }

    private double coldRun(Input input, List<String> extraJvmArgs) throws Exception {
        try (ServerUnderTest s = new ServerUnderTest(jar, concat(jvmArgs, extraJvmArgs))) {
            s.initialize(null);
            String uri = s.open(input.file(), input.text());
            long arrived = s.client.awaitDiagnostics(uri, 1, 120);
            return (arrived - s.startedNanos) / 1e6;
        }
    }

    // ---- 2. edit latency ------------------------------------------------------------------------

    private void editLatency(Path scratch) throws Exception {
        Input input = Input.pick(corpus, 5000, "library/alloc/src/sync.rs", scratch);
        figures.put("editFile", input.describe());
        try (ServerUnderTest s = new ServerUnderTest(jar, jvmArgs)) {
            s.initialize(null);
            String uri = s.open(input.file(), input.text());
            s.client.awaitDiagnostics(uri, 1, 120);
            String[] lines = input.text().split("\n", -1);
            Random random = new Random(42);
            List<Double> latencies = new ArrayList<>();
            // 20 warm-up edits (JIT), then the measured ones; each inserts or removes a space at a line end
            boolean[] padded = new boolean[lines.length];
            int version = 1;
            for (int i = 0; i < edits + 20; i++) {
                int line = random.nextInt(lines.length);
                int end = lines[line].length() - (lines[line].endsWith("\r") ? 1 : 0) + (padded[line] ? 1 : 0);
                Range range = padded[line] ? new Range(new Position(line, end - 1), new Position(line, end))
                        : new Range(new Position(line, end), new Position(line, end));
                String newText = padded[line] ? "" : " ";
                padded[line] = !padded[line];
                version++;
                Thread.sleep(pauseMs);
                long sent = System.nanoTime();
                s.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, newText))));
                long arrived = s.client.awaitDiagnostics(uri, version, 60);
                if (i >= 20) {
                    latencies.add((arrived - sent) / 1e6);
                }
            }
            report("edit to diagnostics, isolated edits (ms)", "editToDiagnosticsMs", latencies);
        }
    }

    // ---- 3. heap with a large workspace ---------------------------------------------------------

    private void heap(Path scratch) throws Exception {
        Path workspace = scratch.resolve("workspace");
        String source = Workspace.build(workspaceCorpus, workspace, files);
        figures.put("workspace", source);
        for (String xmx : xmxRun ? List.of("", "-Xmx256m") : List.of("")) {
            List<String> jvm = xmx.isEmpty() ? jvmArgs : concat(jvmArgs, List.of(xmx));
            try (ServerUnderTest s = new ServerUnderTest(jar, jvm)) {
                long start = System.nanoTime();
                s.initialize(workspace);
                s.server.getWorkspaceService().executeCommand(
                        new ExecuteCommandParams("unsafe-hints.inventory", List.of())).get(600, TimeUnit.SECONDS);
                double indexSeconds = (System.nanoTime() - start) / 1e9;
                Object status = s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                        "unsafe-hints.status", List.of(new JsonPrimitive("gc")))).get(60, TimeUnit.SECONDS);
                JsonObject json = new Gson().toJsonTree(status).getAsJsonObject();
                String key = xmx.isEmpty() ? "heap" : "heapXmx256m";
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("indexedFiles", json.get("indexedFiles").getAsInt());
                h.put("unsafeSites", json.get("unsafeSites").getAsInt());
                h.put("indexSeconds", round(indexSeconds));
                h.put("heapUsedAfterGcMB", round(json.get("heapUsedBytes").getAsLong() / 1048576.0));
                h.put("heapMaxMB", round(json.get("heapMaxBytes").getAsLong() / 1048576.0));
                figures.put(key, h);
                System.out.printf(Locale.ROOT, "%s: %d files indexed in %.1f s, %d unsafe sites, heap in use after GC %.1f MB"
                                + " (max %.0f MB)%n", xmx.isEmpty() ? "heap, default JVM" : "heap, -Xmx256m",
                        json.get("indexedFiles").getAsInt(), indexSeconds, json.get("unsafeSites").getAsInt(),
                        json.get("heapUsedBytes").getAsLong() / 1048576.0, json.get("heapMaxBytes").getAsLong() / 1048576.0);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void report(String label, String key, List<Double> values) {
        if (values.isEmpty()) {
            System.out.println(label + ": not measured");
            return;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", sorted.size());
        stats.put("min", round(sorted.get(0)));
        stats.put("p50", round(percentile(sorted, 50)));
        stats.put("p90", round(percentile(sorted, 90)));
        stats.put("p99", round(percentile(sorted, 99)));
        stats.put("max", round(sorted.get(sorted.size() - 1)));
        figures.put(key, stats);
        System.out.printf(Locale.ROOT, "%s: n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", label, sorted.size(),
                sorted.get(0), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A benchmark input: a real file when the corpus has it, else generated code of that size. */
    record Input(Path file, String text, String origin) {
        String describe() {
            return origin + " (" + text.split("\n", -1).length + " lines)";
        }

        static Input pick(Path corpus, int lines, String preferred, Path scratch) throws IOException {
            Path real = corpus.getParent() == null ? null : corpus.getParent().resolve(preferred);
            if (real != null && Files.isRegularFile(real)) {
                return new Input(real, Files.readString(real, StandardCharsets.UTF_8), real.toString());
            }
            Path file = scratch.resolve("generated-" + lines + ".rs");
            String text = Generated.rust(lines);
            Files.writeString(file, text);
            return new Input(file, text, "generated");
        }
    }

    /** Builds the workspace for the heap figure from whole crates of a corpus, or generated files. */
    static final class Workspace {
        static String build(Path corpus, Path target, int count) throws IOException {
            Files.createDirectories(target);
            int copied = 0;
            if (Files.isDirectory(corpus)) {
                List<Path> crates;
                try (Stream<Path> s = Files.list(corpus)) {
                    crates = s.filter(Files::isDirectory).sorted().toList();
                }
                for (Path crate : crates) {
                    if (copied >= count) {
                        break;
                    }
                    List<Path> rs;
                    try (Stream<Path> s = Files.walk(crate)) {
                        rs = s.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().toList();
                    }
                    Path dest = target.resolve(crate.getFileName().toString());
                    if (Files.isRegularFile(crate.resolve("Cargo.toml"))) {
                        Files.createDirectories(dest);
                        Files.copy(crate.resolve("Cargo.toml"), dest.resolve("Cargo.toml"));
                    }
                    for (Path f : rs) {
                        if (copied >= count) {
                            break;
                        }
                        Path to = dest.resolve(crate.relativize(f).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                        copied++;
                    }
                }
            }
            if (copied > 0) {
                return copied + " files from " + corpus;
            }
            Files.writeString(target.resolve("Cargo.toml"), "[package]\nname = \"generated\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
            for (int i = 0; i < count; i++) {
                Path f = target.resolve("src/m" + (i / 100) + "/f" + i + ".rs");
                Files.createDirectories(f.getParent());
                Files.writeString(f, Generated.rust(200));
            }
            return count + " generated files";
        }
    }

    /** Rust code with the usual mix of safe code, unsafe blocks, raw pointers and unsafe fns. */
    static final class Generated {
        static String rust(int lines) {
            StringBuilder sb = new StringBuilder("//! Generated benchmark input.\n\nuse std::ptr;\n\n");
            int n = 0;
            while (sb.toString().split("\n", -1).length < lines) {
                sb.append("/// Reads element ").append(n).append(".\n")
                        .append("///\n/// # Safety\n/// `p` must be valid for reads.\n")
                        .append("pub unsafe fn read_").append(n).append("(p: *const u32) -> u32 {\n")
                        .append("    unsafe { *p }\n}\n\n")
                        .append("pub fn sum_").append(n).append("(v: &[u32]) -> u32 {\n")
                        .append("    let mut total = 0;\n")
                        .append("    for i in 0..v.len() {\n")
                        .append("        // SAFETY: i < v.len()\n")
                        .append("        total += unsafe { read_").append(n).append("(v.as_ptr().add(i)) };\n")
                        .append("    }\n    total\n}\n\n")
                        .append("pub fn swap_").append(n).append("(a: &mut u32, b: &mut u32) {\n")
                        .append("    unsafe { ptr::swap(a as *mut u32, b as *mut u32) }\n}\n\n");
                n++;
            }
            return sb.toString();
        }
    }

}
