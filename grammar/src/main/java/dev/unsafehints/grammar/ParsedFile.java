package dev.unsafehints.grammar;

import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The result of parsing one file: the tree (always present, possibly with error nodes), the token
 * stream with comments on the hidden channel, the syntax errors, and whether the slower
 * full-LL stage was needed, and where function bodies were left out of the parse. {@code lexedCode}
 * holds every code token of the file in order, also those of left-out bodies, which {@code tokens}
 * lacks (empty after a declarations-only parse, which does not keep them).
 */
public record ParsedFile(RustParser.CrateContext tree, CommonTokenStream tokens, List<SyntaxError> errors,
                         boolean neededFullLL, Edition edition, FunctionBodies bodies, List<Token> lexedCode) {
    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
