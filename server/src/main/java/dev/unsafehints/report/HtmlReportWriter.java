package dev.unsafehints.report;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.operations.OperationKinds;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-contained teaching report (one file, inline CSS and SVG, no script, no external
 * resources): totals and charts, a per-crate table, then every unsafe site with its code, the
 * operations inside it, the guideline findings on it, what a reviewer should check, and finally the
 * guideline documents of every rule that appears. All text is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final int TOP_FILES = 10;

    @Override
    public void write(ReportModel model, Writer out) throws IOException {
        List<Site> reported = model.reportedSites();
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlSearch.CONTENT_SECURITY_POLICY + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"" + Html.escape(model.tool().name() + " " + model.tool().version()) + "\">\n"
                + "<title>Unsafe code report: " + Html.escape(title(model)) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        header(out, model, reported);
        overview(out, model);
        crates(out, model);
        Set<String> rulesSeen = new LinkedHashSet<>();
        sites(out, model, reported, false, rulesSeen);
        sites(out, model, reported, true, rulesSeen);
        dependencies(out, model, rulesSeen);
        problems(out, model);
        guidelines(out, rulesSeen);
        out.write("<footer>Written by " + Html.escape(model.tool().name() + " " + model.tool().version())
                + ". Rule documents: <a href=\"" + Html.escape(model.tool().informationUri()) + "\">"
                + Html.escape(model.tool().informationUri()) + "</a></footer>\n" + HtmlSearch.scriptElement()
                + "</body>\n</html>\n");
        out.flush();
    }

    private static String title(ReportModel model) {
        if (model.crates().size() == 1) {
            return model.crates().get(0).displayName();
        }
        return String.join(", ", model.scan().roots());
    }

    private static void header(Writer out, ReportModel model, List<Site> reported) throws IOException {
        out.write("<header class=\"top\"><h1>Unsafe code report</h1>\n<p class=\"sub\">" + Html.escape(title(model))
                + " · scanned " + Html.escape(String.join(", ", model.scan().roots())) + "</p>\n");
        out.write("<nav><a href=\"#overview\">Overview</a> <a href=\"#crates\">Crates</a> <a href=\"#sites\">Unsafe sites</a>"
                + " <a href=\"#tests\">Test-only code</a>"
                + (model.dependencies().scanned() ? " <a href=\"#dependencies\">Dependencies</a>" : "")
                + " <a href=\"#problems\">Skipped files</a> <a href=\"#guidelines\">Guidelines</a></nav>\n");
        out.write("<div class=\"cards\">");
        card(out, String.valueOf(model.files().size()), "files analyzed");
        card(out, String.valueOf(model.crates().size()), model.crates().size() == 1 ? "crate" : "crates");
        // the same counts, with the same words, as the editor's status bar and inventory: where `unsafe`
        // is written, and the operations apart (casts, safe code, in neither)
        Counts total = model.totalCounts();
        int unsafeSites = 0;
        for (String id : UnsafeKinds.SITES) {
            unsafeSites += total.get(id);
        }
        int operations = 0;
        for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
            operations += total.get(k.ruleId());
        }
        card(out, String.valueOf(unsafeSites), "unsafe sites (blocks, fns, impls, traits, extern blocks, attributes; outside tests)");
        card(out, String.valueOf(operations), "unsafe operations");
        card(out, model.totalSafetyComments().percentText(), "unsafe blocks and impls with a SAFETY comment");
        card(out, String.valueOf(reported.size()), model.baseline().isPresent() ? "new or changed findings" : "findings");
        card(out, String.valueOf(model.skipped().size() + model.partlyParsedFiles().size()), "files skipped or partly parsed");
        out.write("</div>\n");
        if (model.baseline().isPresent()) {
            BaselineSummary b = model.baseline().get();
            out.write("<p class=\"baseline\">Compared with baseline <code>" + Html.escape(b.file()) + "</code>: "
                    + b.newSites() + " new or changed, " + b.unchangedSites() + " unchanged (not shown), "
                    + b.fixedSites() + " gone.</p>\n");
        }
        out.write("</header>\n");
    }

    private static void card(Writer out, String value, String label) throws IOException {
        out.write("<div class=\"card\"><div class=\"num\">" + Html.escape(value) + "</div><div>" + Html.escape(label) + "</div></div>");
    }

    private static void overview(Writer out, ReportModel model) throws IOException {
        out.write("<section id=\"overview\"><h2>Overview</h2>\n<div class=\"charts\">\n");
        Counts total = model.totalCounts();
        List<HtmlCharts.Bar> kinds = new ArrayList<>();
        for (UnsafeKinds.Kind k : UnsafeKinds.INVENTORY) {
            if (total.get(k.ruleId()) > 0) {
                kinds.add(new HtmlCharts.Bar(k.ruleId(), total.get(k.ruleId()), 0));
            }
        }
        for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
            if (total.get(k.ruleId()) > 0) {
                kinds.add(new HtmlCharts.Bar(k.ruleId(), total.get(k.ruleId()), 0));
            }
        }
        // declarations, casts and operations together: "unsafe sites" alone are where `unsafe` is written
        out.write("<figure><figcaption>Unsafe code by kind</figcaption>" + HtmlCharts.bars("Unsafe code by kind", kinds) + "</figure>\n");
        List<HtmlCharts.Bar> coverage = new ArrayList<>();
        for (CrateReport c : model.crates()) {
            coverage.add(new HtmlCharts.Bar(c.displayName(), c.safetyComments().total(), c.safetyComments().documented()));
        }
        out.write("<figure><figcaption>SAFETY comment coverage per crate <span class=\"legend\"><i class=\"sw documented\"></i>documented"
                + " <i class=\"sw missing\"></i>undocumented</span></figcaption>"
                + HtmlCharts.coverage("SAFETY comment coverage per crate", coverage) + "</figure>\n");
        List<FileReport> byUnsafe = new ArrayList<>(model.files());
        byUnsafe.sort(Comparator.comparingInt(FileReport::unsafeSiteCount).reversed().thenComparing(FileReport::path));
        List<HtmlCharts.Bar> top = byUnsafe.stream().filter(f -> f.unsafeSiteCount() > 0).limit(TOP_FILES)
                .map(f -> new HtmlCharts.Bar(f.path(), f.unsafeSiteCount(), 0)).toList();
        out.write("<figure><figcaption>Files with the most unsafe sites</figcaption>"
                + HtmlCharts.bars("Files with the most unsafe sites", top) + "</figure>\n");
        out.write("</div></section>\n");
    }

    private static void crates(Writer out, ReportModel model) throws IOException {
        // 24 columns do not fit 1400 px: the kinds that are 0 in every crate are named below instead
        List<UnsafeKinds.Kind> inventory = UnsafeKinds.INVENTORY.stream()
                .filter(k -> model.crates().stream().anyMatch(c -> c.counts().get(k.ruleId()) > 0)).toList();
        List<UnsafeKinds.Kind> operations = UnsafeKinds.OPERATIONS.stream()
                .filter(k -> model.crates().stream().anyMatch(c -> c.counts().get(k.ruleId()) > 0)).toList();
        List<String> none = new ArrayList<>();
        UnsafeKinds.INVENTORY.stream().filter(k -> !inventory.contains(k)).forEach(k -> none.add(k.label()));
        // an operation's label that begins an inventory label ("static", "static mut") says which it is
        UnsafeKinds.OPERATIONS.stream().filter(k -> !operations.contains(k)).forEach(k -> none.add(k.label()
                + (UnsafeKinds.INVENTORY.stream().anyMatch(i -> i.label().startsWith(k.label())) ? " (operations)" : "")));
        out.write("<section id=\"crates\"><h2>Crates</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Crate</th><th>Edition</th>"
                + "<th><code>unsafe_code</code></th><th>Files</th>");
        for (UnsafeKinds.Kind k : inventory) {
            out.write("<th title=\"" + Html.escape(k.ruleId()) + "\">" + Html.escape(k.label()) + "</th>");
        }
        for (UnsafeKinds.Kind k : operations) {
            out.write("<th class=\"op\" title=\"" + Html.escape(k.ruleId()) + "\">" + Html.escape(k.label()) + "</th>");
        }
        out.write("<th>SAFETY comments</th><th># Safety docs</th><th>in tests</th></tr></thead>\n<tbody>\n");
        for (CrateReport c : model.crates()) {
            String root = c.root() == null || c.root().isEmpty() || c.root().equals(".") ? ""
                    : "<div class=\"path\">" + Html.escape(c.root()) + "</div>";
            out.write("<tr><th scope=\"row\">" + Html.escape(c.displayName()) + root
                    + "</th><td>" + Html.escape(c.edition()) + "</td><td class=\"policy " + Html.escape(c.policy().level().id())
                    + "\">" + Html.escape(c.policy().label()) + "</td><td>" + c.files() + "</td>");
            for (UnsafeKinds.Kind k : inventory) {
                out.write(num(c.counts().get(k.ruleId())));
            }
            for (UnsafeKinds.Kind k : operations) {
                out.write(num(c.counts().get(k.ruleId())));
            }
            int tests = c.testCounts().byRule().entrySet().stream().filter(e -> UnsafeKinds.isCounted(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            out.write("<td>" + coverageText(c.safetyComments()) + "</td><td>" + coverageText(c.safetyDocs()) + "</td>"
                    + num(tests) + "</tr>\n");
        }
        out.write("</tbody></table></div>\n<p class=\"hint\">Declarations (blocks, fns, impls, ...) count where unsafe code"
                + " is written; operations (deref, call, ...) count what it does. Sites in test-only code are counted apart."
                + (none.isEmpty() ? "" : " None in any crate, so not shown: " + Html.escape(String.join(", ", none)) + ".")
                + "</p></section>\n");
    }

    private static String num(int n) {
        return n == 0 ? "<td class=\"zero\">0</td>" : "<td>" + n + "</td>";
    }

    private static String coverageText(Coverage c) {
        return c.total() == 0 ? "–" : Html.escape(c.percentText() + " (" + c.documented() + "/" + c.total() + ")");
    }

    /** One card per unsafe site; operations and guideline findings inside it are shown on its card. */
    private void sites(Writer out, ReportModel model, List<Site> reported, boolean testOnly, Set<String> rulesSeen)
            throws IOException {
        Map<String, List<Site>> byFile = new LinkedHashMap<>();
        for (Site s : reported) {
            if (s.testOnly() == testOnly) {
                byFile.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(s);
            }
        }
        int count = byFile.values().stream().mapToInt(List::size).sum();
        if (testOnly) {
            out.write("<section id=\"tests\"><h2>Test-only code</h2>\n<p class=\"hint\">" + count + " finding" + (count == 1 ? "" : "s")
                    + " under <code>cfg(test)</code>, in <code>#[test]</code> functions or in <code>tests/</code>: compiled only"
                    + " for tests, still worth a look.</p>\n");
        } else {
            out.write("<section id=\"sites\"><h2>Unsafe sites</h2>\n<p class=\"hint\">" + count + " finding" + (count == 1 ? "" : "s")
                    + (model.baseline().isPresent() ? " new or changed since the baseline" : "") + ", grouped by file."
                    + " Untick a level or a rule to hide its cards; type in the search box to keep the cards whose file,"
                    + " rule, message or code hold every word.</p>\n");
            filters(out, byFile, crateOfFile(model));
            out.write(HtmlSearch.BOX);
        }
        Map<String, String> crates = crateOfFile(model);
        for (Map.Entry<String, List<Site>> e : byFile.entrySet()) {
            String crate = testOnly ? null : crates.get(e.getKey());
            out.write("<details class=\"file" + (crate == null ? "" : " " + crateClass(crate)) + "\" open><summary><code>"
                    + Html.escape(e.getKey()) + "</code> <span class=\"count\">"
                    + e.getValue().size() + "</span></summary>\n");
            for (Group g : group(e.getValue())) {
                siteCard(out, g, rulesSeen);
            }
            out.write("</details>\n");
        }
        out.write("</section>\n");
    }

    /**
     * Checkboxes that hide cards by level and by rule, with CSS alone (the report runs no script, so
     * they work in any browser and in VS Code's webview). Inputs come first in the section, so a rule
     * {@code #id:not(:checked) ~ * article.x} reaches every card after them.
     */
    /** Each file's crate as the filters name it ("" when the scan found one crate only: no crate filter). */
    private static Map<String, String> crateOfFile(ReportModel model) {
        Map<String, String> names = new java.util.HashMap<>();
        for (CrateReport c : model.crates()) {
            names.put(c.key(), c.displayName());
        }
        Map<String, String> result = new java.util.HashMap<>();
        if (model.crates().size() < 2) {
            return result;
        }
        for (FileReport f : model.files()) {
            result.put(f.path(), names.getOrDefault(f.crateKey(), f.crateKey()));
        }
        return result;
    }

    /** A CSS class name for a crate: letters, digits and '-' only. */
    private static String crateClass(String crate) {
        return "c-" + Integer.toHexString(crate.hashCode());
    }

    private static void filters(Writer out, Map<String, List<Site>> byFile, Map<String, String> crateOfFile)
            throws IOException {
        Map<String, Integer> levels = new java.util.TreeMap<>();
        Map<String, Integer> rules = new java.util.TreeMap<>();
        for (List<Site> sites : byFile.values()) {
            for (Group g : group(sites)) {
                levels.merge(cardLevel(g), 1, Integer::sum);
                rules.merge(g.main().ruleId(), 1, Integer::sum);
            }
        }
        StringBuilder css = new StringBuilder("<style>");
        StringBuilder inputs = new StringBuilder();
        StringBuilder labels = new StringBuilder("<div class=\"filters\"><span class=\"flabel\">Level</span>");
        Map<String, Integer> byRank = new java.util.LinkedHashMap<>(); // error first, as everywhere
        for (String level : List.of("error", "warning", "note", "hint")) {
            if (levels.containsKey(level)) {
                byRank.put(level, levels.remove(level));
            }
        }
        byRank.putAll(levels);
        for (Map.Entry<String, Integer> e : byRank.entrySet()) {
            String id = "f-level-" + e.getKey();
            inputs.append("<input type=\"checkbox\" class=\"filter\" id=\"").append(id).append("\" checked>");
            labels.append("<label for=\"").append(id).append("\">").append(Html.escape(e.getKey())).append(" <span class=\"count\">")
                    .append(e.getValue()).append("</span></label>");
            css.append('#').append(id).append(":not(:checked) ~ * article.site.lv-").append(e.getKey())
                    .append("{display:none}").append('#').append(id).append(":not(:checked) ~ .filters label[for=")
                    .append(id).append("]{opacity:.5;text-decoration:line-through}");
        }
        labels.append("<span class=\"flabel\">Rule</span>");
        for (Map.Entry<String, Integer> e : rules.entrySet()) {
            String id = "f-rule-" + e.getKey();
            inputs.append("<input type=\"checkbox\" class=\"filter\" id=\"").append(Html.escape(id)).append("\" checked>");
            labels.append("<label for=\"").append(Html.escape(id)).append("\"><code>").append(Html.escape(e.getKey()))
                    .append("</code> <span class=\"count\">").append(e.getValue()).append("</span></label>");
            css.append('#').append(id).append(":not(:checked) ~ * article.site.r-").append(e.getKey())
                    .append("{display:none}").append('#').append(id).append(":not(:checked) ~ .filters label[for=")
                    .append(id).append("]{opacity:.5;text-decoration:line-through}");
        }
        Map<String, Integer> crates = new java.util.TreeMap<>();
        for (Map.Entry<String, List<Site>> e : byFile.entrySet()) {
            String crate = crateOfFile.get(e.getKey());
            if (crate != null) {
                crates.merge(crate, group(e.getValue()).size(), Integer::sum); // cards, as the level and rule counts
            }
        }
        if (crates.size() > 1) {
            labels.append("<span class=\"flabel\">Crate</span>");
            for (Map.Entry<String, Integer> e : crates.entrySet()) {
                String id = "f-" + crateClass(e.getKey());
                inputs.append("<input type=\"checkbox\" class=\"filter\" id=\"").append(id).append("\" checked>");
                labels.append("<label for=\"").append(id).append("\">").append(Html.escape(e.getKey()))
                        .append(" <span class=\"count\">").append(e.getValue()).append("</span></label>");
                css.append('#').append(id).append(":not(:checked) ~ details.file.").append(crateClass(e.getKey()))
                        .append("{display:none}").append('#').append(id).append(":not(:checked) ~ .filters label[for=")
                        .append(id).append("]{opacity:.5;text-decoration:line-through}");
            }
        }
        css.append("</style>\n");
        out.write(css.toString());
        out.write(inputs.toString());
        out.write(labels.append("</div>\n").toString());
    }

    /**
     * The loudest level on a card, as the reports say it (error, warning, note, hint): its site's, or a
     * guideline finding's inside it (what the filter and border show; the filter said "note" for hints).
     */
    private static String cardLevel(Group g) {
        Site loudest = g.main();
        for (Site gs : g.guidance()) {
            if (Levels.rank(gs.severity()) > Levels.rank(loudest.severity())) {
                loudest = gs;
            }
        }
        return loudest.label();
    }

    /** A site shown as a card, with the operation and guideline findings that lie inside it. */
    private record Group(Site main, List<Site> operations, List<Site> guidance) {
    }

    private static List<Group> group(List<Site> sites) {
        List<Site> containers = sites.stream().filter(s -> s.category() == RuleInfo.Category.INVENTORY)
                .sorted(Comparator.comparingInt((Site s) -> s.span().startLine()).thenComparingInt(s -> s.span().startColumn()))
                .toList();
        Map<Site, Group> groups = new LinkedHashMap<>();
        List<Group> result = new ArrayList<>();
        for (Site s : sites) {
            if (s.category() == RuleInfo.Category.INVENTORY) {
                Group g = new Group(s, new ArrayList<>(), new ArrayList<>());
                groups.put(s, g);
                result.add(g);
            }
        }
        for (Site s : sites) {
            if (s.category() == RuleInfo.Category.INVENTORY) {
                continue;
            }
            Site host = innermost(containers, s);
            if (host == null) {
                result.add(new Group(s, new ArrayList<>(), new ArrayList<>()));
            } else if (s.category() == RuleInfo.Category.OPERATION) {
                groups.get(host).operations().add(s);
            } else {
                groups.get(host).guidance().add(s);
            }
        }
        result.sort(Comparator.comparingInt((Group g) -> g.main().span().startLine())
                .thenComparingInt(g -> g.main().span().startColumn()));
        return result;
    }

    /**
     * The smallest inventory site whose span holds the site's start (and, for operations, its whole
     * span): of those that hold it, the one that starts last. {@code containers} are sorted by start.
     */
    /** The rules whose cards list no operations inside them ({@link RuleInfo#holdsOperations()}), looked up once. */
    private static final Set<String> HOLDING_NO_OPERATIONS = RuleCatalog.all().stream()
            .filter(r -> !r.holdsOperations()).map(RuleDescriptor::id).collect(java.util.stream.Collectors.toSet());

    private static boolean holdsOperations(String ruleId) {
        return !HOLDING_NO_OPERATIONS.contains(ruleId);
    }

    private static Site innermost(List<Site> containers, Site s) {
        int i = lastStartingAtOrBefore(containers, s.span().startLine(), s.span().startColumn());
        for (; i >= 0; i--) {
            Site c = containers.get(i);
            boolean holds = before(s.span().endLine(), s.span().endColumn(), c.span().endLine(), c.span().endColumn())
                    && (s.category() != RuleInfo.Category.OPERATION || holdsOperations(c.ruleId()));
            if (holds) {
                return c;
            }
        }
        return null;
    }

    private static int lastStartingAtOrBefore(List<Site> sorted, int line, int column) {
        int lo = 0;
        int hi = sorted.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span span = sorted.get(mid).span();
            if (before(span.startLine(), span.startColumn(), line, column)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    // Rendered once per rule: a report of a big crate repeats them for tens of thousands of sites.
    private final Map<String, String> checklists = new java.util.HashMap<>();

    /** A rule's reviewer questions as HTML list items. */
    private String checklist(String ruleId) {
        return checklists.computeIfAbsent(ruleId, id -> {
            StringBuilder sb = new StringBuilder();
            for (String q : ReviewChecklist.forRule(id)) {
                sb.append("<li>").append(MiniMarkdown.inline(q)).append("</li>");
            }
            return sb.toString();
        });
    }

    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || (l1 == l2 && c1 <= c2);
    }

    private void siteCard(Writer out, Group g, Set<String> rulesSeen) throws IOException {
        siteCard(out, g, rulesSeen, "where");
    }

    /**
     * scan --deps: the per-package table, the tree, and each package's sites in a folded section
     * (paths relative to the package's root; their locations are no links into the workspace).
     */
    /**
     * The site cards one dependency shows at most: a package like libc has thousands of unsafe
     * declarations, and a graph of them would make a page of tens of megabytes that no browser
     * lays out well. The workspace's own sites are never left out.
     */
    static final int DEPENDENCY_CARDS_PER_PACKAGE = 200;

    private void dependencies(Writer out, ReportModel model, Set<String> rulesSeen) throws IOException {
        DependencyReport deps = model.dependencies();
        if (!deps.scanned()) {
            return;
        }
        out.write("<section id=\"dependencies\"><h2>Dependencies</h2>\n");
        if (deps.crates().isEmpty()) {
            out.write("<p class=\"hint\">No dependency was found.</p></section>\n");
            return;
        }
        out.write("<p class=\"hint\">" + deps.crates().size() + " package" + (deps.crates().size() == 1 ? "" : "s")
                + " that the scanned crates reach through normal dependencies. Counts read compiled/not compiled ("
                + Html.escape(DependencyTable.LEGEND) + "); test-only code is left out. Their findings are not"
                + " counted in the totals above nor in the exit code.</p>\n<div class=\"scroll\"><table>\n<thead><tr>");
        List<String> header = DependencyTable.header();
        for (int i = 0; i < header.size(); i++) {
            out.write("<th>" + Html.escape(header.get(i)) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        for (CrateReport c : deps.crates()) {
            List<String> row = DependencyTable.row(c);
            out.write("<tr><th scope=\"row\"><a href=\"#dep-" + crateClass(c.key()) + "\">" + Html.escape(row.get(0))
                    + "</a><div class=\"path\">" + Html.escape(c.root()) + "</div></th>");
            for (int i = 1; i < row.size(); i++) {
                out.write(row.get(i).equals("0/0") ? "<td class=\"zero\">0/0</td>" : "<td>" + Html.escape(row.get(i)) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody></table></div>\n");
        List<String> tree = DependencyTable.treeLines(model);
        if (!tree.isEmpty()) {
            out.write("<h3>Dependency tree</h3>\n<pre class=\"code tree\"><code>");
            for (String line : tree) {
                out.write(Html.escape(line) + "\n");
            }
            out.write("</code></pre>\n");
        }
        for (CrateReport c : deps.crates()) {
            List<Site> sites = new ArrayList<>();
            for (FileReport f : deps.filesOf(c.key())) {
                sites.addAll(f.sites());
            }
            if (sites.isEmpty()) {
                continue;
            }
            out.write("<details class=\"file dependency\" id=\"dep-" + crateClass(c.key()) + "\"><summary>"
                    + Html.escape(c.displayName()) + " <span class=\"path\">" + Html.escape(c.source() + " · " + c.root())
                    + "</span> <span class=\"count\">" + sites.size() + "</span></summary>\n");
            Map<String, List<Site>> byFile = new LinkedHashMap<>();
            sites.forEach(site -> byFile.computeIfAbsent(site.path(), k -> new ArrayList<>()).add(site));
            int shown = 0;
            int left = 0;
            for (List<Site> fileSites : byFile.values()) {
                for (Group g : group(fileSites)) {
                    if (shown < DEPENDENCY_CARDS_PER_PACKAGE) {
                        siteCard(out, g, rulesSeen, "where dependency");
                        shown++;
                    } else {
                        left++;
                    }
                }
            }
            if (left > 0) {
                out.write("<p class=\"hint\">" + left + " more place" + (left == 1 ? "" : "s") + " of this package"
                        + " are left out to keep the page light; the JSON report (<code>--format json</code>) lists"
                        + " every one.</p>\n");
            }
            out.write("</details>\n");
        }
        for (DependencyReport.Skipped skipped : deps.skipped()) {
            out.write("<p class=\"hint\">" + Html.escape(skipped.crateKey() + ": " + skipped.file().path() + " not analyzed ("
                    + skipped.file().reason().id() + "): " + skipped.file().message()) + "</p>\n");
        }
        out.write("</section>\n");
    }

    private void siteCard(Writer out, Group g, Set<String> rulesSeen, String whereClass) throws IOException {
        Site s = g.main();
        rulesSeen.add(s.ruleId());
        String title = RuleCatalog.byId(s.ruleId()).map(RuleDescriptor::title).orElse(s.ruleId());
        out.write("<article class=\"site lv-" + Html.escape(cardLevel(g)) + " r-" + Html.escape(s.ruleId()) + "\" id=\""
                + Html.escape(anchor(s)) + "\">\n<header>"
                + "<span class=\"badge lv-" + Html.escape(s.label()) + "\">" + Html.escape(s.label()) + "</span> "
                + "<a class=\"rule\" href=\"#rule-" + Html.escape(s.ruleId()) + "\">" + Html.escape(s.ruleId()) + "</a> "
                + "<span class=\"title\">" + Html.escape(title) + "</span>"
                + "<span class=\"" + whereClass + "\"><code>" + Html.escape(s.path() + ":" + s.span().startLine() + ":" + s.span().startColumn())
                + "</code></span></header>\n");
        out.write("<p class=\"message\">" + MiniMarkdown.codeSpans(s.message()) + "</p>\n");
        if (!s.itemPath().isEmpty() || !s.cfg().isEmpty()) {
            out.write("<p class=\"meta\">");
            if (!s.itemPath().isEmpty()) {
                out.write("in <code>" + Html.escape(s.itemPath()) + "</code> ");
            }
            for (String c : s.cfg()) {
                out.write("<span class=\"cfg\">cfg(" + Html.escape(c) + ")</span> ");
            }
            out.write("</p>\n");
        }
        excerpt(out, s);
        if (!g.operations().isEmpty()) {
            out.write("<h4>Unsafe operations inside</h4><ul class=\"ops\">");
            for (Site op : g.operations()) {
                rulesSeen.add(op.ruleId());
                out.write("<li><a class=\"rule\" href=\"#rule-" + Html.escape(op.ruleId()) + "\">" + Html.escape(op.ruleId())
                        + "</a> at line " + op.span().startLine() + ": " + MiniMarkdown.codeSpans(op.message()));
                String contract = op.properties().get("safetyDoc");
                if (contract != null && !contract.isBlank()) {
                    out.write("<blockquote class=\"contract\">" + Html.escape(contract.strip()) + "</blockquote>");
                }
                out.write("</li>");
            }
            out.write("</ul>\n");
        }
        // Related places that are already listed as operations on this card are not repeated.
        List<RelatedSite> related = s.related().stream().filter(r -> g.operations().stream().noneMatch(op ->
                op.path().equals(r.path()) && op.span().startLine() == r.span().startLine()
                        && op.span().startColumn() == r.span().startColumn())).toList();
        if (!related.isEmpty()) {
            out.write("<h4>Related</h4><ul class=\"related\">");
            for (RelatedSite r : related) {
                out.write("<li><code>" + Html.escape(r.path() + ":" + r.span().startLine() + ":" + r.span().startColumn())
                        + "</code> " + MiniMarkdown.codeSpans(r.message()) + "</li>");
            }
            out.write("</ul>\n");
        }
        String contract = s.properties().get("safetyDoc");
        if (contract != null && !contract.isBlank()) {
            out.write("<h4>The callee's safety contract</h4><blockquote class=\"contract\">" + Html.escape(contract.strip()) + "</blockquote>\n");
        }
        List<Site> guidance = new ArrayList<>(g.guidance());
        if (!guidance.isEmpty()) {
            out.write("<h4>Guideline findings</h4><ul class=\"guidance\">");
            for (Site gs : guidance) {
                rulesSeen.add(gs.ruleId());
                out.write("<li><span class=\"badge lv-" + Html.escape(gs.label()) + "\">" + Html.escape(gs.label()) + "</span> "
                        + "<a class=\"rule\" href=\"#rule-" + Html.escape(gs.ruleId()) + "\">" + Html.escape(gs.ruleId()) + "</a>: "
                        + MiniMarkdown.codeSpans(gs.message()) + "</li>");
            }
            out.write("</ul>\n");
        }
        // What to check here: the conditions of this site's own operations (one source with the hover,
        // the SAFETY template and review), then the rule's questions; the guideline itself once per rule
        // at the end of the page, linked.
        out.write("<div class=\"review\"><h4>What a reviewer should check</h4><ul>");
        Set<String> seen = new LinkedHashSet<>();
        List<Site> subjects = new ArrayList<>(g.operations());
        if (subjects.isEmpty()) {
            subjects.add(s);
        }
        for (Site op : subjects) {
            java.util.Optional<dev.unsafehints.analysis.Obligations.Contract> conditions =
                    OperationKinds.ofRule(op.ruleId()).map(k -> dev.unsafehints.analysis.Obligations.ofFinding(k,
                            op.properties(), !op.related().isEmpty()));
            if (conditions.isEmpty()) {
                continue;
            }
            String subject = op.properties().getOrDefault("subject", "");
            String line = conditions.get().calleeSafety().isEmpty()
                    ? MiniMarkdown.codeSpans(conditions.get().brief())
                    : "every condition of its <code># Safety</code> section (quoted above)";
            String item = "<li>line " + op.span().startLine() + (subject.isEmpty() ? "" : ", <code>" + Html.escape(subject)
                    + "</code>") + ": " + line + "</li>";
            if (seen.add(item)) {
                out.write(item);
            }
        }
        if (seen.isEmpty()) {
            out.write(checklist(s.ruleId()));
        }
        out.write("</ul><p class=\"guide\">Guideline: <a href=\"#rule-" + Html.escape(s.ruleId()) + "\">"
                + Html.escape(s.ruleId()) + "</a>");
        for (Site gs : guidance) {
            out.write(" · <a href=\"#rule-" + Html.escape(gs.ruleId()) + "\">" + Html.escape(gs.ruleId()) + "</a>");
        }
        out.write("</p></div>\n</article>\n");
    }

    private static String anchor(Site s) {
        return "site-" + s.fingerprint();
    }

    /** The site's lines with the range marked. */
    private static void excerpt(Writer out, Site s) throws IOException {
        if (s.excerpt().isEmpty()) {
            return;
        }
        out.write("<pre class=\"code\"><code>");
        int lastShown = s.excerptFirstLine() + s.excerpt().size() - 1;
        for (int i = 0; i < s.excerpt().size(); i++) {
            int line = s.excerptFirstLine() + i;
            String text = s.excerpt().get(i);
            int from = line == s.span().startLine() ? Math.min(text.length(), s.span().startColumn() - 1) : 0;
            int to = line == s.span().endLine() ? Math.min(text.length(), Math.max(from, s.span().endColumn() - 1)) : text.length();
            out.write("<span class=\"ln\">" + line + "</span>" + Html.escape(text.substring(0, from))
                    + "<mark>" + Html.escape(text.substring(from, to)) + "</mark>" + Html.escape(text.substring(to)) + "\n");
        }
        if (s.span().endLine() > lastShown) {
            out.write("<span class=\"ln\">…</span><span class=\"more\">(continues to line " + s.span().endLine() + ")</span>\n");
        }
        out.write("</code></pre>\n");
    }

    private static void problems(Writer out, ReportModel model) throws IOException {
        out.write("<section id=\"problems\"><h2>Skipped and partly parsed files</h2>\n");
        if (model.skipped().isEmpty() && model.partlyParsedFiles().isEmpty()) {
            out.write("<p class=\"hint\">None: every file was read and parsed completely.</p></section>\n");
            return;
        }
        out.write("<ul class=\"problems\">");
        for (SkippedFile s : model.skipped()) {
            out.write("<li><code>" + Html.escape(s.path()) + "</code>: skipped (" + Html.escape(s.reason().id()) + "): "
                    + Html.escape(s.message()) + "</li>");
        }
        for (FileReport f : model.partlyParsedFiles()) {
            out.write("<li><code>" + Html.escape(f.path()) + "</code>: partly parsed; findings inside the broken code may be missing<ul>");
            for (SyntaxIssue e : f.syntaxErrors()) {
                out.write("<li>line " + e.span().startLine() + ", column " + e.span().startColumn() + ": syntax error: "
                        + Html.escape(e.message()) + "</li>");
            }
            out.write("</ul></li>");
        }
        out.write("</ul></section>\n");
    }

    private static void guidelines(Writer out, Set<String> rulesSeen) throws IOException {
        out.write("<section id=\"guidelines\"><h2>Guidelines</h2>\n<p class=\"hint\">The rule documents of every rule above.</p>\n");
        for (String id : rulesSeen.stream().sorted().toList()) {
            String title = RuleCatalog.byId(id).map(RuleDescriptor::title).orElse(id);
            out.write("<article class=\"rule-doc\" id=\"rule-" + Html.escape(id) + "\"><h3><code>" + Html.escape(id) + "</code> "
                    + Html.escape(title) + "</h3>\n");
            String doc = RuleDocs.markdown(id).orElse("");
            if (doc.isEmpty()) {
                out.write("<p>No document for this rule yet.</p>");
            } else {
                String body = doc.strip();
                if (body.startsWith("# ")) {
                    int nl = body.indexOf('\n');
                    body = nl < 0 ? "" : body.substring(nl + 1); // the title line is already the heading
                }
                out.write(MiniMarkdown.toHtml(body, 2));
            }
            out.write("<p><a href=\"" + Html.escape(RuleDocs.url(id)) + "\">Online version</a></p></article>\n");
        }
        out.write("</section>\n");
    }

    private static final String CSS = """
            :root { --fg:#1d232a; --muted:#5b6670; --line:#d8dee4; --bg:#ffffff; --soft:#f5f7f9;
                    --error:#c62828; --warning:#b26a00; --note:#1565c0; --hint:#5f6b76; --ok:#2e7d32; --miss:#ef9a3a; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
            header.top, section, footer { max-width: 1180px; margin: 0 auto; padding: 12px 24px; }
            h1 { margin: 12px 0 0; font-size: 28px; }
            h2 { border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
            h4 { margin: 12px 0 4px; font-size: 14px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
            .sub, .hint, .path, .meta { color: var(--muted); }
            .path { font-size: 12px; font-weight: normal; }
            nav a { margin-right: 14px; }
            a { color: var(--note); }
            code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
            .card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
            .card .num { font-size: 26px; font-weight: 700; }
            .charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
            figure { margin: 8px 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
            svg.chart { max-width: 100%; height: auto; }
            svg .bar { fill: #5c6bc0; } svg .documented { fill: var(--ok); } svg .missing { fill: var(--miss); }
            svg text { font-size: 12px; fill: var(--fg); font-family: system-ui, sans-serif; }
            .legend { font-weight: normal; color: var(--muted); margin-left: 10px; }
            .sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 8px; }
            .sw.documented { background: var(--ok); } .sw.missing { background: var(--miss); }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: right; }
            thead th { background: var(--soft); } tbody th { text-align: left; }
            td.zero { color: #aab3bb; } td.policy { text-align: left; }
            td.policy.forbid, td.policy.deny { color: var(--ok); font-weight: 600; }
            details.file { margin: 14px 0; }
            details.file > summary { cursor: pointer; font-weight: 600; padding: 6px 0; }
            .count { background: var(--soft); border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; font-size: 12px; }
            article.site { border: 1px solid var(--line); border-left: 5px solid var(--note); border-radius: 6px; margin: 12px 0; padding: 8px 14px; }
            article.site.lv-error { border-left-color: var(--error); } article.site.lv-warning { border-left-color: var(--warning); }
            article.site.lv-hint { border-left-color: var(--hint); }
            article.site > header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
            .where { margin-left: auto; color: var(--muted); min-width: 0; }
            /* long paths, item names and messages wrap anywhere rather than widen the page */
            article.site, details.file > summary, ul.problems, p.hint, p.sub, .cards { overflow-wrap: anywhere; }
            .search { margin: 0 0 12px; } .search input { font: inherit; width: min(36em, 100%); padding: 3px 8px; }
            .nomatch { display: none; }
            /* a report of 10,000 findings: cards off screen are not laid out until scrolled to (search and the
               browser's find still see them), so loading and clearing a search stay quick */
            article.site { content-visibility: auto; contain-intrinsic-size: auto 360px; }
            .badge { font-size: 11px; text-transform: uppercase; font-weight: 700; color: #fff; border-radius: 4px; padding: 1px 6px; background: var(--note); }
            .badge.lv-error { background: var(--error); } .badge.lv-warning { background: var(--warning); } .badge.lv-hint { background: var(--hint); }
            .rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
            .title { color: var(--muted); }
            .message { margin: 6px 0; }
            .cfg { background: #fff4e0; border: 1px solid #f0d29a; border-radius: 4px; padding: 0 6px; font-family: ui-monospace, Menlo, monospace; font-size: 12px; }
            pre.code { background: #0f1720; color: #e6edf3; padding: 8px 12px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
            pre.code mark { background: #6b4f00; color: #fff6d5; border-radius: 2px; }
            pre.code .ln { display: inline-block; min-width: 3.5em; color: #7d8a96; user-select: none; }
            pre.code .more { color: #9fb0c0; font-style: italic; }
            pre.doc-code { background: var(--soft); border: 1px solid var(--line); padding: 8px 12px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
            blockquote.contract { margin: 4px 0 8px; padding: 4px 10px; border-left: 3px solid var(--warning); background: #fffaf0; white-space: pre-wrap; }
            input.filter { position: absolute; opacity: 0; pointer-events: none; }
            .filters { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin: 8px 0 12px; }
            .filters label { cursor: pointer; border: 1px solid var(--line); border-radius: 12px; padding: 1px 10px; background: var(--soft); font-size: 13px; }
            .filters .flabel { font-weight: 600; color: var(--muted); margin-left: 6px; }
            .review .guide { margin: 4px 0 0; font-size: 13px; }
            .guideline, .review { background: var(--soft); border-radius: 6px; padding: 4px 12px 8px; margin-top: 8px; }
            .review ul, .guideline ul { margin: 4px 0; }
            article.rule-doc { border-top: 1px solid var(--line); padding-top: 6px; }
            footer { color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); margin-top: 30px; }
            @media print { details.file { display: block; } nav { display: none; } }
            """;
}
