package dev.unsafehints.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one jar: the language server, the scanner and the tools share it. */
@Command(name = "unsafe-hints",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds unsafe code in Rust and explains how to handle it.",
        subcommands = {ServeCommand.class, ScanCommand.class, ParseBenchCommand.class, ExplainCommand.class,
                ReviewCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        // `--version` alone answers before picocli reads the annotations of every command, which
        // costs more than the JVM's own start (a third of the answer time); same text as picocli's.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(new VersionProvider().getVersion()[0]);
            return;
        }
        if (args.length > 0 && (args[0].equals("scan") || args[0].equals("review"))) {
            QuickCompilation.forShortRun();
        }
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
