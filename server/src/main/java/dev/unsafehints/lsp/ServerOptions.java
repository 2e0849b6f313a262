package dev.unsafehints.lsp;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import java.time.Duration;
import java.util.List;

/**
 * How a language server instance is set up: which rules it runs (the catalogue in production, a
 * chosen set in tests), how long it waits after an edit before analysing, and how often it checks
 * that the editor process is still alive.
 *
 * @param rules                the rules to run
 * @param debounce             quiet time after an edit before the document is analysed again
 * @param parentPollInterval   how often the client process named in {@code initialize} is checked
 * @param analysisThreads      threads analysing open documents (an old analysis that is still
 *                             running cannot be interrupted, so a second thread keeps the newest
 *                             version from waiting behind it)
 */
public record ServerOptions(List<RuleDescriptor> rules, Duration debounce, Duration parentPollInterval,
                            int analysisThreads) {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(200);
    public static final Duration DEFAULT_PARENT_POLL = Duration.ofSeconds(3);

    public ServerOptions {
        rules = List.copyOf(rules);
        if (debounce.isNegative() || parentPollInterval.isNegative() || parentPollInterval.isZero()) {
            throw new IllegalArgumentException("debounce must be >= 0 and the poll interval > 0");
        }
        if (analysisThreads < 1) {
            throw new IllegalArgumentException("analysisThreads must be >= 1");
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions(RuleCatalog.all(), DEFAULT_DEBOUNCE, DEFAULT_PARENT_POLL, 2);
    }

    /** Where the dependencies' declarations are cached: the user's cache folder (XDG_CACHE_HOME). */
    public dev.unsafehints.workspace.DeclarationsCache declarationsCache() {
        return dev.unsafehints.workspace.DeclarationsCache.in(
                dev.unsafehints.workspace.DeclarationsCache.defaultFolder(System.getenv()));
    }

    public ServerOptions withRules(List<RuleDescriptor> newRules) {
        return new ServerOptions(newRules, debounce, parentPollInterval, analysisThreads);
    }

    public ServerOptions withDebounce(Duration newDebounce) {
        return new ServerOptions(rules, newDebounce, parentPollInterval, analysisThreads);
    }

    public ServerOptions withParentPollInterval(Duration interval) {
        return new ServerOptions(rules, debounce, interval, analysisThreads);
    }
}
