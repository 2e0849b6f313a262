package dev.unsafehints.review;

import dev.unsafehints.text.TextPosition;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of one review: the unsafe sites the change touches (plus sites whose approval went
 * stale), the unsafe sites it removes, ledger entries whose site no longer exists, and notes on
 * files that could not be read or parsed.
 *
 * @param root        the repository's working tree
 * @param base        how the base was chosen ({@code merge base of HEAD and main}, or the given revision)
 * @param baseCommit  the base commit, abbreviated (empty before the first commit)
 * @param headCommit  HEAD, abbreviated (empty before the first commit)
 * @param ledger      the ledger file consulted
 * @param filesChanged Rust files that differ from the base
 */
public record ReviewReport(Path root, String base, String baseCommit, String headCommit, Path ledger,
                           int filesChanged, List<ReviewedSite> sites, List<RemovedSite> removed,
                           List<Approval> obsoleteApprovals, List<String> notes,
                           List<DependencyChange> dependencies, boolean dependenciesReviewed) {
    public ReviewReport(Path root, String base, String baseCommit, String headCommit, Path ledger,
                        int filesChanged, List<ReviewedSite> sites, List<RemovedSite> removed,
                        List<Approval> obsoleteApprovals, List<String> notes) {
        this(root, base, baseCommit, headCommit, ledger, filesChanged, sites, removed, obsoleteApprovals, notes,
                List.of(), false);
    }

    /**
     * A dependency whose locked version changed ({@code review --deps}): the unsafe sites its new
     * version adds or changes, their {@link ReviewedSite#file()} relative to {@code root}, the new
     * version's package folder (null when it is not on this machine: then {@code notes} say so).
     *
     * @param from   the version before, or null for a dependency the change adds
     * @param source {@code registry}, {@code git} or {@code path}
     */
    public record DependencyChange(String name, String from, String to, String source, Path root,
                                   List<ReviewedSite> sites, List<String> notes) {
        public DependencyChange {
            sites = List.copyOf(sites);
            notes = List.copyOf(notes);
        }
    }

    /** An unsafe site of the base that the working tree no longer has (its position is in the base version). */
    public record RemovedSite(String file, String itemPath, String kind, TextPosition start) {
    }

    public ReviewReport {
        sites = List.copyOf(sites);
        removed = List.copyOf(removed);
        obsoleteApprovals = List.copyOf(obsoleteApprovals);
        notes = List.copyOf(notes);
        dependencies = List.copyOf(dependencies);
    }

    public long count(ReviewedSite.Status status) {
        return sites.stream().filter(s -> s.status() == status).count();
    }

    /** Sites without an approval that holds: unreviewed or stale. */
    public long needingReview() {
        return sites.stream().filter(ReviewedSite::needsReview).count();
    }

    /** The files with reported sites, in order. */
    public List<String> files() {
        return sites.stream().map(ReviewedSite::file).distinct().toList();
    }

    public List<ReviewedSite> sitesIn(String file) {
        return sites.stream().filter(s -> s.file().equals(file)).toList();
    }
}
