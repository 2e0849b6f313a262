package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.macros.CallSite;
import dev.unsafehints.macros.ExpandedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Parses an expansion as what its call stands for, as rustc does: an expression where the call is
 * an operand, statements where it is a statement of a block, items where it is an item of a
 * module, associated items among an impl's or trait's items, foreign items in an extern block.
 * The whole expansion must parse; a transcriber that writes something else (or a call in a type
 * or pattern) is not analysed.
 */
final class ExpansionParser {
    enum Position { EXPRESSION, STATEMENTS, ITEMS, ASSOCIATED_ITEMS, EXTERNAL_ITEMS }

    private ExpansionParser() {
    }

    /** Where the call stands, or null where expansions are not analysed. */
    static Position positionOf(RustParser.MacroInvocationContext m) {
        if (m.getParent() instanceof RustParser.MacroInvocationExprContext e) {
            return e.getParent() instanceof RustParser.ExpressionStatementContext ? Position.STATEMENTS
                    : Position.EXPRESSION;
        }
        if (m.getParent() instanceof RustParser.MacroItemContext item) {
            if (item.getParent() instanceof RustParser.ItemContext) {
                return Position.ITEMS;
            }
            if (item.getParent() instanceof RustParser.AssociatedItemContext) {
                return Position.ASSOCIATED_ITEMS;
            }
            if (item.getParent() instanceof RustParser.ExternalItemContext) {
                return Position.EXTERNAL_ITEMS;
            }
        }
        return null;
    }

    /** The parsed expansion (one expression, one block holding the statements, or the items), or empty. */
    /**
     * @param macroSigns the macros whose calls keep a safe function's body: the bodies of the
     *                   functions the expansion writes are left out as a file's are when they
     *                   cannot hold unsafe code (a macro writing a hundred methods, std's `int_impl!`)
     */
    static Optional<List<ParserRuleContext>> parse(List<Token> tokens, Position position, CallSite site,
                                                   java.util.Set<String> macroSigns) {
        try {
            switch (position) {
                case EXPRESSION:
                    return RustParsing.parseUnsafeRelevantFragment(tokens, macroSigns, parser -> {
                        RustParser.ExpressionContext e = parser.expression();
                        return parser.getInputStream().LA(1) == Token.EOF ? List.<ParserRuleContext>of(e) : null;
                    });
                case STATEMENTS: {
                    List<Token> block = new ArrayList<>(tokens.size() + 2);
                    block.add(new ExpandedToken(RustLexer.LBRACE, "{", site));
                    block.addAll(tokens);
                    block.add(new ExpandedToken(RustLexer.RBRACE, "}", site));
                    return RustParsing.parseUnsafeRelevantFragment(block, macroSigns, parser -> {
                        RustParser.BlockExpressionContext b = parser.blockExpression();
                        return parser.getInputStream().LA(1) == Token.EOF ? List.<ParserRuleContext>of(b) : null;
                    });
                }
                case ASSOCIATED_ITEMS:
                    // the grammar has associated items only inside an impl or trait: parse them in
                    // one the expansion does not write (its frame is the real impl's, already entered)
                    return RustParsing.parseUnsafeRelevantFragment(wrapped(tokens, RustLexer.KW_IMPL, "impl", site), macroSigns, parser -> {
                        RustParser.ImplementationContext impl = parser.implementation();
                        return parser.getInputStream().LA(1) == Token.EOF
                                ? List.<ParserRuleContext>copyOf(impl.associatedItem()) : null;
                    });
                case EXTERNAL_ITEMS:
                    return RustParsing.parseUnsafeRelevantFragment(wrapped(tokens, RustLexer.KW_EXTERN, "extern", site), macroSigns, parser -> {
                        RustParser.ExternBlockContext block = parser.externBlock();
                        return parser.getInputStream().LA(1) == Token.EOF
                                ? List.<ParserRuleContext>copyOf(block.externalItem()) : null;
                    });
                default:
                    return RustParsing.parseUnsafeRelevantFragment(tokens, macroSigns, parser -> List.<ParserRuleContext>copyOf(parser.crate().item()));
            }
        } catch (java.util.concurrent.CancellationException stop) {
            throw stop;
        } catch (RuntimeException e) {
            return Optional.empty(); // a token run the grammar's predicates did not expect
        }
    }

    /** `impl Self { tokens }` or `extern { tokens }`: a frame the grammar parses the items in. */
    private static List<Token> wrapped(List<Token> tokens, int keyword, String keywordText, CallSite site) {
        List<Token> frame = new ArrayList<>(tokens.size() + 4);
        frame.add(new ExpandedToken(keyword, keywordText, site));
        if (keyword == RustLexer.KW_IMPL) {
            frame.add(new ExpandedToken(RustLexer.KW_SELFTYPE, "Self", site));
        }
        frame.add(new ExpandedToken(RustLexer.LBRACE, "{", site));
        frame.addAll(tokens);
        frame.add(new ExpandedToken(RustLexer.RBRACE, "}", site));
        return frame;
    }
}
