package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * A `macro_rules!` definition, read: its name and rules, or why it could not be read (then every
 * call of it gets that note). Made from the definition's tokens (the body inside its outer
 * delimiters) or, for a definition in another file, from the body's text.
 */
public final class MacroDefinition {
    private final String name;
    private final List<MacroRule> rules;
    private final String failure;
    private final boolean writesUnsafe;
    private final java.util.Set<String> calledMacros;
    /** The name the calling crate uses for the crate that defines the macro; null for its own. */
    private final String crateName;

    private MacroDefinition(String name, List<MacroRule> rules, String failure, boolean writesUnsafe,
                            java.util.Set<String> calledMacros, String crateName) {
        this.name = name;
        this.rules = rules;
        this.failure = failure;
        this.writesUnsafe = writesUnsafe;
        this.calledMacros = calledMacros;
        this.crateName = crateName;
    }

    /** The definition whose body (inside the outer delimiters) is {@code body}. */
    public static MacroDefinition read(String name, List<? extends Token> body) {
        boolean unsafe = body.stream().anyMatch(t -> t.getType() == RustLexer.KW_UNSAFE);
        java.util.Set<String> called = new java.util.HashSet<>();
        for (int i = 0; i + 2 < body.size(); i++) { // `name ! (`: a macro the transcriber calls
            if (body.get(i).getType() == RustLexer.IDENTIFIER && body.get(i + 1).getType() == RustLexer.NOT
                    && TokenRun.isOpen(body.get(i + 2).getType())) {
                called.add(body.get(i).getText());
            }
        }
        try {
            return new MacroDefinition(name, DefinitionReader.rules(name, body), null, unsafe, Set.copyOf(called), null);
        } catch (ExpansionException e) {
            return new MacroDefinition(name, List.of(), e.getMessage(), unsafe, Set.copyOf(called), null);
        }
    }

    /**
     * This definition as a dependency's macro, which the calling crate names {@code crateName}:
     * its `$crate` is that crate, so `$crate::sys::f()` is a call into the dependency.
     */
    public MacroDefinition ofCrate(String crateName) {
        return new MacroDefinition(name, rules, failure, writesUnsafe, calledMacros, crateName);
    }

    /** The name the calling crate uses for the macro's crate, or null when the macro is the crate's own. */
    public String crateName() {
        return crateName;
    }

    /** The definition whose body is written {@code bodyText} (outer delimiters excluded). */
    public static MacroDefinition ofText(String name, String bodyText) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(bodyText));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        return read(name, tokens);
    }

    public String name() {
        return name;
    }

    /** Whether the transcribers write `unsafe` themselves (an unsafe block, fn, impl or trait). */
    public boolean writesUnsafe() {
        return writesUnsafe;
    }

    /** The names of the macros its text calls (`name!(..)`), to follow to what they write. */
    public java.util.Set<String> calledMacros() {
        return calledMacros;
    }

    /** Why the definition could not be read, or null. */
    public String failure() {
        return failure;
    }

    List<MacroRule> rules() {
        return rules;
    }
}
