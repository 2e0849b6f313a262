package dev.unsafehints.report;

import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.FileStructure;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.SyntaxProblem;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one {@link FileAnalysis} into a {@link FileReport} while the file's text is at hand:
 * positions become 1-based, excerpts, fingerprints, line hashes, item paths and cfg conditions are
 * computed, and the text is then let go. Safe to call from many threads.
 */
public final class FileReportBuilder {
    /** Lines of source kept per site for excerpts. */
    public static final int MAX_EXCERPT_LINES = 12;

    private final Path base;

    /** @param base the folder report paths are relative to */
    public FileReportBuilder(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /**
     * @param modulePath the file's module path within its crate ({@code ptr::non_null}), may be empty
     * @param testFile   true for files that only exist in test builds (a crate's {@code tests/} folder)
     */
    public FileReport build(FileAnalysis analysis, String crateKey, String modulePath, boolean testFile) {
        SourceText source = analysis.source();
        String path = relative(analysis.path());
        List<Finding> findings = analysis.findings();
        ItemScopes scopes = null;
        List<String> lineHashes = List.of();
        if (!findings.isEmpty() || source.text().contains("cfg(")) {
            scopes = analysis.codeTokens().size() > 0 ? ItemScopes.of(source.text(), analysis.codeTokens())
                    : ItemScopes.of(source.text(), analysis.edition()); // an analysis that kept no tokens
        }
        if (!findings.isEmpty()) {
            lineHashes = LineHashes.of(source.text());
        }
        List<Site> sites = new ArrayList<>(findings.size());
        Counts counts = Counts.EMPTY;
        Counts testCounts = Counts.EMPTY;
        for (Finding f : findings) {
            Site site = site(f, analysis, path, scopes, lineHashes, modulePath, testFile);
            sites.add(site);
            if (site.testOnly()) {
                testCounts = testCounts.plus(site.ruleId());
            } else {
                counts = counts.plus(site.ruleId());
            }
        }
        List<SyntaxIssue> syntax = new ArrayList<>();
        for (SyntaxProblem p : analysis.syntaxProblems()) {
            syntax.add(new SyntaxIssue(span(source, p.range()), withoutPrefix(p.message())));
        }
        return new FileReport(path, crateKey, analysis.edition().year(), sites, syntax, analysis.notes(),
                counts, testCounts, safetyComments(sites, analysis.structure()), safetyDocs(sites, analysis.structure()),
                scopes == null ? Map.of() : scopes.guardedModules());
    }

    private Site site(Finding f, FileAnalysis analysis, String path, ItemScopes scopes, List<String> lineHashes,
                      String modulePath, boolean testFile) {
        SourceText source = analysis.source();
        Span span = span(source, f.range());
        Optional<RuleDescriptor> rule = RuleCatalog.byId(f.ruleId());
        RuleInfo.Category category = rule.map(RuleDescriptor::category).orElse(UnsafeKinds.categoryOf(f.ruleId()));

        ItemScopes.Enclosing enclosing = scopes.at(f.range().start());
        String itemPath = f.properties().getOrDefault("itemPath", "");
        if (itemPath.isBlank()) {
            itemPath = join(modulePath, enclosing.itemPath());
        }
        // The analysis' own conditions come first; ours add what it does not record, such as #[test].
        List<String> cfg = new ArrayList<>();
        f.cfg().stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(cfg::add);
        for (String c : enclosing.cfg()) {
            String bare = c.replaceAll("\\s", "");
            if (cfg.stream().noneMatch(x -> x.replaceAll("\\s", "").equals(bare))) {
                cfg.add(c);
            }
        }
        if (testFile && !cfg.contains("test")) {
            cfg.add(0, "test");
        }
        boolean testOnly = ItemScopes.isTestOnly(cfg);

        int firstLine = span.startLine();
        int lastLine = Math.min(span.endLine(), firstLine + MAX_EXCERPT_LINES - 1);
        List<String> excerpt = new ArrayList<>();
        for (int line = firstLine; line <= lastLine && line - 1 < source.lineCount(); line++) {
            excerpt.add(source.lineText(line - 1));
        }
        String siteText = SiteFingerprint.normalize(source.slice(f.range()));
        String lineText = excerpt.isEmpty() ? "" : excerpt.get(0);
        String fingerprint = SiteFingerprint.of(f.ruleId(), itemPath, siteText, lineText);
        String lineHash = firstLine - 1 < lineHashes.size() ? lineHashes.get(firstLine - 1) : "";

        List<RelatedSite> related = new ArrayList<>();
        for (RelatedLocation r : f.related()) {
            String relatedPath = r.file() == null ? path : relative(r.file());
            TextPosition start = r.start() != null ? r.start() : source.positionAt(r.range().start());
            TextPosition end = r.end() != null ? r.end() : source.positionAt(r.range().end());
            related.add(new RelatedSite(relatedPath,
                    new Span(start.line() + 1, start.column() + 1, end.line() + 1, end.column() + 1), r.message()));
        }
        return new Site(f.ruleId(), category, f.severity(), f.message(), path, span, excerpt, firstLine, itemPath,
                cfg, testOnly, siteText, fingerprint, lineHash, related, f.properties(), true);
    }

    /** Writers label syntax errors themselves; drop a "syntax error:" the parser put in front. */
    private static String withoutPrefix(String message) {
        String prefix = "syntax error:";
        return message.regionMatches(true, 0, prefix, 0, prefix.length())
                ? message.substring(prefix.length()).strip() : message;
    }

    private static String join(String modulePath, String items) {
        if (modulePath.isEmpty()) {
            return items;
        }
        return items.isEmpty() ? modulePath : modulePath + "::" + items;
    }

    static Span span(SourceText source, TextRange range) {
        TextPosition start = source.positionAt(range.start());
        TextPosition end = source.positionAt(range.end());
        return new Span(start.line() + 1, start.column() + 1, end.line() + 1, end.column() + 1);
    }

    /** The path relative to the base with {@code /} separators; absolute when outside the base. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * SAFETY comments of the unsafe blocks and impls the report counts (the `blocks` and `impls`
     * columns: outside test-only code), so that the coverage has the same denominator as the
     * columns. Whether a block has one comes from the analysis' own list of blocks when it
     * matches the sites one to one (it does not depend on whether `missing-safety-comment` is
     * on); else, as for impls, from the `missing-safety-comment` site at the same place.
     */
    static Coverage safetyComments(List<Site> sites, FileStructure structure) {
        List<Boolean> blocks = structure.counted().stream().filter(FileStructure.CountedSite::block)
                .sorted(java.util.Comparator.comparingInt(FileStructure.CountedSite::start))
                .map(FileStructure.CountedSite::documented).toList();
        return coverage(sites, RuleInfo.SafetyText.COMMENT, "safetyComment", blocks, true);
    }

    /**
     * `# Safety` sections of the unsafe fns and traits the report counts (the `fns` and `traits`
     * columns), the same way: the analysis' list of unsafe fns when it matches, else the
     * `missing-safety-doc` site on the item.
     */
    static Coverage safetyDocs(List<Site> sites, FileStructure structure) {
        List<Boolean> fns = structure.counted().stream().filter(c -> !c.block())
                .sorted(java.util.Comparator.comparingInt(FileStructure.CountedSite::start))
                .map(FileStructure.CountedSite::documented).toList();
        return coverage(sites, RuleInfo.SafetyText.SAFETY_SECTION, "safetySection", fns, false);
    }

    /**
     * The coverage of the sites {@code text} documents. {@code listed} is the analysis' own list of
     * the sites whose rule records the text's state on each finding (property {@code stateProperty}:
     * blocks, fns); the others are documented unless the rule that reports the text missing has a
     * finding there.
     */
    private static Coverage coverage(List<Site> sites, RuleInfo.SafetyText text, String stateProperty,
                                     List<Boolean> listed, boolean sameStart) {
        List<String> subjectRules = UnsafeKinds.documentedBy(text);
        String missingRule = UnsafeKinds.missingRule(text);
        List<Site> all = sites.stream().filter(s -> s.properties().containsKey(stateProperty))
                .sorted(java.util.Comparator.comparingInt((Site s) -> s.span().startLine())
                        .thenComparingInt(s -> s.span().startColumn())).toList();
        boolean useList = all.size() == listed.size();
        // Positions looked up in maps, not by searching the lists for each site: a file of a few
        // thousand unsafe fns (core::arch) made this quadratic, a few percent of a std scan.
        java.util.Map<Site, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.putIfAbsent(all.get(i), i); // as List.indexOf: the first of equal sites
        }
        List<Site> missing = sites.stream().filter(m -> m.ruleId().equals(missingRule)).toList();
        java.util.Set<Long> missingStarts = new java.util.HashSet<>();
        for (Site m : missing) {
            missingStarts.add(startKey(m.span()));
        }
        int total = 0;
        int documented = 0;
        for (Site s : sites) {
            if (!subjectRules.contains(s.ruleId()) || s.testOnly()) {
                continue;
            }
            total++;
            boolean has = useList && s.properties().containsKey(stateProperty) ? listed.get(position.get(s))
                    : sameStart ? !missingStarts.contains(startKey(s.span()))
                    : missing.stream().noneMatch(m -> overlaps(m.span(), s.span()));
            documented += has ? 1 : 0;
        }
        return new Coverage(documented, total);
    }

    private static long startKey(Span span) {
        return ((long) span.startLine() << 32) | (span.startColumn() & 0xffffffffL);
    }

    private static boolean overlaps(Span a, Span b) {
        return a.startLine() <= b.endLine() && b.startLine() <= a.endLine();
    }
}
