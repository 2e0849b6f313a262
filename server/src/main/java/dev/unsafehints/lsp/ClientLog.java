package dev.unsafehints.lsp;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.TraceValue;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log. Everything goes to stderr (stdout carries only JSON-RPC); info, warnings and
 * errors also go to the client as {@code window/logMessage}; detail goes out as {@code $/logTrace}
 * only while the client has asked for tracing ({@code trace} in initialize, {@code $/setTrace}).
 * A client that shows the server's stderr in the same log (VS Code, as errors) starts the server
 * with {@code serve --stderr-log unsent}: then stderr gets only what the client did not receive.
 */
public final class ClientLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** Which lines go to stderr. */
    public enum Stderr {
        /** every line (the default: editors that keep stderr apart, scripts, debugging) */
        ALL,
        /** only lines the client did not receive (before it connected, or when sending failed) */
        UNSENT
    }

    private final PrintStream stderr;
    private final Stderr mode;
    private volatile LanguageClient client;
    private volatile String trace = TraceValue.Off;

    public ClientLog(PrintStream stderr) {
        this(stderr, Stderr.ALL);
    }

    public ClientLog(PrintStream stderr, Stderr mode) {
        this.stderr = stderr;
        this.mode = mode;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void setTrace(String value) {
        this.trace = value == null ? TraceValue.Off : value;
    }

    boolean tracing() {
        return !TraceValue.Off.equals(trace);
    }

    public void error(String message, Throwable error) {
        StringWriter stack = new StringWriter();
        if (error != null) {
            error.printStackTrace(new PrintWriter(stack));
        }
        String full = message + (error == null ? "" : ": " + error + "\n" + stack);
        if (!toClient(MessageType.Error, error == null ? message : message + ": " + error) || mode == Stderr.ALL) {
            toStderr("ERROR", full);
        }
    }

    public void warn(String message) {
        if (!toClient(MessageType.Warning, message) || mode == Stderr.ALL) {
            toStderr("WARN", message);
        }
    }

    public void info(String message) {
        if (!toClient(MessageType.Info, message) || mode == Stderr.ALL) {
            toStderr("INFO", message);
        }
    }

    /** Detail for someone debugging the server: stderr, and the client's trace when enabled. */
    public void debug(String message) {
        if (!tracing()) {
            return;
        }
        if (mode == Stderr.ALL) {
            toStderr("DEBUG", message);
        }
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logTrace(new LogTraceParams(message));
            } catch (RuntimeException e) {
                toStderr("WARN", "cannot send $/logTrace: " + e);
            }
        }
    }

    private void toStderr(String level, String message) {
        synchronized (stderr) {
            stderr.println("[unsafe-hints " + LocalTime.now().format(TIME) + " " + level + "] " + message);
            stderr.flush();
        }
    }

    /** Sends the line to the client; false when there is none or sending failed. */
    private boolean toClient(MessageType type, String message) {
        LanguageClient c = client;
        if (c == null) {
            return false;
        }
        try {
            c.logMessage(new MessageParams(type, message));
            return true;
        } catch (RuntimeException e) {
            toStderr("WARN", "cannot send window/logMessage: " + e);
            return false;
        }
    }
}
