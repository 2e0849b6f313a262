package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `--version` alone answers before picocli starts (Main); it must say exactly what picocli says. */
class VersionShortcutTest {
    @Test
    void shortcutPrintsWhatPicocliPrints() {
        StringWriter picocli = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main()).setOut(new PrintWriter(picocli));
        assertEquals(0, commandLine.execute("--version"));

        for (String option : new String[] {"--version", "-V"}) {
            PrintStream saved = System.out;
            ByteArrayOutputStream shortcut = new ByteArrayOutputStream();
            System.setOut(new PrintStream(shortcut, true, StandardCharsets.UTF_8));
            try {
                Main.main(new String[] {option});
            } finally {
                System.setOut(saved);
            }
            assertEquals(picocli.toString().strip(), shortcut.toString(StandardCharsets.UTF_8).strip(), option);
        }
        assertEquals(true, picocli.toString().startsWith("unsafe-hints "), picocli.toString());
    }
}
