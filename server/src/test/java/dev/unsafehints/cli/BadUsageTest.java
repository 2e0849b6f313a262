package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A bad option or argument is said in a few lines, as cargo and ripgrep say it: which command, what
 * is wrong, a "did you mean" when one is near, where the options are; exit 2. picocli printed the
 * whole help after it (99 lines for `scan`), enum values in capitals and Java exception names.
 */
class BadUsageTest {
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        int code = cmd.execute(args);
        out = o.toString();
        err = e.toString().replace("\r\n", "\n");
        return code;
    }

    @Test
    void anUnknownOptionIsOneLineWithTheNearestOption() {
        assertEquals(2, run("scan", "--fail-onn", "warning", "."));
        assertTrue(err.startsWith("unsafe-hints scan: unknown option '--fail-onn'; did you mean '--fail-on'?\n"), err);
        assertTrue(err.endsWith("Run 'unsafe-hints scan --help' for its options.\n"), err);
        assertEquals(2, err.lines().count(), err);
        assertFalse(err.contains("Usage:"), err);
        assertEquals("", out);
    }

    @Test
    void aBadValueNamesTheValuesInTheirOwnSpelling() {
        assertEquals(2, run("scan", "-f", "xml", "."));
        assertTrue(err.startsWith("unsafe-hints scan: Invalid value for option '--format': 'xml' is not one of"
                + " text, json, sarif, markdown, html\n"), err);
        assertEquals(2, run("scan", "--max-file-size", "10X", "."));
        assertTrue(err.startsWith("unsafe-hints scan: Invalid value for option '--max-file-size': not a size: '10X'"
                + " (use e.g. 10M, 512K or bytes)\n"), err);
        assertFalse(err.contains("java.lang") || err.contains("cannot convert"), err);
    }

    @Test
    void anUnknownCommandSuggestsTheNearest() {
        assertEquals(2, run("scna", "."));
        assertTrue(err.startsWith("unsafe-hints: unknown command 'scna'; did you mean 'scan'?\n"), err);
        assertTrue(err.endsWith("Run 'unsafe-hints --help' for the commands.\n"), err);
        assertEquals(2, run("explain", "raw-pointer-deref", "extra"));
        assertTrue(err.startsWith("unsafe-hints explain: unexpected argument 'extra'\n"), err);
    }
}
