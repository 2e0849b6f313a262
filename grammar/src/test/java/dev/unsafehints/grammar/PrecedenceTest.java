package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How statements and expressions group, written out: each case is the body of a function and the
 * compact tree (TreeDump) of its statements. These are the readings rustc gives.
 */
class PrecedenceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', textBlock = """
        &x as *const T; ==> (expressionStatement (castExpr (borrowExpr & (pathExpr x)) as (castType * const (castType T))) ;)
        *p.f; ==> (expressionStatement (derefExpr * (fieldExpr (pathExpr p) . f)) ;)
        a + b * c; ==> (expressionStatement (additiveExpr (pathExpr a) + (multiplicativeExpr (pathExpr b) * (pathExpr c))) ;)
        a * b - c; ==> (expressionStatement (additiveExpr (multiplicativeExpr (pathExpr a) * (pathExpr b)) - (pathExpr c)) ;)
        a - b - c; ==> (expressionStatement (additiveExpr (additiveExpr (pathExpr a) - (pathExpr b)) - (pathExpr c)) ;)
        a = b = c; ==> (expressionStatement (assignmentExpr (pathExpr a) = (assignmentExpr (pathExpr b) = (pathExpr c))) ;)
        -a.b(); ==> (expressionStatement (negationExpr - (methodCallExpr (pathExpr a) . (pathExprSegment b))) ;)
        !a?; ==> (expressionStatement (negationExpr ! (tryExpr (pathExpr a) ?)) ;)
        a || b && c; ==> (expressionStatement (lazyOrExpr (pathExpr a) || (lazyAndExpr (pathExpr b) && (pathExpr c))) ;)
        a == b && c; ==> (expressionStatement (lazyAndExpr (comparisonExpr (pathExpr a) == (pathExpr b)) && (pathExpr c)) ;)
        a & b ^ c | d; ==> (expressionStatement (bitOrExpr (bitXorExpr (bitAndExpr (pathExpr a) & (pathExpr b)) ^ (pathExpr c)) | (pathExpr d)) ;)
        a << b + c; ==> (expressionStatement (shiftExpr (pathExpr a) < < (additiveExpr (pathExpr b) + (pathExpr c))) ;)
        a as u8 + b; ==> (expressionStatement (additiveExpr (castExpr (pathExpr a) as (castType u8)) + (pathExpr b)) ;)
        (x as u32) < y; ==> (expressionStatement (comparisonExpr (parenthesizedExpr (castExpr (pathExpr x) as (castType u32))) < (pathExpr y)) ;)
        a..b + 1; ==> (expressionStatement (rangeExpr (pathExpr a) .. (additiveExpr (pathExpr b) + (literalExpr 1))) ;)
        x.0.1; ==> (expressionStatement (tupleIndexPairExpr (pathExpr x) . 0.1) ;)
        x.0; ==> (expressionStatement (fieldExpr (pathExpr x) . 0) ;)
        1..2; ==> (expressionStatement (rangeExpr (literalExpr 1) .. (literalExpr 2)) ;)
        1.max(2); ==> (expressionStatement (methodCallExpr (literalExpr 1) . (pathExprSegment max) (callArguments 2)) ;)
        1.0.max(2.0); ==> (expressionStatement (methodCallExpr (literalExpr 1.0) . (pathExprSegment max) (callArguments 2.0)) ;)
        a.b(c); ==> (expressionStatement (methodCallExpr (pathExpr a) . (pathExprSegment b) (callArguments c)) ;)
        (a.b)(c); ==> (expressionStatement (callExpr (parenthesizedExpr (fieldExpr (pathExpr a) . b)) (callArguments c)) ;)
        a.b::<T>(); ==> (expressionStatement (methodCallExpr (pathExpr a) . (pathExprSegment (pathIdentSegment b) :: (genericArgs < (genericArg T) >))) ;)
        -1i32.abs(); ==> (expressionStatement (negationExpr - (methodCallExpr (literalExpr 1i32) . (pathExprSegment abs))) ;)
        &mut *p; ==> (expressionStatement (borrowExpr & mut (derefExpr * (pathExpr p))) ;)
        &&x; ==> (expressionStatement (borrowExpr && (pathExpr x)) ;)
        &raw const x; ==> (expressionStatement (borrowExpr & raw const (pathExpr x)) ;)
        &raw; ==> (expressionStatement (borrowExpr & (pathExpr raw)) ;)
        |x| x + 1; ==> (expressionStatement (closureExpression | (closureParams x) | (additiveExpr (pathExpr x) + (literalExpr 1))) ;)
        unsafe { f() } *p = 1; ==> (expressionStatement (unsafeBlock unsafe (blockExpression (expressionStatement (callExpr (pathExpr f)) (implicitEnd)))) (implicitEnd)) (expressionStatement (assignmentExpr (derefExpr * (pathExpr p)) = (literalExpr 1)) ;)
        unsafe { f() }.g(); ==> (expressionStatement (methodCallExpr (unsafeBlock unsafe (blockExpression (expressionStatement (callExpr (pathExpr f)) (implicitEnd)))) . (pathExprSegment g)) ;)
        match x {} - 1; ==> (expressionStatement (matchExpr match (scrutinee x)) (implicitEnd)) (expressionStatement (negationExpr - (literalExpr 1)) ;)
        let y = match x {} - 1; ==> (letStatement let (pattern y) = (additiveExpr (matchExpr match (scrutinee x)) - (literalExpr 1)) ;)
        if a {} (b, c) = d; ==> (expressionStatement (ifExpression if (condition a) (blockExpression)) (implicitEnd)) (expressionStatement (assignmentExpr (tupleExpr (nested b) (nested c)) = (pathExpr d)) ;)
        if x == S {} ==> (expressionStatement (ifExpression if (comparisonExpr (pathExpr x) == (pathExpr S)) (blockExpression)) (implicitEnd))
        if x == (S {}) {} ==> (expressionStatement (ifExpression if (comparisonExpr (pathExpr x) == (parenthesizedExpr (structExpr (pathInExpression S) (structBody)))) (blockExpression)) (implicitEnd))
        let s = S { a }; ==> (letStatement let (pattern s) = (structExpr (pathInExpression S) (structBody (structExprField a))) ;)
        for i in 0.. {} ==> (expressionStatement (forExpr for (pattern i) in (rangeFromExpr (literalExpr 0) ..) (blockExpression)) (implicitEnd))
        let r = 0..{ 1 }; ==> (letStatement let (pattern r) = (rangeExpr (literalExpr 0) .. (blockExpression (expressionStatement (literalExpr 1) (implicitEnd)))) ;)
        if let Some(a) = b && c {} ==> (expressionStatement (ifExpression if (condition (conditionOperand let (tupleStructPat (pathInExpression Some) (pattern a)) = (pathExpr b)) && (pathExpr c)) (blockExpression)) (implicitEnd))
        if a && let Some(b) = c {} ==> (expressionStatement (ifExpression if (letChainExpr (pathExpr a) && (conditionOperand let (tupleStructPat (pathInExpression Some) (pattern b)) = (pathExpr c))) (blockExpression)) (implicitEnd))
        if a {} else if b {} else {} ==> (expressionStatement (ifExpression if (condition a) (blockExpression) else (ifExpression if (condition b) (blockExpression) else (blockExpression))) (implicitEnd))
        x = if a { 1 } else { 2 } + 3; ==> (expressionStatement (assignmentExpr (pathExpr x) = (additiveExpr (ifExpression if (condition a) (blockExpression (expressionStatement (literalExpr 1) (implicitEnd))) else (blockExpression (expressionStatement (literalExpr 2) (implicitEnd)))) + (literalExpr 3))) ;)
        m! {} (x); ==> (expressionStatement (macroInvocation (simplePath m) ! (delimTokenTree)) (implicitEnd)) (expressionStatement (parenthesizedExpr (nested x)) ;)
        m!(a) * b; ==> (expressionStatement (multiplicativeExpr (macroInvocation (simplePath m) ! (delimTokenTree a)) * (pathExpr b)) ;)
        #[cfg(a)] { f(); } #[cfg(b)] { g(); } ==> (expressionStatement (attributedExpr (outerAttribute # (attrBody (simplePath cfg) (delimTokenTree a))) (blockExpression (expressionStatement (callExpr (pathExpr f)) ;))) (implicitEnd)) (expressionStatement (attributedExpr (outerAttribute # (attrBody (simplePath cfg) (delimTokenTree b))) (blockExpression (expressionStatement (callExpr (pathExpr g)) ;))) (implicitEnd))
        'a: { break 'a 1; } ==> (expressionStatement (labeledBlock (label 'a :) (blockExpression (expressionStatement (breakExpr break 'a (literalExpr 1)) ;))) (implicitEnd))
        """)
    void groupsAsRustDoes(String body, String expected) {
        String text = "fn f() { " + body + " }";
        ParsedFile parsed = RustParsing.parse(text, Edition.E2024);
        assertEquals(List.of(), parsed.errors(), text);
        assertFalse(parsed.neededFullLL(), "fast stage should parse " + text);
        RustParser.BlockExpressionContext block = parsed.tree().item(0).visItem().function_().blockExpression();
        StringBuilder statements = new StringBuilder();
        for (RustParser.StatementContext s : block.statement()) {
            statements.append(statements.length() == 0 ? "" : " ").append(TreeDump.of(s));
        }
        assertEquals(expected.strip(), statements.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', textBlock = """
        a b; ==> 1
        f() g(); ==> 1
        let x = 1 let y = 2; ==> 1
        """)
    void statementsNeedSemicolons(String body, int errors) {
        ParsedFile parsed = RustParsing.parse("fn f() { " + body + " }", Edition.E2021);
        assertEquals(errors, parsed.errors().size(), parsed.errors().toString());
    }
}
