package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.CfgMacroBranches;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The {@code #[cfg(...)]} conditions that guard a place in the file, outermost first: on the items,
 * statements, match arms and fields that enclose it, and {@code #![cfg(...)]} of the file or a
 * module. Reports use them to set `cfg(test)` code apart; `cfg(debug_assertions)` code is not excluded.
 */
public final class CfgConditions {
    private CfgConditions() {
    }

    /** The conditions around {@code offset}, e.g. ["test", "feature = \"std\""]; empty when none. */
    public static List<String> at(FileModel model, int offset) {
        return at(model, new int[] {offset}).get(0);
    }

    /**
     * The conditions around each of {@code offsets} (ascending), in one walk down the tree that
     * enters only the nodes holding some of them: a file with thousands of findings costs about one
     * visit of the nodes around them, not a descent from the root per finding.
     */
    public static List<List<String>> at(FileModel model, int[] offsets) {
        List<List<String>> result = new ArrayList<>(java.util.Collections.nCopies(offsets.length, List.<String>of()));
        descend(model, model.parsed().tree(), List.of(), offsets, 0, offsets.length, result);
        return result;
    }

    /** Assigns conditions to offsets[lo..hi), all of which lie inside {@code node}. */
    private static void descend(FileModel model, ParserRuleContext node, List<String> outer, int[] offsets,
                                int lo, int hi, List<List<String>> result) {
        if (node instanceof RustParser.MacroInvocationContext m && CfgMacroBranches.isOne(m)) {
            descendBranches(model, m, outer, offsets, lo, hi, result);
            return;
        }
        List<String> here = outer;
        List<String> own = new ArrayList<>();
        dev.unsafehints.parse.CfgAttributes.addTo(node, own);
        if (!own.isEmpty()) {
            here = new ArrayList<>(outer);
            here.addAll(own);
        }
        List<ParserRuleContext> children = new ArrayList<>();
        if (node.children != null) {
            for (ParseTree child : node.children) {
                if (child instanceof ParserRuleContext c && c.getStart() != null && c.getStop() != null) {
                    children.add(c);
                }
            }
        }
        descendInto(model, children, here, offsets, lo, hi, result);
    }

    /**
     * Assigns conditions to offsets[lo..hi) among {@code children} (in text order): an offset inside
     * a child gets the child's conditions as well, one between them only {@code here}.
     */
    private static void descendInto(FileModel model, List<ParserRuleContext> children, List<String> here,
                                    int[] offsets, int lo, int hi, List<List<String>> result) {
        int i = lo;
        for (ParserRuleContext c : children) {
            if (i >= hi) {
                break;
            }
            int start = model.startOf(c.getStart());
            int end = model.endOf(c.getStop());
            while (i < hi && offsets[i] < start) {
                result.set(i++, here);
            }
            int j = i;
            while (j < hi && offsets[j] < end) {
                j++;
            }
            if (j > i) {
                descend(model, c, here, offsets, i, j, result);
            }
            i = j;
        }
        while (i < hi) {
            result.set(i++, here);
        }
    }

    /**
     * In a `cfg_if!` or `cfg_select!`, an offset in a branch is guarded by the branch's condition,
     * then by the conditions inside the branch's code.
     */
    private static void descendBranches(FileModel model, RustParser.MacroInvocationContext m, List<String> outer,
                                        int[] offsets, int lo, int hi, List<List<String>> result) {
        List<CfgMacroBranches.Branch> branches = CfgMacroBranches.branches(model.parsed().tokens(), m).orElse(List.of());
        int i = lo;
        for (CfgMacroBranches.Branch branch : branches) {
            int start = model.offsets().toUtf16(branch.start());
            int end = model.offsets().toUtf16(branch.end());
            while (i < hi && offsets[i] < start) {
                result.set(i++, outer);
            }
            List<String> here = outer;
            if (!branch.condition().isEmpty()) {
                here = new ArrayList<>(outer);
                here.add(branch.condition());
            }
            int j = i;
            while (j < hi && offsets[j] < end) {
                j++;
            }
            descendInto(model, branch.code(), here, offsets, i, j, result); // its items (or block)
            i = j;
        }
        while (i < hi) {
            result.set(i++, outer);
        }
    }

}
