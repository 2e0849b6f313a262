package dev.unsafehints.report;

import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * One analyzed file: its sites (all of them; {@link Site#isNew()} says which a baseline lacked),
 * syntax errors, notes and counts. Holds no source text beyond the sites' excerpts.
 *
 * @param path         relative to the scan's base directory, with {@code /} separators
 * @param crateKey     the {@link CrateReport#key()} of its crate
 * @param counts       sites per rule outside test-only code
 * @param testCounts   sites per rule in test-only code ({@code cfg(test)}, {@code #[test]}, tests/)
 * @param safetyComments unsafe blocks with a SAFETY comment, of all of them
 * @param safetyDocs   unsafe fns and traits with a {@code # Safety} section, of all of them
 * @param guardedModules out-of-line modules this file declares under cfg ({@code #[cfg(test)] mod tests;})
 */
public record FileReport(String path, String crateKey, String edition, List<Site> sites,
                         List<SyntaxIssue> syntaxErrors, List<String> notes, Counts counts, Counts testCounts,
                         Coverage safetyComments, Coverage safetyDocs,
                         Map<String, List<String>> guardedModules) {
    public FileReport {
        guardedModules = Map.copyOf(guardedModules);
        sites = List.copyOf(sites);
        syntaxErrors = List.copyOf(syntaxErrors);
        notes = List.copyOf(notes);
    }

    public boolean partlyParsed() {
        return !syntaxErrors.isEmpty();
    }

    public FileReport withSites(List<Site> newSites) {
        return new FileReport(path, crateKey, edition, newSites, syntaxErrors, notes, counts, testCounts,
                safetyComments, safetyDocs, guardedModules);
    }

    /** The unsafe sites ({@link UnsafeKinds#SITES}: where `unsafe` is written) outside test-only code. */
    public int unsafeSiteCount() {
        int n = 0;
        for (String id : UnsafeKinds.SITES) {
            n += counts.get(id);
        }
        return n;
    }

    /**
     * This file with more cfg conditions in front of every site's own (its module was declared
     * under cfg in the parent file); counts are split again into test and non-test.
     */
    /**
     * This file with each site marked compiled or not where {@code environment} can tell (property
     * {@value Site#COMPILED}: "yes" or "no"); nothing is dropped.
     */
    public FileReport withCompiled(dev.unsafehints.workspace.CfgEnvironment environment) {
        if (!environment.known() || sites.isEmpty()) {
            return this;
        }
        List<Site> marked = new java.util.ArrayList<>(sites.size());
        for (Site s : sites) {
            Boolean compiled = environment.holdsAll(s.cfg());
            if (compiled == null) {
                marked.add(s);
                continue;
            }
            marked.add(s.withProperty(Site.COMPILED, compiled ? "yes" : "no"));
        }
        return new FileReport(path, crateKey, edition, marked, syntaxErrors, notes, counts, testCounts,
                safetyComments, safetyDocs, guardedModules);
    }

    public FileReport withOuterCfg(List<String> outer) {
        List<Site> newSites = new java.util.ArrayList<>(sites.size());
        Counts normal = Counts.EMPTY;
        Counts tests = Counts.EMPTY;
        Coverage comments = safetyComments;
        Coverage docs = safetyDocs;
        Map<String, List<Site>> missing = null; // this file's sites by rule id, made on first need
        for (Site s : sites) {
            List<String> cfg = new java.util.ArrayList<>(outer);
            s.cfg().stream().filter(c -> !cfg.contains(c)).forEach(cfg::add);
            boolean testOnly = ItemScopes.isTestOnly(cfg);
            if (testOnly && !s.testOnly()) {
                // the coverages count outside test-only code, as the columns do: a block of a
                // `#[cfg(test)] mod tests;` file leaves them too (a tests.rs counted 0 blocks but 1 to cover)
                RuleInfo.SafetyText text = UnsafeKinds.documentedByOf(s.ruleId());
                if (text != RuleInfo.SafetyText.NONE && missing == null) {
                    missing = sitesByRule();
                }
                int documented = text != RuleInfo.SafetyText.NONE && documented(s, text, missing) ? 1 : 0;
                if (text == RuleInfo.SafetyText.COMMENT) {
                    comments = new Coverage(comments.documented() - documented, comments.total() - 1);
                } else if (text == RuleInfo.SafetyText.SAFETY_SECTION) {
                    docs = new Coverage(docs.documented() - documented, docs.total() - 1);
                }
            }
            newSites.add(new Site(s.ruleId(), s.category(), s.severity(), s.message(), s.path(), s.span(),
                    s.excerpt(), s.excerptFirstLine(), s.itemPath(), cfg, testOnly, s.siteText(), s.fingerprint(),
                    s.lineHash(), s.related(), s.properties(), s.isNew()));
            if (testOnly) {
                tests = tests.plus(s.ruleId());
            } else {
                normal = normal.plus(s.ruleId());
            }
        }
        return new FileReport(path, crateKey, edition, newSites, syntaxErrors, notes, normal, tests,
                comments, docs, guardedModules);
    }

    /** This file's sites by rule id. */
    private Map<String, List<Site>> sitesByRule() {
        Map<String, List<Site>> byRule = new java.util.HashMap<>();
        for (Site m : sites) {
            byRule.computeIfAbsent(m.ruleId(), k -> new java.util.ArrayList<>()).add(m);
        }
        return byRule;
    }

    /**
     * Whether a block, impl, fn or trait of this file has its SAFETY comment or `# Safety` section (no
     * template): from the state its rule recorded on the site (blocks, fns), else from the rule that
     * reports the text missing; {@code byRule}: {@link #sitesByRule()}, made once for all the sites asked about.
     */
    private boolean documented(Site s, RuleInfo.SafetyText text, Map<String, List<Site>> byRule) {
        if (s.properties().containsKey("safetyComment")) {
            return "true".equals(s.properties().get("safetyComment"));
        }
        if (s.properties().containsKey("safetySection")) {
            return "documented".equals(s.properties().get("safetySection"));
        }
        return byRule.getOrDefault(UnsafeKinds.missingRule(text), List.of()).stream()
                .noneMatch(m -> m.span().startLine() <= s.span().endLine()
                && m.span().endLine() >= s.span().startLine());
    }
}
