package dev.unsafehints.analysis;

import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import java.nio.file.Path;

/**
 * A place that explains a finding: the declaration that makes a call unsafe, or an operation
 * inside a block. {@code file} is null when it is the finding's own file.
 */
public record RelatedLocation(Path file, TextRange range, TextPosition start, TextPosition end, String message) {
    public RelatedLocation {
        message = dev.unsafehints.macros.LocalHygiene.display(message); // a macro's local reads as written
    }
}
