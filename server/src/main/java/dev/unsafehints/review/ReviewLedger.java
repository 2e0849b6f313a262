package dev.unsafehints.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The review ledger: a TOML file committed with the code ({@code unsafe-review.toml} by default)
 * that records who reviewed which unsafe site, with which argument, and the fingerprint the site's
 * item had then. An approval holds while the item keeps that fingerprint; once the item changes,
 * the approval is stale and the site needs another look. Read with Jackson's TOML parser; written
 * by hand so the file stays readable, commented and stable under diff (entries sorted by file,
 * item, kind and number).
 */
public final class ReviewLedger {
    public static final int VERSION = 1;
    public static final String DEFAULT_FILE = "unsafe-review.toml";
    private static final TomlMapper TOML = new TomlMapper();

    private final List<Approval> approvals;

    public ReviewLedger(List<Approval> approvals) {
        List<Approval> sorted = new ArrayList<>(approvals);
        sorted.sort(Comparator.comparing(Approval::file).thenComparing(Approval::item).thenComparing(Approval::kind)
                .thenComparingInt(Approval::ordinal));
        this.approvals = List.copyOf(sorted);
    }

    public static ReviewLedger empty() {
        return new ReviewLedger(List.of());
    }

    public List<Approval> approvals() {
        return approvals;
    }

    /** The ledger in {@code file}; an empty ledger when the file does not exist yet. */
    public static ReviewLedger read(Path file) throws ReviewException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw ReviewException.io("cannot read the review ledger " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static ReviewLedger parse(String text, String origin) throws ReviewException {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ReviewException.usage(dev.unsafehints.config.ConfigFile.syntaxProblem(text, e).describe(origin));
        } catch (IOException e) {
            throw ReviewException.usage(origin + ": not valid TOML");
        }
        if (root == null || root.isMissingNode() || root.isEmpty()) {
            return empty();
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw ReviewException.usage(origin + ": unsupported ledger version " + root.path("version")
                    + " (this tool reads version " + VERSION + ")");
        }
        JsonNode entries = root.path("approval");
        if (!entries.isMissingNode() && !entries.isArray()) {
            throw ReviewException.usage(origin + ": `approval` must be an array of tables ([[approval]])");
        }
        List<Approval> approvals = new ArrayList<>();
        int n = 0;
        for (JsonNode e : entries) {
            n++;
            String where = origin + ": approval #" + n;
            approvals.add(new Approval(text(e, "site", where, false), text(e, "file", where, true),
                    text(e, "item", where, true), text(e, "kind", where, true), ordinal(e, where),
                    text(e, "fingerprint", where, true), text(e, "by", where, true), text(e, "date", where, false),
                    text(e, "commit", where, false), text(e, "note", where, false)));
        }
        return new ReviewLedger(approvals);
    }

    private static String text(JsonNode entry, String key, String where, boolean required) throws ReviewException {
        JsonNode v = entry.path(key);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw ReviewException.usage(where + " lacks `" + key + "`");
            }
            return "";
        }
        if (!v.isValueNode()) {
            throw ReviewException.usage(where + ": `" + key + "` must be a string");
        }
        return v.asText();
    }

    private static int ordinal(JsonNode entry, String where) throws ReviewException {
        JsonNode v = entry.path("ordinal");
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw ReviewException.usage(where + ": `ordinal` must be a number from 1");
        }
        return v.asInt();
    }

    /** The approval that holds for a site with this item fingerprint, kind and number, if any. */
    public Optional<Approval> holdingFor(String itemFingerprint, String kind, int ordinal) {
        return approvals.stream().filter(a -> a.holdsFor(itemFingerprint, kind, ordinal)).findFirst();
    }

    /** An approval for the same place (file, item path, kind, number) made when the item was different. */
    public Optional<Approval> staleFor(String file, String itemPath, String kind, int ordinal, String itemFingerprint) {
        return approvals.stream().filter(a -> a.sameSlot(file, itemPath, kind, ordinal)
                && !a.fingerprint().equals(itemFingerprint)).findFirst();
    }

    /** This ledger with {@code approval} added, replacing any earlier approval of the same place. */
    public ReviewLedger with(Approval approval) {
        List<Approval> list = new ArrayList<>();
        for (Approval a : approvals) {
            if (!a.sameSlot(approval.file(), approval.item(), approval.kind(), approval.ordinal())
                    && !a.holdsFor(approval.fingerprint(), approval.kind(), approval.ordinal())) {
                list.add(a);
            }
        }
        list.add(approval);
        return new ReviewLedger(list);
    }

    /** Writes the ledger atomically (a temporary file renamed over the old one). */
    public void write(Path file) throws ReviewException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // a plain new file gets the user's default permissions (createTempFile would make it private)
            Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, toToml(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ReviewException.io("cannot write the review ledger " + file + ": " + e.getMessage(), e);
        }
    }

    public String toToml() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Unsafe Hints review ledger: who reviewed which unsafe site, and the argument they accepted.\n");
        sb.append("# Written by `unsafe-hints review --approve SITE --by NAME --note TEXT`; commit it with the code.\n");
        sb.append("# An approval holds while the item around its site (fn, impl, static, ...) keeps the\n");
        sb.append("# fingerprint below; when that code changes, review reports the site as stale.\n");
        sb.append("version = ").append(VERSION).append('\n');
        sb.append("fingerprint-scheme = ").append(quote(ItemFingerprint.SCHEME)).append('\n');
        for (Approval a : approvals) {
            sb.append("\n[[approval]]\n");
            line(sb, "site", a.site());
            line(sb, "file", a.file());
            line(sb, "item", a.item());
            line(sb, "kind", a.kind());
            sb.append("ordinal = ").append(a.ordinal()).append('\n');
            line(sb, "fingerprint", a.fingerprint());
            line(sb, "by", a.by());
            line(sb, "date", a.date());
            if (!a.commit().isEmpty()) {
                line(sb, "commit", a.commit());
            }
            line(sb, "note", a.note());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(" = ").append(quote(value)).append('\n');
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
