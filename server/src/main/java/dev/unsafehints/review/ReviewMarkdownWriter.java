package dev.unsafehints.review;

import dev.unsafehints.rules.RuleDocs;
import java.util.ArrayList;
import java.util.List;

/**
 * The review as a pull-request comment: a summary, then one collapsible {@code <details>} section
 * per file with each changed site, its checklist as a task list, and links to the rule documents.
 * GitHub rejects comments over 65,536 characters; this stays under {@link #LIMIT}, dropping whole
 * sites from the end and saying how many were left out.
 */
public final class ReviewMarkdownWriter {
    public static final int LIMIT = 65_000;
    /** Room kept for the closing note about left-out sites. */
    private static final int RESERVE = 600;

    public String write(ReviewReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## Unsafe Hints review\n\n");
        out.append("**").append(ReviewTextWriter.plural(report.sites().size(), "unsafe site")).append("** in ")
                .append(ReviewTextWriter.plural(report.files().size(), "file")).append(", changed since ")
                .append(escape(report.base()));
        if (!report.baseCommit().isEmpty()) {
            out.append(" (`").append(report.baseCommit()).append("`)");
        }
        out.append(": ").append(report.count(ReviewedSite.Status.UNREVIEWED)).append(" unreviewed, ")
                .append(report.count(ReviewedSite.Status.STALE)).append(" stale, ")
                .append(report.count(ReviewedSite.Status.REVIEWED)).append(" reviewed.");
        if (!report.removed().isEmpty()) {
            out.append(" ").append(ReviewTextWriter.plural(report.removed().size(), "unsafe site")).append(" removed.");
        }
        out.append("\n\n");
        if (report.sites().isEmpty()) {
            out.append("No unsafe code added or changed.\n");
        }
        int left = 0;
        List<String> files = report.files();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            List<ReviewedSite> sites = report.sitesIn(file);
            if (left > 0) {
                left += sites.size();
                continue;
            }
            long open = sites.stream().filter(ReviewedSite::needsReview).count();
            String head = "<details" + (open > 0 ? " open" : "") + "><summary><code>" + html(file) + "</code> — "
                    + ReviewTextWriter.plural(sites.size(), "site") + ", " + open + " to review</summary>\n\n";
            String tail = "</details>\n\n";
            if (out.length() + head.length() + tail.length() > LIMIT - RESERVE) {
                left += sites.size();
                continue;
            }
            out.append(head);
            for (int k = 0; k < sites.size(); k++) {
                String section = site(sites.get(k));
                if (out.length() + section.length() + tail.length() > LIMIT - RESERVE) {
                    left += sites.size() - k;
                    break;
                }
                out.append(section);
            }
            out.append(tail);
        }
        List<String> extra = new ArrayList<>();
        if (!report.removed().isEmpty()) {
            StringBuilder r = new StringBuilder("<details><summary>Removed unsafe sites</summary>\n\n");
            for (ReviewReport.RemovedSite s : report.removed()) {
                r.append("- `").append(s.file()).append(":").append(s.start().line() + 1).append("` ")
                        .append(s.kind()).append(" in `").append(escapeCode(s.itemPath())).append("`\n");
            }
            extra.add(r.append("\n</details>\n\n").toString());
        }
        if (!report.obsoleteApprovals().isEmpty()) {
            StringBuilder r = new StringBuilder("Ledger entries whose site no longer exists (delete them):\n");
            for (Approval a : report.obsoleteApprovals()) {
                r.append("- `").append(escapeCode(a.site())).append("` (").append(escape(a.by())).append(")\n");
            }
            extra.add(r.append("\n").toString());
        }
        if (report.dependenciesReviewed()) {
            extra.addAll(dependencies(report));
        }
        if (!report.notes().isEmpty()) {
            StringBuilder r = new StringBuilder("Notes:\n");
            for (String n : report.notes()) {
                r.append("- ").append(escape(n)).append("\n");
            }
            extra.add(r.append("\n").toString());
        }
        for (String e : extra) {
            if (out.length() + e.length() <= LIMIT - RESERVE) {
                out.append(e);
            }
        }
        if (left > 0) {
            out.append("**").append(ReviewTextWriter.plural(left, "more site")).append(" not shown**: this comment"
                    + " stays under GitHub's size limit. Run `unsafe-hints review` locally for the full list.\n\n");
        }
        if (report.needingReview() > 0) {
            out.append("<sub>After reviewing a site: `unsafe-hints review --approve SITE --by NAME --note \"why it is"
                    + " sound\"`, then commit `").append(html(ledgerName(report))).append("`.</sub>\n");
        }
        return out.toString();
    }

    /** Room one dependency's section may take, so that one large update leaves room for the others. */
    private static final int DEPENDENCY_BUDGET = 15_000;

    /** review --deps: a folded section per dependency whose version changed, its sites with their checklists. */
    private static List<String> dependencies(ReviewReport report) {
        List<String> sections = new ArrayList<>();
        if (report.dependencies().isEmpty()) {
            sections.add("No dependency changed its version in `Cargo.lock`.\n\n");
            return sections;
        }
        sections.add("### Dependencies whose version changed in `Cargo.lock`\n\n");
        for (ReviewReport.DependencyChange d : report.dependencies()) {
            StringBuilder sb = new StringBuilder("<details><summary><code>").append(html(d.name())).append("</code> ")
                    .append(html(d.from() == null ? "(new)" : d.from())).append(" → ").append(html(d.to()))
                    .append(" (").append(d.source()).append(") — ")
                    .append(ReviewTextWriter.plural(d.sites().size(), "unsafe site")).append(" added or changed")
                    .append("</summary>\n\n");
            for (String n : d.notes()) {
                sb.append("- ").append(escape(n)).append("\n");
            }
            if (!d.notes().isEmpty()) {
                sb.append('\n');
            }
            int shown = 0;
            for (ReviewedSite s : d.sites()) {
                String section = "`" + escapeCode(s.file()) + ":" + s.position() + "`\n\n" + site(s);
                if (sb.length() + section.length() > DEPENDENCY_BUDGET) {
                    break;
                }
                sb.append(section);
                shown++;
            }
            if (shown < d.sites().size()) {
                sb.append("**").append(ReviewTextWriter.plural(d.sites().size() - shown, "more site"))
                        .append(" not shown**; `unsafe-hints review --deps` lists them all.\n\n");
            }
            sections.add(sb.append("</details>\n\n").toString());
        }
        return sections;
    }

    private static String ledgerName(ReviewReport report) {
        try {
            return report.root().relativize(report.ledger().toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return report.ledger().getFileName().toString();
        }
    }

    private static String site(ReviewedSite s) {
        StringBuilder sb = new StringBuilder();
        sb.append("#### [`").append(s.kind()).append("`](").append(RuleDocs.url(s.kind())).append(") at line ")
                .append(s.start().line() + 1).append(" — ").append(status(s)).append("\n\n");
        sb.append("`").append(escapeCode(s.siteId())).append("` · `").append(s.siteHash(), 0, 8).append("` · in `")
                .append(escapeCode(s.itemPath())).append("` · ").append(s.change().name().toLowerCase()).append("\n\n");
        sb.append("```rust\n").append(s.excerpt().replace("```", "` ` `")).append("\n```\n\n");
        if (s.approval() != null) {
            Approval a = s.approval();
            sb.append("> ").append(s.status() == ReviewedSite.Status.REVIEWED ? "Reviewed by " : "Was approved by ")
                    .append(escape(a.by())).append(" on ").append(a.date())
                    .append(s.status() == ReviewedSite.Status.STALE ? ", before its item changed" : "").append(": ")
                    .append(escape(ReviewTextWriter.oneLine(a.note()))).append("\n\n");
        }
        for (ChecklistItem item : s.checklist()) {
            String indent = "  ".repeat(item.level());
            sb.append(indent).append(switch (item.mark()) {
                case ARGUE -> "- [ ] ";
                case GAP -> "- ⚠️ ";
                case OK -> "- ✅ ";
                case INFO -> "- ";
            }).append(escape(item.text())).append("\n");
            for (String q : item.quote()) {
                sb.append(indent).append("  > ").append(escape(q)).append("\n");
            }
        }
        return sb.append("\n").toString();
    }

    private static String status(ReviewedSite s) {
        return switch (s.status()) {
            case REVIEWED -> "reviewed";
            case STALE -> "**stale** (changed since it was approved)";
            case UNREVIEWED -> "**unreviewed**";
        };
    }

    /** Keeps our backticks (code) but stops HTML and line-leading Markdown from taking effect. */
    static String escape(String s) {
        String[] parts = s.replace("\r", "").replace("\n", " ").split("`", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('`');
            }
            // inside a code span (odd parts, when the backticks pair up) entities would show literally
            boolean code = i % 2 == 1 && parts.length % 2 == 1;
            sb.append(code ? parts[i] : parts[i].replace("<", "&lt;").replace(">", "&gt;"));
        }
        return sb.toString();
    }

    private static String escapeCode(String s) {
        return s.replace("`", "'");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
