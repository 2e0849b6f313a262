package dev.unsafehints.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps a scan started with plain {@code java -jar} from spending half its CPU time in the JIT's
 * optimizing compiler. C2 takes seconds to compile the generated parser's huge methods, on a core
 * the scan needs, and a scan of even the standard library is over before that pays back; the
 * launchers start scans with {@code -XX:TieredStopAtLevel=1} for that reason, but CI recipes and
 * editors start the jar directly. {@link ShortRunJvm} restarts such a scan with the launchers'
 * options; where it does not (JAVA_TOOL_OPTIONS set, a collector chosen), a compiler
 * directive excludes every method from C2 (HotSpot then keeps them at C1's quickest level). It is
 * added through the JVM's diagnostic-command MBean (module jdk.management, in every JDK), on a
 * background thread so the scan does not wait for it; where that is missing it does nothing.
 * Measured on the standard library (1.85 sources, 2 cores): 83 s of CPU with the JVM's defaults,
 * 47 s with the directive, 41 s with the launcher's options. The language server keeps C2: it runs
 * for hours. {@code -Dunsafehints.quickCompilation=false} turns this off.
 */
final class QuickCompilation {
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompilation() {
    }

    /** For a command that ends within minutes: scan and review. */
    static void forShortRun() {
        if (!Boolean.parseBoolean(System.getProperty("unsafehints.quickCompilation", "true"))) {
            return;
        }
        Thread t = new Thread(QuickCompilation::addDirective, "quick-compilation");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directive now, unless the JVM's options chose the compilers; false when it could not. */
    static boolean addDirective() {
        try {
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (option.startsWith("-XX:TieredStopAtLevel") || option.startsWith("-XX:CompilerDirectivesFile")) {
                    return false; // chosen already
                }
            }
            Path file = Files.createTempFile("unsafe-hints-compilation", ".json");
            try {
                Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                return true;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError notThisJvm) {
            // another JVM, no jdk.management module, or no temp folder: the scan runs with the defaults
            return false;
        }
    }
}
