package dev.unsafehints.cli;

import java.util.regex.Pattern;

/**
 * One line of a {@code .gitignore}, compiled: negation ({@code !}), directory-only (trailing
 * {@code /}), anchored (a {@code /} at the start or in the middle) or matching a name at any depth,
 * {@code *}, {@code ?}, {@code [...]} classes and {@code **} as git documents them.
 */
record IgnorePattern(Pattern regex, boolean negated, boolean directoryOnly) {

    /** The pattern of one line, or null for blank lines and comments. */
    static IgnorePattern parse(String line) {
        String p = trimTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) {
            return null;
        }
        boolean negated = false;
        if (p.startsWith("!")) {
            negated = true;
            p = p.substring(1);
        } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
            p = p.substring(1);
        }
        boolean directoryOnly = false;
        if (p.endsWith("/") && !p.endsWith("\\/")) {
            directoryOnly = true;
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return null;
        }
        boolean anchored = p.indexOf('/') >= 0;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        String body = translate(p);
        String regex = anchored || p.startsWith("**/") ? body : "(?:.*/)?" + body;
        return new IgnorePattern(Pattern.compile(regex), negated, directoryOnly);
    }

    /** Does the pattern match {@code relative} (to the .gitignore's folder, {@code /}-separated)? */
    boolean matches(String relative, boolean isDirectory) {
        if (directoryOnly && !isDirectory) {
            return false;
        }
        return regex.matcher(relative).matches();
    }

    /** Trailing spaces are ignored unless escaped with a backslash. */
    private static String trimTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')) {
            if (end >= 2 && line.charAt(end - 2) == '\\') {
                break;
            }
            end--;
        }
        return line.substring(0, end);
    }

    private static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/')
                    && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    re.append(".*");          // "foo/**": everything inside
                    i += 2;
                } else {
                    re.append("(?:.*/)?");    // "**/" : zero or more folders
                    i += 3;
                }
                continue;
            }
            switch (c) {
                case '*' -> {
                    re.append("[^/]*");
                    while (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++;                  // other runs of stars are plain stars
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = classEnd(glob, i);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        re.append(characterClass(glob.substring(i + 1, close)));
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < n) {
                        i++;
                        re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }

    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        while (i < glob.length() && glob.charAt(i) != ']') {
            i++;
        }
        return i < glob.length() ? i : -1;
    }

    private static String characterClass(String inside) {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        if (!inside.isEmpty() && (inside.charAt(0) == '!' || inside.charAt(0) == '^')) {
            sb.append("^/"); // a negated class still never matches a separator
            i = 1;
        }
        for (; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '-' && i > 0 && i < inside.length() - 1) {
                sb.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else {
                sb.append('\\').append(c);
            }
        }
        return sb.append(']').toString();
    }
}
