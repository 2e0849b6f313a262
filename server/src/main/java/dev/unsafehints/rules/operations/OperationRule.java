package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Obligations;
import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the operation rules: each reports the unsafe operations of one kind, with the reason the
 * analysis knows it is unsafe, the declaration that makes it so, the callee's Safety section, and for
 * a dereference whether it reads, writes or borrows (property {@code access}), so that every front
 * end states the same obligations ({@link Obligations#ofFinding}).
 */
abstract class OperationRule implements Rule {
    protected abstract OperationKind kind();

    @Override
    public final void check(FileModel model, FindingSink sink) {
        for (UnsafeOperation op : model.facts().operations(kind())) {
            List<RelatedLocation> related = op.declaration() == null ? List.of() : List.of(op.declaration());
            Map<String, String> properties = new HashMap<>();
            if (!op.safetyDoc().isEmpty()) {
                properties.put("safetyDoc", op.safetyDoc());
            }
            properties.put("subject", op.subject());
            if (op.kind() == OperationKind.RAW_POINTER_DEREF) {
                properties.put("access", Obligations.accessOf(model.source(), op.range()).description());
            }
            sink.report(op.range(), op.what() + ": " + op.why(), related, List.of(), properties);
        }
    }
}
