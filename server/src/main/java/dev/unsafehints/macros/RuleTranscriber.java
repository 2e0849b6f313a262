package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Writes a rule's transcriber with the bindings of a match. The macro's own tokens become
 * {@link ExpandedToken}s at the call site; the tokens the call passed in are written as they are,
 * so the user's code keeps its own positions in the expansion.
 */
final class RuleTranscriber {
    private final CallSite site;
    private final ExpansionBudget budget;
    private final List<Token> out = new ArrayList<>();
    /** The repetitions being written, innermost first: {index, count} each, for `${index()}` and `${len()}`. */
    private final java.util.Deque<int[]> repetitions = new java.util.ArrayDeque<>();

    /** How `$crate` is written: `crate` for the calling crate's own macros, else the dependency's name. */
    private final String crateName;

    RuleTranscriber(CallSite site, ExpansionBudget budget, String crateName) {
        this.site = site;
        this.budget = budget;
        this.crateName = crateName;
    }

    List<Token> transcribe(List<Transcriber> parts, Map<String, Binding> bindings) {
        write(parts, bindings);
        return out;
    }

    private void write(List<Transcriber> parts, Map<String, Binding> bindings) {
        for (Transcriber part : parts) {
            if (part instanceof Transcriber.Text text) {
                add(own(text.token()));
            } else if (part instanceof Transcriber.Group group) {
                add(own(group.open()));
                write(group.parts(), bindings);
                add(own(group.close()));
            } else if (part instanceof Transcriber.Crate crate) {
                add(crateName == null ? new ExpandedToken(RustLexer.KW_CRATE, "crate", site)
                        : new ExpandedToken(RustLexer.IDENTIFIER, crateName, site));
            } else if (part instanceof Transcriber.Variable variable) {
                variable(variable, bindings);
            } else if (part instanceof Transcriber.Expression expression) {
                MetavariableExpressions.write(expression, bindings, repetitions, site.macroName())
                        .ifPresent(token -> add(new ExpandedToken(token.type(), token.text(), site)));
            } else {
                repeat((Transcriber.Repeat) part, bindings);
            }
        }
    }

    private void variable(Transcriber.Variable variable, Map<String, Binding> bindings) {
        Binding bound = bindings.get(variable.name());
        if (bound == null) { // not a metavariable: `$x` stays as written, as rustc leaves it
            add(own(variable.dollar()));
            add(own(variable.nameToken()));
        } else if (bound instanceof Binding.Fragment fragment) {
            budget.wrote(site.macroName(), fragment.tokens().size());
            out.addAll(fragment.tokens());
        } else {
            throw new ExpansionException("`$" + variable.name() + "` is still repeating at this depth in `"
                    + site.macroName() + "!`");
        }
    }

    private void repeat(Transcriber.Repeat r, Map<String, Binding> bindings) {
        int count = -1;
        for (String variable : r.variables()) {
            if (bindings.get(variable) instanceof Binding.Sequence s) {
                if (count >= 0 && count != s.items().size()) {
                    throw new ExpansionException("meta-variables repeat " + count + " and " + s.items().size()
                            + " times in the same repetition of `" + site.macroName() + "!`");
                }
                count = s.items().size();
            }
        }
        if (count < 0) {
            throw new ExpansionException("a repetition in `" + site.macroName()
                    + "!` uses no variable that repeats at this depth");
        }
        int[] position = {0, count};
        repetitions.push(position);
        for (int i = 0; i < count; i++) {
            position[0] = i;
            if (i > 0 && r.separator() != null) {
                add(own(r.separator()));
            }
            Map<String, Binding> iteration = new HashMap<>(bindings);
            for (String variable : r.variables()) {
                if (bindings.get(variable) instanceof Binding.Sequence s) {
                    iteration.put(variable, s.items().get(i));
                }
            }
            write(r.parts(), iteration);
        }
        repetitions.pop();
    }

    private Token own(Token definitionToken) {
        return new ExpandedToken(definitionToken.getType(), definitionToken.getText(), site);
    }

    private void add(Token t) {
        budget.wrote(site.macroName(), 1);
        out.add(t);
    }
}
