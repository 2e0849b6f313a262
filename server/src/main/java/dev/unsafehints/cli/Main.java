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
            int restarted = ShortRunJvm.runIfNeeded(args);
            if (restarted >= 0) {
                System.exit(restarted);
            }
            QuickCompilation.forShortRun();
        }
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The command line as {@code main} runs it: enum values in any case, bad usage said in a few lines. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::badUsage);
    }

    private static final java.util.regex.Pattern ENUM_VALUES = java.util.regex.Pattern.compile(
            "expected one of \\[(.*)\\] \\(case-insensitive\\) but was '(.*)'");

    /**
     * A bad option or argument, the way cargo and ripgrep say it: one line naming the command and
     * what is wrong, a "did you mean" when an option or command is near, and where to find the
     * options (picocli prints the whole help, 99 lines for {@code scan}, burying the one that matters).
     */
    static int badUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        java.util.regex.Matcher values = ENUM_VALUES.matcher(message);
        if (values.find()) {
            message = message.substring(0, values.start()) + "'" + values.group(2) + "' is not one of "
                    + values.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            boolean topLevel = cmd.getCommandSpec().parent() == null;
            message = first.startsWith("-") ? "unknown option '" + first + "'"
                    : topLevel ? "unknown command '" + first + "'"
                    : "unexpected argument '" + first + "'";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean '" + unmatched.getSuggestions().get(0) + "'?";
        }
        err.println(name + ": " + message);
        err.println("Run '" + name + " --help' for " + (cmd.getCommandSpec().parent() == null
                ? "the commands." : "its options."));
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
