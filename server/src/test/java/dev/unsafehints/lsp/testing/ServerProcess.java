package dev.unsafehints.lsp.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How tests start the server as its own process: the same JVM binary and class path as the
 * tests, so it runs the classes just compiled (the shaded jar is only built after the tests).
 */
public final class ServerProcess {
    private ServerProcess() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -cp <test class path> <mainClass> args...}. */
    public static List<String> command(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The product's entry point: {@code unsafe-hints serve}. */
    public static List<String> serve(String... extraArgs) {
        List<String> args = new ArrayList<>();
        args.add("serve");
        args.addAll(List.of(extraArgs));
        return command("dev.unsafehints.cli.Main", args.toArray(new String[0]));
    }
}
