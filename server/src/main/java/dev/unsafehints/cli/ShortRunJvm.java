package dev.unsafehints.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scan started with plain {@code java -jar} in a JVM with the options the launchers give it:
 * the quick compiler alone and the parallel collector. A jar cannot choose its JVM's options, and
 * the JVM's defaults cost a scan of the standard library 14 to 22% more CPU than those options, even
 * with {@link QuickCompilation}'s directive keeping C2 out (README: benchmarks). So the process starts a
 * second JVM on the same jar with the same arguments and options plus these, hands it its standard
 * streams, and exits with its exit code; the start costs about 0.2 s of CPU. Nothing restarts when
 * the JVM's options already chose a compiler setting or a collector, when JAVA_TOOL_OPTIONS or
 * JDK_JAVA_OPTIONS are set (the second JVM would read them again), in the second JVM itself, or with
 * {@code -Dunsafehints.quickCompilation=false}.
 */
final class ShortRunJvm {
    /** What the second JVM is started with, as the launchers start scans (README: benchmarks). */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
    /** Set in the second JVM, so that it does not start a third. */
    private static final String RESTARTED = "unsafehints.restarted";

    private ShortRunJvm() {
    }

    /**
     * The command line of the second JVM, or null when this one should run the command itself.
     * {@code inputArguments} are this JVM's options, {@code classPath} its class path.
     */
    static List<String> command(String javaHome, List<String> inputArguments, String classPath, String[] args,
                                java.util.function.Function<String, String> environment) {
        if (Boolean.getBoolean(RESTARTED)
                || !Boolean.parseBoolean(System.getProperty("unsafehints.quickCompilation", "true"))
                || environment.apply("JAVA_TOOL_OPTIONS") != null || environment.apply("JDK_JAVA_OPTIONS") != null
                || classPath == null || classPath.isEmpty() || javaHome == null) {
            return null;
        }
        for (String option : inputArguments) {
            if (option.startsWith("-XX:TieredStopAtLevel") || option.startsWith("-XX:CompilerDirectivesFile")
                    || option.startsWith("-XX:-TieredCompilation") || option.matches("-XX:[+]Use\\w*GC")
                    || option.equals("-Xint") || option.equals("-Xcomp")) {
                return null; // the options were chosen
            }
        }
        Path java = Path.of(javaHome, "bin", "java");
        if (!Files.isExecutable(java)) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(inputArguments);
        command.addAll(OPTIONS);
        command.add("-D" + RESTARTED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the command in a second JVM if this one was started without the options; returns its
     * exit code, or -1 when this JVM should run the command itself (also when the second could not start).
     */
    static int runIfNeeded(String[] args) {
        List<String> command;
        try {
            command = command(System.getProperty("java.home"),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getProperty("java.class.path"), args, System::getenv);
        } catch (RuntimeException | LinkageError noManagement) {
            return -1;
        }
        if (command == null) {
            return -1;
        }
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException | RuntimeException cannotStart) {
            return -1;
        }
        // a signal that ends this process (a CI job cancelled) ends the scan too
        Thread stop = new Thread(process::destroy, "stop-scan");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = process.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return code;
            } catch (InterruptedException e) {
                // nothing interrupts main; keep waiting for the scan
            } catch (IllegalStateException shuttingDown) {
                return process.exitValue();
            }
        }
    }
}
