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
 */
public final class ClientLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream stderr;
    private volatile LanguageClient client;
    private volatile String trace = TraceValue.Off;

    public ClientLog(PrintStream stderr) {
        this.stderr = stderr;
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
        toStderr("ERROR", message + (error == null ? "" : ": " + error + "\n" + stack));
        toClient(MessageType.Error, error == null ? message : message + ": " + error);
    }

    public void warn(String message) {
        toStderr("WARN", message);
        toClient(MessageType.Warning, message);
    }

    public void info(String message) {
        toStderr("INFO", message);
        toClient(MessageType.Info, message);
    }

    /** Detail for someone debugging the server: stderr, and the client's trace when enabled. */
    public void debug(String message) {
        if (!tracing()) {
            return;
        }
        toStderr("DEBUG", message);
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

    private void toClient(MessageType type, String message) {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.logMessage(new MessageParams(type, message));
        } catch (RuntimeException e) {
            // The connection is gone; stderr already has the message.
            toStderr("WARN", "cannot send window/logMessage: " + e);
        }
    }
}
