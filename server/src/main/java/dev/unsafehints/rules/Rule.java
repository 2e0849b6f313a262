package dev.unsafehints.rules;

import dev.unsafehints.analysis.FileModel;

/**
 * One check. A rule reads the file model (built once per file) and reports findings through the
 * sink; severity, suppression and enabling are applied centrally afterwards, never by the rule.
 * Implementations carry {@link RuleInfo} and have a public no-argument constructor.
 */
public interface Rule {
    void check(FileModel model, FindingSink sink);
}
