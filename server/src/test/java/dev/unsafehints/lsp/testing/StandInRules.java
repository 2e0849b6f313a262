package dev.unsafehints.lsp.testing;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo.Category;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the contracted rules (same ids, categories and finding shapes: unsafe-block at the
 * {@code unsafe} keyword with the operations as related locations, missing-safety-comment with a
 * fix inserting a SAFETY template, ...), so the protocol tests exercise the server without
 * depending on the wording or precision of the real rules.
 */
public final class StandInRules {
    private StandInRules() {
    }

    public static List<RuleDescriptor> all() {
        return List.of(
                descriptor(UnsafeBlock.class), descriptor(UnsafeFn.class), descriptor(RawPointerDeref.class),
                descriptor(UnsafeCall.class), descriptor(MissingSafetyComment.class),
                descriptor(MissingSafetyDoc.class), descriptor(UnusedUnsafe.class));
    }

    /** The stand-ins plus {@link Gate}, which holds analyses of texts containing {@value Gate#MARKER}. */
    public static List<RuleDescriptor> withGate() {
        List<RuleDescriptor> rules = new ArrayList<>(all());
        rules.add(descriptor(Gate.class));
        return rules;
    }

    static RuleDescriptor descriptor(Class<? extends Rule> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        return new RuleDescriptor(info.id(), info.title(), info.severity(), info.category(), List.of(info.tags()), type);
    }

    static List<RelatedLocation> related(SourceText source, List<StandInScan.Operation> ops) {
        List<RelatedLocation> related = new ArrayList<>();
        for (StandInScan.Operation op : ops) {
            related.add(new RelatedLocation(null, op.range(), source.positionAt(op.range().start()),
                    source.positionAt(op.range().end()), op.message()));
        }
        return related;
    }

    @RuleInfo(id = "unsafe-block", title = "Unsafe block", severity = Severity.INFO, category = Category.INVENTORY)
    public static final class UnsafeBlock implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            for (StandInScan.Block b : StandInScan.of(model).blocks) {
                sink.report(b.keyword(), "unsafe block with " + b.operations().size() + " unsafe operation(s)",
                        related(model.source(), b.operations()), List.of(), Map.of());
            }
        }
    }

    @RuleInfo(id = "unsafe-fn", title = "Unsafe function", severity = Severity.INFO, category = Category.INVENTORY)
    public static final class UnsafeFn implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            for (StandInScan.UnsafeFn f : StandInScan.of(model).fns) {
                sink.report(f.keyword(), "unsafe fn `" + f.name() + "`");
            }
        }
    }

    @RuleInfo(id = "raw-pointer-deref", title = "Raw pointer dereference", severity = Severity.HINT,
            category = Category.OPERATION)
    public static final class RawPointerDeref implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            for (StandInScan.Block b : StandInScan.of(model).blocks) {
                for (StandInScan.Operation op : b.operations()) {
                    if (op.kind().equals("raw-pointer-deref")) {
                        sink.report(op.range(), op.message());
                    }
                }
            }
        }
    }

    @RuleInfo(id = "unsafe-call", title = "Call to an unsafe function", severity = Severity.HINT,
            category = Category.OPERATION)
    public static final class UnsafeCall implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            StandInScan scan = StandInScan.of(model);
            for (StandInScan.Block b : scan.blocks) {
                for (StandInScan.Operation op : b.operations()) {
                    if (op.kind().equals("unsafe-call")) {
                        String doc = scan.fnDocs.get(op.name());
                        sink.report(op.range(), op.message(), List.of(), List.of(),
                                doc == null ? Map.of() : Map.of("safetyDoc", doc));
                    }
                }
            }
        }
    }

    @RuleInfo(id = "missing-safety-comment", title = "Unsafe block without a SAFETY comment",
            severity = Severity.WARNING, category = Category.GUIDELINE)
    public static final class MissingSafetyComment implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            SourceText source = model.source();
            for (StandInScan.Block b : StandInScan.of(model).blocks) {
                int line = source.lineOf(b.keyword().start());
                if (b.operations().isEmpty() || StandInScan.hasSafetyComment(source, line)) {
                    continue;
                }
                String text = source.lineText(line);
                String indent = text.substring(0, text.length() - text.stripLeading().length());
                int at = source.lineStart(line);
                Fix fix = new Fix("Add a SAFETY comment", List.of(new TextEdit(new TextRange(at, at),
                        indent + "// SAFETY: explain why each unsafe operation below is sound\n")));
                sink.report(b.keyword(), "unsafe block has no `// SAFETY:` comment", List.of(), List.of(fix), Map.of());
            }
        }
    }

    @RuleInfo(id = "missing-safety-doc", title = "Unsafe fn without a # Safety section",
            severity = Severity.WARNING, category = Category.GUIDELINE)
    public static final class MissingSafetyDoc implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            for (StandInScan.UnsafeFn f : StandInScan.of(model).fns) {
                if (f.safetyDoc() == null) {
                    sink.report(f.keyword(), "unsafe fn `" + f.name() + "` has no `# Safety` section in its docs");
                }
            }
        }
    }

    @RuleInfo(id = "unused-unsafe", title = "Unnecessary unsafe block", severity = Severity.WARNING,
            category = Category.GUIDELINE)
    public static final class UnusedUnsafe implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            for (StandInScan.Block b : StandInScan.of(model).blocks) {
                if (b.operations().isEmpty()) {
                    sink.report(b.whole(), "unnecessary unsafe block: it holds no unsafe operation");
                }
            }
        }
    }

    /**
     * Holds the analysis of any text containing {@value #MARKER} until the test opens the gate,
     * to make "a newer version arrives while an older one is being analysed" happen on purpose.
     */
    @RuleInfo(id = "test-gate", title = "Test gate", severity = Severity.HINT, category = Category.GUIDELINE)
    public static final class Gate implements Rule {
        public static final String MARKER = "/*hold*/";
        private static volatile CountDownLatch latch = new CountDownLatch(1);
        private static volatile CountDownLatch entered = new CountDownLatch(1);

        public static void reset() {
            latch = new CountDownLatch(1);
            entered = new CountDownLatch(1);
        }

        public static void open() {
            latch.countDown();
        }

        /** Waits until an analysis is being held. */
        public static void awaitHeld() throws InterruptedException {
            if (!entered.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no analysis reached the gate");
            }
        }

        @Override
        public void check(FileModel model, FindingSink sink) {
            if (model.source().text().contains(MARKER)) {
                entered.countDown();
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
