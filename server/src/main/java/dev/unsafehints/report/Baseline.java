package dev.unsafehints.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sites of an earlier report of ours (JSON or SARIF), as a multiset of {@link SiteFingerprint}s.
 * Applying it marks the sites it already had as not new; a fingerprint seen twice in the baseline
 * excuses two identical sites, a third one is new.
 */
public final class Baseline {
    private final String file;
    private final Map<String, Integer> fingerprints;

    private Baseline(String file, Map<String, Integer> fingerprints) {
        this.file = file;
        this.fingerprints = fingerprints;
    }

    /** The outcome: files with {@link Site#isNew()} set, and the counts. */
    public record Result(List<FileReport> files, BaselineSummary summary) {
    }

    /** Thrown when the file is not a report of ours (no site fingerprints, not JSON, ...). */
    public static final class BadBaselineException extends Exception {
        public BadBaselineException(String message) {
            super(message);
        }
    }

    /**
     * Reads a baseline: our JSON report or a SARIF log of ours. Whatever else it is, the message
     * says so in a user's words (never the parser's internals) and how to write one.
     */
    public static Baseline read(Path path) throws IOException, BadBaselineException {
        String notOurs = "baseline " + path + " is not a JSON or SARIF report of unsafe-hints";
        String howTo = " (write one with `unsafe-hints scan -f json -o FILE` or `-f sarif`)";
        String text;
        try {
            text = Files.readString(path);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadBaselineException(notOurs + ": it is not UTF-8 text" + howTo);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column "
                    + Math.max(1, at.getColumnNr());
            throw new BadBaselineException(notOurs + ": it is not JSON" + where + howTo);
        }
        if (root == null || !root.isObject()) {
            throw new BadBaselineException(notOurs + (root == null || root.isMissingNode() ? ": it is empty" : "") + howTo);
        }
        if (root.path("schema").asText("").equals("unsafe-hints-review")) {
            throw new BadBaselineException("baseline " + path + " is a review report (`unsafe-hints review`), not a"
                    + " scan report" + howTo);
        }
        Map<String, Integer> prints = new HashMap<>();
        if (root.has("runs")) {
            for (JsonNode run : root.path("runs")) {
                for (JsonNode result : run.path("results")) {
                    String fp = result.path("partialFingerprints").path(SiteFingerprint.SARIF_KEY).asText("");
                    if (fp.isEmpty()) {
                        throw new BadBaselineException("baseline " + path + " has a result without the "
                                + SiteFingerprint.SARIF_KEY + " fingerprint: it was not written by unsafe-hints");
                    }
                    prints.merge(fp, 1, Integer::sum);
                }
            }
        } else if (root.has("schemaVersion") && root.has("files")) {
            for (JsonNode f : root.path("files")) {
                for (JsonNode site : f.path("sites")) {
                    String fp = site.path("fingerprint").asText("");
                    if (!fp.isEmpty()) {
                        prints.merge(fp, 1, Integer::sum);
                    }
                }
            }
        } else {
            throw new BadBaselineException(notOurs + howTo);
        }
        return new Baseline(path.toString(), prints);
    }

    public static Baseline of(String name, List<String> fingerprints) {
        Map<String, Integer> prints = new HashMap<>();
        fingerprints.forEach(fp -> prints.merge(fp, 1, Integer::sum));
        return new Baseline(name, prints);
    }

    public Result apply(List<FileReport> files) {
        Map<String, Integer> left = new HashMap<>(fingerprints);
        int fresh = 0;
        int known = 0;
        List<FileReport> result = new ArrayList<>(files.size());
        for (FileReport f : files) {
            List<Site> sites = new ArrayList<>(f.sites().size());
            for (Site s : f.sites()) {
                Integer n = left.get(s.fingerprint());
                boolean isNew = n == null || n == 0;
                if (isNew) {
                    fresh++;
                } else {
                    left.put(s.fingerprint(), n - 1);
                    known++;
                }
                sites.add(s.withNew(isNew));
            }
            result.add(f.withSites(sites));
        }
        int gone = left.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(result, new BaselineSummary(file, fresh, known, gone));
    }
}
