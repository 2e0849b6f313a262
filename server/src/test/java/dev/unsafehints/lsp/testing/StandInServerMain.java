package dev.unsafehints.lsp.testing;

import dev.unsafehints.lsp.LanguageServerRunner;
import dev.unsafehints.lsp.ServerOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The language server on stdio with the stand-in rules, for the editor tests while the catalogue
 * does not yet hold the rules they need (see {@code EditorE2ETest#serverCommand}).
 */
public final class StandInServerMain {
    private StandInServerMain() {
    }

    public static void main(String[] args) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        ServerOptions options = new ServerOptions(StandInRules.all(), Duration.ofMillis(50),
                ServerOptions.DEFAULT_PARENT_POLL, 2);
        System.exit(LanguageServerRunner.run(System.in, stdout, System.err, options));
    }
}
