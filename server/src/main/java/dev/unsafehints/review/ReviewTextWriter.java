package dev.unsafehints.review;

import java.io.PrintWriter;
import java.util.List;

/**
 * The review for a terminal: a summary, then per file each changed site with its id, status,
 * enclosing item, source line and checklist ({@code [ ]} to argue, {@code [!]} a gap the tool
 * sees, {@code [x]} in place, {@code -} context). ANSI colours only when asked (on a terminal).
 */
public final class ReviewTextWriter {
    private final boolean color;

    public ReviewTextWriter(boolean color) {
        this.color = color;
    }

    public void write(ReviewReport report, PrintWriter out) {
        out.println(bold("Unsafe review: " + plural(report.sites().size(), "unsafe site") + " in "
                + plural(report.files().size(), "file")) + " (" + report.filesChanged() + " Rust file"
                + (report.filesChanged() == 1 ? "" : "s") + " changed since " + baseText(report) + ")");
        out.println("  " + report.count(ReviewedSite.Status.UNREVIEWED) + " unreviewed, "
                + report.count(ReviewedSite.Status.STALE) + " stale, " + report.count(ReviewedSite.Status.REVIEWED)
                + " reviewed; " + plural(report.removed().size(), "unsafe site") + " removed; ledger "
                + report.root().relativize(report.ledger().toAbsolutePath()).toString().replace('\\', '/'));
        for (String file : report.files()) {
            out.println();
            out.println(bold(file));
            for (ReviewedSite s : report.sitesIn(file)) {
                site(s, out);
            }
        }
        if (!report.removed().isEmpty()) {
            out.println();
            out.println(bold("Removed unsafe sites") + " (less to review; check that nothing else relied on them):");
            for (ReviewReport.RemovedSite r : report.removed()) {
                out.println("  " + r.file() + ":" + (r.start().line() + 1) + "  " + r.kind() + "  in " + r.itemPath());
            }
        }
        if (report.dependenciesReviewed()) {
            dependencies(report, out);
        }
        if (!report.obsoleteApprovals().isEmpty()) {
            out.println();
            out.println(bold("Ledger entries whose site no longer exists") + " (delete them from the ledger):");
            for (Approval a : report.obsoleteApprovals()) {
                out.println("  " + a.site() + "  approved by " + a.by() + " on " + a.date());
            }
        }
        if (!report.notes().isEmpty()) {
            out.println();
            out.println(bold("Notes:"));
            for (String n : report.notes()) {
                out.println("  " + n);
            }
        }
        if (report.needingReview() > 0) {
            out.println();
            out.println("After reviewing a site, record it: unsafe-hints review --approve SITE --by NAME --note \"why it"
                    + " is sound\"");
        }
        out.flush();
    }

    /** review --deps: per dependency whose version changed, the sites its new version adds or changes. */
    private void dependencies(ReviewReport report, PrintWriter out) {
        out.println();
        if (report.dependencies().isEmpty()) {
            out.println(bold("Dependencies:") + " no version changed in Cargo.lock since " + baseText(report));
            return;
        }
        out.println(bold("Dependencies whose version changed in Cargo.lock") + " (" + report.dependencies().size()
                + "; paths are relative to the new version's package folder)");
        for (ReviewReport.DependencyChange d : report.dependencies()) {
            out.println();
            out.println(bold(d.name() + " " + (d.from() == null ? "(new)" : d.from()) + " -> " + d.to()) + "  "
                    + d.source() + (d.root() == null ? "" : "  " + d.root()) + ": "
                    + plural(d.sites().size(), "unsafe site") + " added or changed");
            for (String n : d.notes()) {
                out.println("  note: " + n);
            }
            for (ReviewedSite s : d.sites()) {
                out.println();
                out.println("  " + s.file() + ":" + s.position() + "  " + bold(s.kind()) + "  "
                        + s.change().name().toLowerCase() + "  [" + s.siteHash().substring(0, 8) + "]");
                checklist(s, out);
            }
        }
    }

    private void site(ReviewedSite s, PrintWriter out) {
        out.println();
        // path:line:col as rustc and `scan` print it, so that a terminal or editor opens it
        out.println("  " + s.file() + ":" + s.position() + "  " + bold(s.kind()) + "  " + s.change().name().toLowerCase() + "  "
                + status(s) + "  " + s.siteId() + "  [" + s.siteHash().substring(0, 8) + "]");
        out.println("     in " + s.itemPath());
        out.println("     | " + s.excerpt());
        if (s.approval() != null) {
            Approval a = s.approval();
            String what = s.status() == ReviewedSite.Status.REVIEWED ? "reviewed by " : "was approved by ";
            out.println("     " + what + a.by() + " on " + a.date() + (s.status() == ReviewedSite.Status.STALE
                    ? ", before its item changed" : "") + ": " + oneLine(a.note()));
        }
        for (ChecklistItem item : s.checklist()) {
            String indent = "     " + "    ".repeat(item.level());
            out.println(indent + mark(item.mark()) + " " + item.text());
            for (String q : item.quote()) {
                out.println(indent + "      > " + q);
            }
        }
    }

    private void checklist(ReviewedSite s, PrintWriter out) {
        out.println("     in " + s.itemPath());
        out.println("     | " + s.excerpt());
        for (ChecklistItem item : s.checklist()) {
            String indent = "     " + "    ".repeat(item.level());
            out.println(indent + mark(item.mark()) + " " + item.text());
            for (String q : item.quote()) {
                out.println(indent + "      > " + q);
            }
        }
    }

    private String status(ReviewedSite s) {
        return switch (s.status()) {
            case REVIEWED -> paint("32", "REVIEWED");
            case STALE -> paint("35", "STALE");
            case UNREVIEWED -> paint("33", "UNREVIEWED");
        };
    }

    private String mark(ChecklistItem.Mark mark) {
        return switch (mark) {
            case ARGUE -> "[ ]";
            case GAP -> paint("33", "[!]");
            case OK -> paint("32", "[x]");
            case INFO -> " - ";
        };
    }

    static String baseText(ReviewReport report) {
        return report.base() + (report.baseCommit().isEmpty() ? "" : " (" + report.baseCommit() + ")");
    }

    private String bold(String s) {
        return paint("1", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static List<String> lines(String s) {
        return List.of(s.split("\\R"));
    }
}
