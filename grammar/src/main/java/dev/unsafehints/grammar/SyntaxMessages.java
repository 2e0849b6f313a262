package dev.unsafehints.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Syntax error messages for a Rust programmer, in rustc's manner: what was expected (when that is a
 * short list) and what was found, with tokens in backticks and no names of grammar rules or token
 * types.
 */
final class SyntaxMessages {
    /** Longer lists of expected tokens say nothing useful; the message names only what was found. */
    private static final int MAX_EXPECTED = 4;
    private static final int MAX_TOKEN_TEXT = 40;

    private SyntaxMessages() {
    }

    /** "expected `;`, found `let`", or "unexpected `)`" when many things could have come. */
    static String unexpected(ParserRuleContext ctx, Token found, IntervalSet expected) {
        if (found.getType() == RustLexer.UNKNOWN) {
            return "unexpected character " + show(found);
        }
        if (ctx instanceof RustParser.CrateContext && found.getType() != Token.EOF) {
            return "expected an item, found " + show(found); // the top level holds nothing but items
        }
        List<String> names = expectedNames(expected);
        if (!names.isEmpty()) {
            return "expected " + oneOf(names) + ", found " + show(found);
        }
        String hint = statementEndHint(ctx, found);
        if (hint != null) {
            return hint;
        }
        String construct = constructAt(ctx, found);
        if (construct != null) {
            return "expected " + construct + ", found " + show(found);
        }
        if (found.getType() == Token.EOF && expected != null) {
            for (int closing : new int[] {RustLexer.RBRACE, RustLexer.RPAREN, RustLexer.RBRACKET}) {
                if (expected.contains(closing)) {
                    return "unclosed delimiter: expected " + nameOf(closing) + ", found end of file";
                }
            }
        }
        return found.getType() == Token.EOF ? "unexpected end of file" : "unexpected " + show(found) + " here";
    }

    /** The tokens the parser could take where the error is, if it can tell. */
    static IntervalSet expectedAt(RecognitionException e) {
        try {
            return e.getExpectedTokens();
        } catch (RuntimeException noState) {
            return null;
        }
    }

    /** The message for an error that stopped the fast stage (see RustParsing). */
    static String of(RecognitionException e) {
        ParserRuleContext ctx = e.getCtx() instanceof ParserRuleContext c ? c : null;
        if (e instanceof FailedPredicateException failed) {
            return failedPredicate(ctx, failed);
        }
        // After a no-viable-alternative deep in the lookahead, the decision's own expectations say
        // nothing about the token where it failed.
        IntervalSet expected = e instanceof NoViableAltException nva && nva.getStartToken() != e.getOffendingToken()
                ? null : expectedAt(e);
        return unexpected(ctx, e.getOffendingToken(), expected);
    }

    /**
     * What the rule being parsed was about to read, when the error is at its very first token:
     * "expected a type, found `=`" for {@code let x: = 1;}.
     */
    private static String constructAt(ParserRuleContext ctx, Token found) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (found == null) {
                return null;
            }
            if (c.start != null && c.start.getTokenIndex() != found.getTokenIndex()) {
                return null;
            }
            String noun = construct(c.getRuleIndex());
            if (noun != null) {
                return noun;
            }
        }
        return null;
    }

    private static String construct(int rule) {
        switch (rule) {
            case RustParser.RULE_type_:
            case RustParser.RULE_typeNoBounds:
            case RustParser.RULE_castType:
                return "a type";
            case RustParser.RULE_pattern:
            case RustParser.RULE_patternNoTopAlt:
            case RustParser.RULE_patternWithoutRange:
                return "a pattern";
            case RustParser.RULE_expression:
            case RustParser.RULE_nested:
            case RustParser.RULE_scrutinee:
            case RustParser.RULE_condition:
            case RustParser.RULE_matchArmBody:
                return "an expression";
            case RustParser.RULE_identifier:
                return "an identifier";
            case RustParser.RULE_item:
            case RustParser.RULE_visItem:
                return "an item";
            case RustParser.RULE_statement:
                return "a statement";
            default:
                return null;
        }
    }

    /** A token that recovery will pretend is there. */
    static String missing(IntervalSet expected, Token before) {
        List<String> names = expectedNames(expected);
        String what = names.isEmpty() ? "something" : oneOf(names);
        return "expected " + what + " before " + show(before);
    }

    static String failedPredicate(ParserRuleContext ctx, FailedPredicateException e) {
        String hint = statementEndHint(ctx, e.getOffendingToken());
        if (hint != null) {
            return hint;
        }
        String message = e.getMessage();
        return message != null && !message.startsWith("failed predicate") ? message
                : "unexpected " + show(e.getOffendingToken()) + " here";
    }

    /**
     * Inside an expression statement or a match arm, the usual mistake is a missing separator:
     * say so instead of listing every operator that could continue the expression.
     */
    private static String statementEndHint(ParserRuleContext ctx, Token found) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof RustParser.ImplicitEndContext
                || ctx instanceof RustParser.ExpressionContext && found.getType() != Token.EOF) {
            ctx = ctx.getParent(); // an expression that cannot go on with this token: what holds it ends here
        }
        if (ctx instanceof RustParser.ExpressionStatementContext statement && statement.expression() != null
                || ctx instanceof RustParser.LetStatementContext let && let.expression() != null) {
            return "expected `;`, found " + show(found);
        }
        if (ctx instanceof RustParser.MatchArmContext arm && arm.matchArmBody() != null) {
            return "expected `,` after this match arm, found " + show(found);
        }
        return null;
    }

    private static List<String> expectedNames(IntervalSet expected) {
        List<String> names = new ArrayList<>();
        if (expected == null || expected.size() > MAX_EXPECTED) {
            return names;
        }
        for (int type : expected.toList()) {
            names.add(nameOf(type));
        }
        return names;
    }

    private static String oneOf(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** How a kind of token is named in a message: `fn`, `;`, an identifier, a string literal. */
    static String nameOf(int type) {
        switch (type) {
            case Token.EOF: return "end of file";
            case RustLexer.IDENTIFIER: return "an identifier";
            case RustLexer.LIFETIME: return "a lifetime";
            case RustLexer.STRING_LITERAL: return "a string literal";
            case RustLexer.RAW_STRING_LITERAL: return "a raw string literal";
            case RustLexer.CHAR_LITERAL: return "a character literal";
            case RustLexer.INTEGER_LITERAL: return "an integer literal";
            case RustLexer.FLOAT_LITERAL: return "a float literal";
            default:
                String literal = RustLexer.VOCABULARY.getLiteralName(type);
                return literal != null ? "`" + literal.substring(1, literal.length() - 1) + "`"
                        : RustLexer.VOCABULARY.getDisplayName(type);
        }
    }

    /** A token as written, in backticks; the end of the file as such. */
    static String show(Token token) {
        if (token == null || token.getType() == Token.EOF) {
            return "end of file";
        }
        String text = token.getText().replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        if (text.length() > MAX_TOKEN_TEXT) {
            text = text.substring(0, MAX_TOKEN_TEXT - 3) + "...";
        }
        return "`" + text + "`";
    }
}
