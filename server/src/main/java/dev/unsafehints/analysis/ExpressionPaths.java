package dev.unsafehints.analysis;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.workspace.FileDeclarations;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The segment names of a path written in an expression (`a::b::<T>::c` gives `a`, `b`, `c`), in the
 * form {@link CallResolver} reads. A leading `::` is kept as a first segment `"::"` from edition 2018
 * on, where it names a crate (`::libc::f` is never a module `libc` of this crate); in edition 2015
 * it names the crate root, where a path is looked up as if written without it.
 */
final class ExpressionPaths {
    /** The first segment of a path that starts at the extern prelude (edition 2018 on). */
    static final String CRATE_MARKER = "::";

    private ExpressionPaths() {
    }

    /** The names of {@code path}'s segments, generic arguments left out. */
    static List<String> segments(RustParser.PathInExpressionContext path, Edition edition) {
        List<String> names = new ArrayList<>();
        if (edition != Edition.E2015 && path.getChild(0) instanceof TerminalNode colons
                && colons.getText().equals(CRATE_MARKER)) {
            names.add(CRATE_MARKER);
        }
        for (RustParser.PathExprSegmentContext s : path.pathExprSegment()) {
            names.add(s.pathIdentSegment().getText());
        }
        return names;
    }

    /**
     * The callee path of `f(..)`, also for `<T as Tr>::f` (its owner's last name, then the segments)
     * and `(f)`, or null when the callee is not a path.
     */
    static List<String> callee(RustParser.ExpressionContext callee, Edition edition) {
        if (callee instanceof RustParser.PathExprContext p) {
            return segments(p.pathInExpression(), edition);
        }
        if (callee instanceof RustParser.QualifiedPathExprContext q) {
            RustParser.QualifiedPathContext qp = q.qualifiedPath();
            List<String> path = new ArrayList<>();
            path.add(qp.typePath() != null ? FileDeclarations.lastSegmentName(qp.typePath().getText())
                    : FileDeclarations.lastSegmentName(qp.type_().getText()));
            for (RustParser.PathExprSegmentContext s : qp.pathExprSegment()) {
                path.add(s.pathIdentSegment().getText());
            }
            return path;
        }
        if (callee instanceof RustParser.ParenthesizedExprContext p) {
            return callee(p.nested().expression(), edition);
        }
        return null;
    }

    /**
     * The path a std table is keyed by: without a leading `::` and without the std crate's name
     * (`::core::ptr::read` and `std::ptr::read` give `ptr::read`). A path that starts at the extern
     * prelude and names no std crate (`::ptr::read`, the crate `ptr`) gives null.
     */
    static String stdKey(List<String> path) {
        if (!path.isEmpty() && path.get(0).equals(CRATE_MARKER)) {
            return path.size() > 2 && StdUnsafeApis.isStdCrate(path.get(1))
                    ? String.join("::", path.subList(2, path.size())) : null;
        }
        return StdUnsafeApis.withoutStdCrate(path);
    }
}
