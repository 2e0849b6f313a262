package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts about unsafe blocks and fns that hovers, code lenses and highlights share, all derived
 * from findings: the operations inside a block are the related locations of its inventory
 * finding, and a guideline finding on the same line tells that its SAFETY comment is missing.
 */
final class UnsafeSites {
    /** What is known about the SAFETY documentation of a block or fn. */
    enum SafetyState { DOCUMENTED, TEMPLATE, MISSING, UNKNOWN }

    private UnsafeSites() {
    }

    /** The operations inside the site: its related locations in the same file. */
    static List<RelatedLocation> operations(Finding site) {
        List<RelatedLocation> ops = new ArrayList<>();
        for (RelatedLocation r : site.related()) {
            if (r.file() == null) {
                ops.add(r);
            }
        }
        return ops;
    }

    /**
     * Whether a SAFETY comment covers the block, from the facts its inventory finding carries
     * (so it does not change when {@code missing-safety-comment} is off or suppressed).
     */
    static SafetyState blockSafety(Finding block) {
        if ("true".equals(block.properties().get("safetyComment"))) {
            return SafetyState.DOCUMENTED;
        }
        return "true".equals(block.properties().get("safetyTemplate")) ? SafetyState.TEMPLATE : SafetyState.MISSING;
    }

    /** Whether an unsafe fn has a {@code # Safety} section, from the facts its inventory finding carries. */
    static SafetyState fnSafety(Finding fn) {
        return switch (fn.properties().getOrDefault("safetySection", "")) {
            case "documented" -> SafetyState.DOCUMENTED;
            case "template" -> SafetyState.TEMPLATE;
            case "missing" -> SafetyState.MISSING;
            default -> SafetyState.UNKNOWN;
        };
    }

    /**
     * DOCUMENTED when the guideline rule ran and reported nothing for the site, MISSING when it
     * reported the site, UNKNOWN when the rule is off (so its silence proves nothing).
     */
    static SafetyState safety(AnalyzedDocument doc, RuleLookup rules, Finding site, String guidelineRule) {
        if (guidelineFor(doc, site, guidelineRule).isPresent()) {
            return SafetyState.MISSING;
        }
        return rules.isActive(guidelineRule, doc.settings()) ? SafetyState.DOCUMENTED : SafetyState.UNKNOWN;
    }

    /** The finding of {@code guidelineRule} that belongs to the site: overlapping it or on its first line. */
    static Optional<Finding> guidelineFor(AnalyzedDocument doc, Finding site, String guidelineRule) {
        SourceText source = doc.source();
        int line = source.lineOf(site.range().start());
        for (Finding f : doc.findings()) {
            if (f.ruleId().equals(guidelineRule)
                    && (f.range().intersects(site.range()) || source.lineOf(f.range().start()) == line)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The operation finding (raw-pointer-deref, unsafe-call, ...) reported at a related location, if any. */
    static Optional<Finding> operationFindingAt(AnalyzedDocument doc, RuleLookup rules, RelatedLocation op) {
        for (Finding f : doc.findings()) {
            if (rules.category(f.ruleId()) == RuleInfo.Category.OPERATION
                    && (f.range().equals(op.range()) || f.range().contains(op.range()) || op.range().contains(f.range()))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
