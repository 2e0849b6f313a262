package dev.unsafehints.engine;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves offsets of an old text into a new one after the text from {@code editStart} to
 * {@code oldEditEnd} was replaced: offsets from {@code oldEditEnd} on move by {@code delta} (the
 * length change), offsets before the edit stay. Where text was only inserted, a span that ends at
 * the insertion point stays and one that starts there moves: the new text is between them.
 */
record Shift(int editStart, int oldEditEnd, int delta) {
    int offset(int oldOffset) {
        return oldOffset >= oldEditEnd ? oldOffset + delta : oldOffset;
    }

    /** The end of a span. */
    int end(int oldOffset) {
        return oldOffset > editStart ? offset(oldOffset) : oldOffset;
    }

    TextRange range(TextRange r) {
        int start = offset(r.start());
        return new TextRange(start, Math.max(start, end(r.end())));
    }

    /** The finding in the new text: its range, its related places in this file and its fixes moved. */
    Finding finding(Finding f, SourceText newSource) {
        List<RelatedLocation> related = new ArrayList<>();
        for (RelatedLocation loc : f.related()) {
            if (loc.file() != null) {
                related.add(loc); // another file
            } else {
                TextRange r = range(loc.range());
                related.add(new RelatedLocation(null, r, newSource.positionAt(r.start()), newSource.positionAt(r.end()),
                        loc.message()));
            }
        }
        List<Fix> fixes = new ArrayList<>();
        for (Fix fix : f.fixes()) {
            List<TextEdit> edits = new ArrayList<>();
            for (TextEdit e : fix.edits()) {
                edits.add(new TextEdit(range(e.range()), e.newText()));
            }
            fixes.add(new Fix(fix.title(), edits));
        }
        return new Finding(f.ruleId(), f.severity(), f.message(), range(f.range()), related, fixes, f.properties(),
                f.cfg());
    }
}
