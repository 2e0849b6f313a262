package dev.unsafehints.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a project's {@code unsafe-hints.toml}. Shared by the language server, the scanner and
 * review, so all understand the file the same way:
 *
 * <pre>
 * large-block-threshold = 8
 *
 * [rules]
 * unsafe-block = "off"
 * missing-safety-comment = "error"
 * </pre>
 *
 * Levels are those {@link Severity#parse} accepts; what each key may hold, and the words for a
 * value that is wrong, are {@link SettingsReader}'s, shared with the editor settings. Keys the file
 * does not set keep their defaults.
 * A file that cannot be read as configuration (not TOML, a level or a value that is not one) is an
 * error ({@link InvalidConfigException}); a key or rule id we do not know is a warning with a "did
 * you mean" ({@link Loaded#warnings()}), so that a misspelling is never silent and a file written
 * for a newer version with more rules still works. Every problem has its place in the file.
 */
public final class ConfigFile {
    /** The file name looked up at a workspace or project root. */
    public static final String FILE_NAME = "unsafe-hints.toml";

    private static final TomlMapper TOML = new TomlMapper();

    private ConfigFile() {
    }

    /**
     * A problem at a place in the file: zero-based line, UTF-16 columns (end exclusive), as LSP
     * counts; {@link #describe} gives it as rustc does, 1-based.
     */
    public record Problem(String message, int line, int column, int endColumn) {
        /** `origin:line:column: message`, 1-based. */
        public String describe(String origin) {
            return origin + ":" + (line + 1) + ":" + (column + 1) + ": " + message;
        }

        /** `origin:line:column: warning: message`, 1-based, as rustc prints a warning. */
        public String describeWarning(String origin) {
            return origin + ":" + (line + 1) + ":" + (column + 1) + ": warning: " + message;
        }
    }

    /** The settings a file gives, and what in it was not understood but did not stop it. */
    public record Loaded(AnalysisSettings settings, List<Problem> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }

        static final Loaded DEFAULT = new Loaded(AnalysisSettings.DEFAULT, List.of());
    }

    /** The settings of the file in {@code folder}, or the defaults when there is none. */
    public static AnalysisSettings loadFromFolder(Path folder) throws InvalidConfigException {
        return load(folder.resolve(FILE_NAME));
    }

    /** The settings a file sets over the defaults; a missing file gives the defaults. */
    public static AnalysisSettings load(Path file) throws InvalidConfigException {
        return read(file).settings();
    }

    /** The settings and warnings of a file; a missing file gives the defaults. */
    public static Loaded read(Path file) throws InvalidConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Loaded.DEFAULT;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidConfigException(file.toString(), new Problem("not valid UTF-8", 0, 0, 0));
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), new Problem("cannot read: " + e.getMessage(), 0, 0, 0));
        }
        return read(text, file.toString());
    }

    /** Parses the text of a config file; {@code origin} names it in error messages. */
    public static AnalysisSettings parse(String text, String origin) throws InvalidConfigException {
        return read(text, origin).settings();
    }

    /** Parses the text of a config file, with its warnings; {@code origin} names it in messages. */
    public static Loaded read(String text, String origin) throws InvalidConfigException {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidConfigException(origin, syntaxProblem(text, e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Loaded.DEFAULT;
        }
        SettingsReader.Read read = SettingsReader.read(root, SettingsReader.Source.PROJECT_FILE);
        Locator where = new Locator(text);
        List<Problem> warnings = new ArrayList<>();
        for (SettingsReader.Issue issue : read.issues()) {
            Problem problem = where.key(issue.path(), issue.message());
            if (issue.error()) {
                throw new InvalidConfigException(origin, problem);
            }
            warnings.add(problem);
        }
        return new Loaded(AnalysisSettings.DEFAULT.overriddenBy(read.severities(), read.options()), warnings);
    }

    /** The TOML parser's complaint in a user's words, at the place it names (also for the review ledger). */
    public static Problem syntaxProblem(String text, JacksonException e) {
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        int cut = detail.indexOf('\n');
        detail = cut < 0 ? detail : detail.substring(0, cut);
        Matcher token = TOKEN_NAME.matcher(detail);
        detail = token.replaceAll(m -> Matcher.quoteReplacement(TOKEN_TEXT.getOrDefault(m.group(), m.group())));
        detail = detail.replaceFirst("^Unexpected token: Got (.*), expected (.*)$", "found $1 where $2 belongs");
        JsonLocation loc = e.getLocation();
        int line = loc == null || loc.getLineNr() < 1 ? 0 : loc.getLineNr() - 1;
        String[] lines = text.split("\r?\n", -1);
        line = Math.min(line, Math.max(0, lines.length - 1));
        int column = loc == null || loc.getColumnNr() < 1 ? 0 : Math.min(loc.getColumnNr() - 1, lines[line].length());
        if (column == 0 && line > 0 && lines[line].isBlank() && line == lines.length - 1) {
            // the parser stopped at the end of the file: point at the end of the last line
            line--;
            column = lines[line].length();
        }
        return new Problem("not valid TOML" + (detail.isEmpty() ? "" : ": " + detail), line, column,
                Math.min(lines[line].length(), column + 1));
    }

    /** The TOML parser's token names, and what a user wrote. */
    private static final Map<String, String> TOKEN_TEXT = Map.ofEntries(
            Map.entry("UNQUOTED_KEY", "a key"), Map.entry("DOT_SEP", "`.`"), Map.entry("STRING", "a string"),
            Map.entry("TRUE", "`true`"), Map.entry("FALSE", "`false`"), Map.entry("OFFSET_DATE_TIME", "a date"),
            Map.entry("LOCAL_DATE_TIME", "a date"), Map.entry("LOCAL_DATE", "a date"), Map.entry("LOCAL_TIME", "a time"),
            Map.entry("FLOAT", "a number"), Map.entry("INTEGER", "a number"), Map.entry("STD_TABLE_OPEN", "`[`"),
            Map.entry("STD_TABLE_CLOSE", "`]`"), Map.entry("INLINE_TABLE_OPEN", "`{`"),
            Map.entry("INLINE_TABLE_CLOSE", "`}`"), Map.entry("ARRAY_TABLE_OPEN", "`[[`"),
            Map.entry("ARRAY_TABLE_CLOSE", "`]]`"), Map.entry("ARRAY_OPEN", "`[`"), Map.entry("ARRAY_CLOSE", "`]`"),
            Map.entry("KEY_VAL_SEP", "`=`"), Map.entry("COMMA", "`,`"),
            Map.entry("ARRAY_WS_COMMENT_NEWLINE", "a line break"));
    private static final Pattern TOKEN_NAME = Pattern.compile("\\b[A-Z][A-Z_]+[A-Z]\\b");

    /**
     * Finds where a key is written: `[table]` headers, `key =`, dotted keys (`rules.x =`) and inline
     * tables (`rules = { x = .. }`), bare or quoted. A key it cannot find points at the start of the
     * file.
     */
    static final class Locator {
        private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*]\\s*(#.*)?$");
        private static final Pattern KEY = Pattern.compile(
                "^\\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)(?:\\s*\\.\\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+))*)\\s*=");
        private final String[] lines;

        Locator(String text) {
            this.lines = text.split("\r?\n", -1);
        }

        Problem key(List<String> path, String message) {
            String wanted = String.join(".", path);
            List<String> table = List.of();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                Matcher h = HEADER.matcher(line);
                if (h.matches()) {
                    table = split(h.group(1));
                    if (String.join(".", table).equals(wanted)) {
                        return new Problem(message, i, h.start(1), h.end(1));
                    }
                    continue;
                }
                Matcher k = KEY.matcher(line);
                if (!k.find()) {
                    continue;
                }
                List<String> full = new ArrayList<>(table);
                full.addAll(split(k.group(1)));
                if (String.join(".", full).equals(wanted)) {
                    return new Problem(message, i, k.start(1), line.stripTrailing().length());
                }
                if (path.size() == 2 && String.join(".", full).equals(path.get(0))) {
                    // an inline table: `rules = { unsafe-block = "off" }`
                    Matcher inner = Pattern.compile("[{,]\\s*([\"']?)" + Pattern.quote(path.get(1)) + "\\1\\s*=")
                            .matcher(line);
                    if (inner.find()) {
                        int start = line.indexOf(inner.group(1) + path.get(1), inner.start());
                        return new Problem(message, i, start, start + path.get(1).length() + 2 * inner.group(1).length());
                    }
                }
            }
            return new Problem(message, 0, 0, 0);
        }

        private static List<String> split(String dotted) {
            List<String> parts = new ArrayList<>();
            Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)").matcher(dotted);
            while (m.find()) {
                parts.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
            return parts;
        }
    }

    /** The file exists but cannot be used; the message names the file, the place and the key at fault. */
    public static final class InvalidConfigException extends Exception {
        private final transient Problem problem;

        public InvalidConfigException(String origin, Problem problem) {
            super(problem.describe(origin));
            this.problem = problem;
        }

        /** What is wrong, and where in the file. */
        public Problem problem() {
            return problem;
        }
    }
}
