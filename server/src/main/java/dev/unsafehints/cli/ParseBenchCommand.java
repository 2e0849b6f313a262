package dev.unsafehints.cli;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.PredictionCache;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.grammar.SyntaxError;
import dev.unsafehints.workspace.CargoManifests;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
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
 * measured on the last (warm) pass; earlier passes warm up the JIT and ANTLR's caches. Files are
 * read again on every pass, one at a time, so memory use is that of parsing, not of the corpus;
 * reading is included in the measured time.
 */
@Command(name = "parse-bench", mixinStandardHelpOptions = true,
        description = "Parse all .rs files under PATH and print speed and syntax-error statistics.")
public final class ParseBenchCommand implements Callable<Integer> {
    @Option(names = "--warmup", paramLabel = "N", description = "Passes before the measured one (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--list-errors", description = "Print path:line:col: message for each syntax error.")
    boolean listErrors;

    @Option(names = "--list-ll", description = "Print the path of each file that needed the full-LL stage.")
    boolean listLL;

    @Option(names = "--memory", description = "Also print heap use, the size of ANTLR's lookahead cache, and the"
            + " measured pass's speed by CPU time (steadier than wall time on a busy machine).")
    boolean memory;

    @Option(names = "--edition", paramLabel = "YEAR", description = "Edition for files outside any crate (default: from Cargo.toml, else 2021).")
    String edition;

    @Option(names = "--profile", description = "Profile ANTLR decisions on one pass and print the costliest ones.")
    boolean profile;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (every .rs file under them).")
    List<Path> paths;

    /** The most heap in use right after a garbage collection, over all passes. */
    private long heapAfterGc;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        List<Path> files = RustFiles.under(paths);
        CargoManifests manifests = new CargoManifests();
        List<Edition> editions = new ArrayList<>(files.size());
        for (Path f : files) {
            editions.add(edition != null ? Edition.fromYear(edition) : manifests.crateOf(f).edition());
        }
        if (profile) {
            DecisionProfile.print(files, editions, out);
            return 0;
        }
        for (int pass = 0; pass < warmup; pass++) {
            for (int i = 0; i < files.size(); i++) {
                RustParsing.parse(read(files.get(i)).text, editions.get(i));
                sampleHeap();
            }
        }
        int errorFiles = 0;
        int llFiles = 0;
        long bytes = 0;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Source source = read(files.get(i));
            bytes += source.bytes;
            ParsedFile parsed = RustParsing.parse(source.text, editions.get(i));
            sampleHeap();
            if (parsed.neededFullLL()) {
                llFiles++;
                if (listLL) {
                    out.println("LL " + files.get(i));
                }
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
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (memory) {
            // What stays when no file is being parsed: the lookahead caches (and this program).
            System.gc();
            long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            out.printf(Locale.ROOT, "heap_peak_mb=%.1f heap_after_gc_max_mb=%.1f heap_retained_mb=%.1f heap_max_mb=%.1f"
                            + " dfa_states=%d dfa_max_states=%d dfa_resets=%d cpu_seconds=%.3f cpu_mb_per_s=%.2f%n",
                    heapPeak() / 1e6, heapAfterGc / 1e6, retained / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                    PredictionCache.states(), PredictionCache.maxStates(), PredictionCache.resets(), cpuSeconds,
                    bytes / 1e6 / Math.max(cpuSeconds, 1e-9));
        }
        out.printf(Locale.ROOT, "files=%d bytes=%d error_files=%d ll_files=%d seconds=%.3f mb_per_s=%.2f%n",
                files.size(), bytes, errorFiles, llFiles, seconds, bytes / 1e6 / Math.max(seconds, 1e-9));
        return 0;
    }

    /** Sum of the peak use of the heap pools: an upper bound of the heap the run needed at once. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private void sampleHeap() {
        if (memory) {
            heapAfterGc = Math.max(heapAfterGc, heapAfterLastGc());
        }
    }

    /** Heap in use right after the last garbage collection: what was live then. */
    private static long heapAfterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    record Source(String text, long bytes) {
    }

    static Source read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        return new Source(decode(raw), raw.length);
    }

    private static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }
}
