package dev.unsafehints.macros;

import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Expands one macro-by-example call, one step: the first rule (in the order written) whose matcher
 * matches the call's tokens is transcribed. Calls in the result are not expanded here: the
 * analysis finds them when it parses the result, which is the only place that knows they are
 * calls, and expands them with the same {@link ExpansionBudget}.
 */
public final class MacroExpander {
    private MacroExpander() {
    }

    /**
     * The tokens the call expands to.
     *
     * @param input the tokens inside the call's delimiters
     * @throws ExpansionException with a note for the user when it cannot be expanded
     */
    public static List<Token> expand(MacroDefinition definition, CallSite site, List<? extends Token> input,
                                     ExpansionBudget budget) {
        if (definition.failure() != null) {
            throw new ExpansionException(definition.failure());
        }
        TokenRun run = TokenRun.of(input);
        RuleMatcher matcher = new RuleMatcher(definition.name(), run, budget);
        for (MacroRule rule : definition.rules()) {
            Map<String, Binding> bindings = matcher.matchAll(rule.matcher());
            if (bindings != null) {
                return new RuleTranscriber(site, budget, definition.crateName()).transcribe(rule.transcriber(), bindings);
            }
        }
        throw new ExpansionException("no rule of `" + definition.name() + "!` matches this call");
    }
}
