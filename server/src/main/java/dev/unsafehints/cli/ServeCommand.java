package dev.unsafehints.cli;

import dev.unsafehints.lsp.ClientLog;
import dev.unsafehints.lsp.LanguageServerRunner;
import dev.unsafehints.lsp.ServerOptions;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Runs the language server on stdin/stdout. stdout carries JSON-RPC only: {@code System.out} is
 * pointed at stderr before anything else runs, so a stray print cannot corrupt the stream.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the language server (LSP 3.17, JSON-RPC over stdin/stdout).",
                "Logs go to stderr and to the client's log."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "Talk over stdin/stdout (the default and only transport; accepted"
            + " because LSP clients pass it).")
    boolean stdio;

    @Option(names = "--debounce-ms", paramLabel = "MS",
            description = "Quiet time after an edit before analysing (default: ${DEFAULT-VALUE}).")
    long debounceMs = ServerOptions.DEFAULT_DEBOUNCE.toMillis();

    @Option(names = "--stderr-log", paramLabel = "WHICH", description = "Log lines on stderr: all (default) or unsent."
            + " `unsent` writes only what the client did not receive as a log message,"
            + " for clients that show stderr in the same log (VS Code).")
    ClientLog.Stderr stderrLog = ClientLog.Stderr.ALL;

    @Unmatched
    List<String> unmatched; // e.g. --clientProcessId=N from some clients: the server uses initialize's processId

    @Override
    public Integer call() {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        PrintStream stderr = System.err;
        if (unmatched != null && !unmatched.isEmpty()) {
            stderr.println("[unsafe-hints] ignoring arguments " + unmatched);
        }
        ServerOptions options = ServerOptions.defaults().withDebounce(Duration.ofMillis(Math.max(0, debounceMs)));
        return LanguageServerRunner.run(System.in, stdout, stderr, options, stderrLog);
    }
}
