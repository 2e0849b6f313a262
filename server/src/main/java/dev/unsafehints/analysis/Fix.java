package dev.unsafehints.analysis;

import dev.unsafehints.text.TextEdit;
import java.util.List;

/** A suggested change to the same file, offered as a quick fix in editors. */
public record Fix(String title, List<TextEdit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }
}
