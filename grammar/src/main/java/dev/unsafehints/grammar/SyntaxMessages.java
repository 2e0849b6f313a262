package dev.unsafehints.grammar;

/**
 * Turns ANTLR's messages into ones a Rust programmer reads easily: no token-type names, no
 * internal rule names.
 */
final class SyntaxMessages {
    private SyntaxMessages() {
    }

    static String humanize(String antlrMessage) {
        String m = antlrMessage;
        if (m.startsWith("extraneous input")) {
            m = m.replaceFirst("extraneous input (.*) expecting .*", "unexpected $1");
        } else if (m.startsWith("mismatched input")) {
            m = m.replaceFirst("mismatched input (.*) expecting (.*)", "unexpected $1, expected $2");
        } else if (m.startsWith("no viable alternative at input")) {
            m = m.replaceFirst("no viable alternative at input (.*)", "cannot parse $1");
        } else if (m.startsWith("missing ")) {
            m = m.replaceFirst("missing (.*) at (.*)", "expected $1 before $2");
        }
        m = m.replace("<EOF>", "end of file");
        if (m.length() > 200) {
            m = m.substring(0, 197) + "...";
        }
        return "syntax error: " + m;
    }
}
