/*
 * Parser for Rust, editions 2015-2024, written from The Rust Reference (chapters: Crates and source
 * files, Items, Attributes, Statements and expressions, Patterns, Types, Macros; see grammar/README.md).
 *
 * Design notes:
 *  - Macro bodies stay token trees; the parser does not guess what they mean.
 *  - `expression` is one left-recursive rule; ANTLR turns the order of its alternatives into
 *    precedence (earlier binds tighter), following the Reference's "Expression precedence" table.
 *  - Context rules of Rust are parser state, not lookahead (see RustParserBase):
 *    . no struct literals in conditions and scrutinees (predicate structAllowed);
 *    . a block-like expression that starts a statement or match arm ends it unless `.` or `?`
 *      follows (`unsafe { .. } *p = 1;` is two statements): the action blockLikeEnded() raises the
 *      precedence of the running expression so that only postfix forms may continue it;
 *    . a statement or arm may end without `;` or `,` only there or before `}` (rule implicitEnd);
 *    . the scrutinee of `let` in a condition binds tighter than `&&` (scrutineeFollows()).
 *  - The fast parsing stage predicts with FastPrediction, which keeps lookahead short where SLL
 *    prediction would otherwise read to the end of the statement; see its comment.
 */
parser grammar RustParser;

options { tokenVocab = RustLexer; superClass = RustParserBase; }

// ---------------------------------------------------------------- Crates and source files
crate : innerAttribute* item* EOF ;

// ---------------------------------------------------------------- Attributes
innerAttribute : '#' '!' '[' attr ']' ;
outerAttribute : '#' '[' attr ']' ;
attr
    : 'unsafe' '(' attrBody ')'     // #[unsafe(no_mangle)] (edition 2024 unsafe attributes)
    | attrBody
    ;
attrBody  : simplePath attrInput? ;
attrInput : delimTokenTree | '=' expression ;

// ---------------------------------------------------------------- Macros
delimTokenTree
    : '(' tokenTree* ')'
    | '[' tokenTree* ']'
    | '{' tokenTree* '}'
    ;
tokenTree : delimTokenTree | ~( '(' | ')' | '[' | ']' | '{' | '}' ) ;

macroInvocation : simplePath '!' delimTokenTree ;
macroRulesDefinition : KW_MACRORULES '!' identifier delimTokenTree ';'? ;
macroItem : macroRulesDefinition | macroInvocation ';'? ;

// ---------------------------------------------------------------- Items
item : outerAttribute* ( visItem | macroItem ) ;

visItem
    : visibility?
      ( module
      | externCrate
      | useDeclaration
      | function_
      | typeAlias
      | struct_
      | enumeration
      | union_
      | constantItem
      | staticItem
      | trait_
      | traitAlias
      | implementation
      | externBlock
      | macro2Definition
      )
    ;

visibility
    : 'pub' ( '(' ( 'crate' | 'self' | 'super' | 'in' simplePath ) ')' )?
    ;

module : 'unsafe'? 'mod' identifier ( ';' | '{' innerAttribute* item* '}' ) ;

externCrate : 'extern' 'crate' ( identifier | 'self' ) ( 'as' ( identifier | '_' ) )? ';' ;

useDeclaration : 'use' useTree ';' ;
useTree
    : ( simplePath? '::' )? ( '*' | '{' ( useTree ( ',' useTree )* ','? )? '}' )
    | simplePath ( 'as' ( identifier | '_' ) )?
    ;

function_
    : functionQualifiers 'fn' identifier genericParams? '(' functionParameters? ')'
      functionReturnType? whereClause? ( blockExpression | ';' )
    ;
functionQualifiers : KW_DEFAULT? 'const'? 'async'? ( 'unsafe' | KW_SAFE )? ( 'extern' abi? )? ;
abi : STRING_LITERAL | RAW_STRING_LITERAL ;

functionParameters
    : selfParam ( ',' functionParam )* ','?
    | functionParam ( ',' functionParam )* ','?
    ;
selfParam
    : outerAttribute* ( ( '&' | '&&' ) LIFETIME? 'mut'? 'self'
                      | 'mut'? 'self' ( ':' type_ )?
                      )
    ;
functionParam
    : outerAttribute* ( pattern ':' ( type_ | '...' )
                      | '...'
                      | type_            // anonymous parameters of 2015 trait methods
                      )
    ;
functionReturnType : '->' type_ ;

typeAlias
    : KW_DEFAULT? 'type' identifier genericParams? ( ':' typeParamBounds? )? whereClause?
      ( '=' type_ whereClause? )? ';'
    ;

struct_
    : 'struct' identifier genericParams?
      ( whereClause? ( '{' structFields? '}' | ';' )
      | '(' tupleFields? ')' whereClause? ';'
      )
    ;
structFields : structField ( ',' structField )* ','? ;
structField  : outerAttribute* visibility? 'unsafe'? identifier ':' type_ ( '=' expression )? ;
tupleFields  : tupleField ( ',' tupleField )* ','? ;
tupleField   : outerAttribute* visibility? type_ ;

enumeration : 'enum' identifier genericParams? whereClause? '{' ( enumVariant ( ',' enumVariant )* ','? )? '}' ;
enumVariant
    : outerAttribute* visibility? identifier
      ( '{' structFields? '}' | '(' tupleFields? ')' )? ( '=' expression )?
    ;

union_ : KW_UNION identifier genericParams? whereClause? '{' structFields? '}' ;

constantItem : KW_DEFAULT? 'const' ( identifier | '_' ) genericParams? ( ':' type_ )? whereClause? ( '=' expression )? whereClause? ';' ;

staticItem : ( KW_SAFE | 'unsafe' )? 'static' 'mut'? identifier ':' type_ ( '=' expression )? ';' ;

trait_
    : 'const'? 'unsafe'? KW_AUTO? 'const'? 'trait' identifier genericParams? ( ':' typeParamBounds? )? whereClause?
      '{' innerAttribute* associatedItem* '}'
    ;
traitAlias : 'trait' identifier genericParams? '=' typeParamBounds? whereClause? ';' ;

implementation
    : KW_DEFAULT? 'const'? 'unsafe'? 'impl' genericParams? constness? '!'? ( typePath 'for' )? type_ whereClause?
      '{' innerAttribute* associatedItem* '}'
    ;

associatedItem
    : outerAttribute* ( macroItem
                      | visibility? ( typeAlias | constantItem | function_ )
                      )
    ;

externBlock : 'unsafe'? 'extern' abi? '{' innerAttribute* externalItem* '}' ;
externalItem
    : outerAttribute* ( macroItem
                      | visibility? ( staticItem | function_ | typeAlias )
                      )
    ;

// macros 2.0: `macro name($x:expr) { .. }` or `macro name { (..) => { .. } }`
macro2Definition : 'macro' identifier delimTokenTree delimTokenTree? ;

// ---------------------------------------------------------------- Generics
genericParams : '<' ( genericParam ( ',' genericParam )* ','? )? '>' ;
genericParam
    : outerAttribute* ( LIFETIME ( ':' lifetimeBounds? )?
                      | 'const' identifier ':' type_ ( '=' genericArgConst )?
                      | identifier ( ':' typeParamBounds? )? ( '=' type_ )?
                      )
    ;
whereClause : 'where' ( whereClauseItem ( ',' whereClauseItem )* ','? )? ;
whereClauseItem
    : LIFETIME ':' lifetimeBounds?
    | forLifetimes? type_ ':' typeParamBounds?
    ;
forLifetimes : 'for' genericParams ;
lifetimeBounds : LIFETIME ( '+' LIFETIME )* '+'? ;

typeParamBounds : typeParamBound ( '+' typeParamBound )* '+'? ;
typeParamBound
    : LIFETIME
    | traitBound
    | '(' traitBound ')'
    | 'use' '<' ( useBoundArg ( ',' useBoundArg )* ','? )? '>'   // precise capturing
    ;
traitBound : boundModifiers forLifetimes? boundModifiers typePath ;
boundModifiers : ( '?' | '~' 'const' | '[' 'const' ']' | 'const' | 'async' | '!' )* ;
useBoundArg : LIFETIME | identifier | 'Self' ;

// ---------------------------------------------------------------- Types
type_
    : typeNoBounds ( '+' typeParamBounds )?     // bare trait objects of edition 2015: Box<Error + Send>
    | bareTraitObjectStart ( '+' typeParamBounds )?
    | 'impl' typeParamBounds
    | 'dyn' typeParamBounds
    ;
typeNoBounds
    : '(' type_ ')'                                                     # parenthesizedType
    | '(' ( type_ ',' ( type_ ( ',' type_ )* ','? )? )? ')'             # tupleType
    | '!'                                                               # neverType
    | '_'                                                               # inferredType
    | '*' ( 'const' | 'mut' ) typeNoBounds                              # rawPointerType
    | ( '&' | '&&' ) LIFETIME? 'mut'? typeNoBounds                      # referenceType
    | '[' type_ ( ';' expression )? ']'                                 # arrayOrSliceType
    | forLifetimes? functionQualifiers 'fn' '(' fnTypeParams? ')' ( '->' typeNoBounds )?  # bareFunctionType
    | qualifiedPathInType                                               # qualifiedPathType
    | macroInvocation                                                   # macroType
    | typePath                                                          # pathType
    | 'impl' ( traitBound | '(' traitBound ')' )                         # implTraitTypeOneBound
    | 'dyn' ( traitBound | '(' traitBound ')' )                          # traitObjectTypeOneBound
    ;
// Bare trait objects (edition 2015) whose first bound does not read as a type: `'a + Trait`,
// `for<'a> Trait<'a> + Send`, `(?Sized) + Trait`.
bareTraitObjectStart
    : LIFETIME
    | forLifetimes typePath
    | '(' boundModifiers forLifetimes? boundModifiers typePath ')'
    ;
// The target type of `e as T`. A copy of typeNoBounds whose trailing parts are rules of its own:
// in SLL prediction the follow set of a rule is global, so if casts used the general type rules,
// every type in the file could be followed by `<`, `(` or `[` (comparison, call, index) and each
// generic argument list would need lookahead to the end of the file.
castType
    : '(' type_ ')'
    | '(' ( type_ ',' ( type_ ( ',' type_ )* ','? )? )? ')'
    | '!'
    | '_'
    | '*' ( 'const' | 'mut' ) castType
    | ( '&' | '&&' ) LIFETIME? 'mut'? castType
    | '[' type_ ( ';' expression )? ']'
    | forLifetimes? functionQualifiers 'fn' '(' fnTypeParams? ')' ( '->' castType )?
    | '<' type_ ( 'as' typePath )? '>' ( '::' castPathSegment )+
    | macroInvocation
    | ( 'dyn' | 'impl' ) ( forLifetimes? castTypePath | '(' traitBound ')' )
    | castTypePath
    ;
castTypePath : '::'? castPathSegment ( '::' castPathSegment )* ;
castPathSegment : pathIdentSegment ( '::'? ( genericArgs | castPathFn ) )? ;
// Fn(A) -> R in a cast target: `f as *mut dyn FnMut(&A) -> R`.
castPathFn : '(' ( type_ ( ',' type_ )* ','? )? ')' ( '->' castType )? ;

fnTypeParams : fnTypeParam ( ',' fnTypeParam )* ','? ;
fnTypeParam  : outerAttribute* ( ( identifier | '_' ) ':' )? ( type_ | '...' ) ;

typePath : '::'? typePathSegment ( '::' typePathSegment )* ;
typePathSegment : pathIdentSegment ( '::'? ( genericArgs | typePathFn ) )? ;
typePathFn : '(' ( type_ ( ',' type_ )* ','? )? ')' ( '->' typeNoBounds )? ;
qualifiedPath : '<' type_ ( 'as' typePath )? '>' ( '::' pathExprSegment )+ ;
qualifiedPathInType : '<' type_ ( 'as' typePath )? '>' ( '::' typePathSegment )+ ;

genericArgs : '<' ( genericArg ( ',' genericArg )* ','? )? '>' ;
genericArg
    : LIFETIME
    | identifier genericArgs? ( '=' | ':' ) ( type_ | typeParamBounds | genericArgConst )   // Item = T, Item: Bound
    | type_
    | genericArgConst
    ;
genericArgConst : blockExpression | '-'? literal ;

// ---------------------------------------------------------------- Paths
simplePath : '::'? simplePathSegment ( '::' simplePathSegment )* ;
simplePathSegment : identifier | 'super' | 'self' | 'crate' | '$' 'crate' ;
pathInExpression : '::'? pathExprSegment ( '::' pathExprSegment )* ;
pathExprSegment : pathIdentSegment ( '::' genericArgs )? ;
pathIdentSegment : identifier | 'super' | 'self' | 'Self' | 'crate' | '$' 'crate' ;

identifier
    : IDENTIFIER
    | KW_UNION | KW_AUTO | KW_DEFAULT | KW_MACRORULES | KW_RAW | KW_SAFE
    ;

// ---------------------------------------------------------------- Statements
// Outer attributes of an expression statement belong to its expression (attributedExpr), so that
// `#[cfg(x)] { .. }` has one parse.
statement
    : ';'                                               # emptyStatement
    | outerAttribute* ( visItem | macroRulesDefinition ) # itemStatement
    | outerAttribute* letStatement                       # letStmt
    | expressionStatement                                # expressionStmt
    ;
letStatement : 'let' pattern ( ':' type_ )? ( '=' expression ( 'else' blockExpression )? )? ';' ;
expressionStatement
    @init { enterStatement(); }
    : expression ( ';' | implicitEnd )
    ;
    finally { exitStatement(); }

// The end of an expression statement or a match arm without ';' or ','. Rust allows it after a
// block-like expression that started the statement (or a macro invocation in braces), and before
// the closing '}'. The fast parsing stage does not look for it when predicting how far an expression
// goes (see StatementEndPruning), which keeps its lookahead short.
implicitEnd : { implicitEndAllowed() }?<fail={ implicitEndMessage() }> ;

// ---------------------------------------------------------------- Expressions
expression
    : outerAttribute+ expression { attributedExpressionEnded(); }       # attributedExpr
    // Postfix forms that may follow a block-like expression that starts a statement (see blockLikeEnded()).
    | expression '.' 'await' { postfixApplied(); }                      # awaitExpr
    | expression '.' pathExprSegment '(' callArguments? ')' { postfixApplied(); }  # methodCallExpr
    | expression '.' ( identifier | INTEGER_LITERAL ) { postfixApplied(); }        # fieldExpr
    | expression '.' FLOAT_LITERAL { postfixApplied(); }                # tupleIndexPairExpr
    | expression '?' { postfixApplied(); }                              # tryExpr
    | expression '(' callArguments? ')'                                 # callExpr
    | expression '[' nested ']'                                         # indexExpr
    | ( '-' | '!' ) expression                                          # negationExpr
    | '*' expression                                                    # derefExpr
    | ( '&' | '&&' ) ( KW_RAW ( 'const' | 'mut' ) | 'mut' )? expression # borrowExpr
    | 'box' expression                                                  # boxExpr
    | expression 'as' castType                                          # castExpr
    | expression ( '*' | '/' | '%' ) expression                         # multiplicativeExpr
    | expression ( '+' | '-' ) expression                               # additiveExpr
    | expression ( '<' '<' | '>' '>' ) expression                       # shiftExpr
    | expression '&' expression                                         # bitAndExpr
    | expression '^' expression                                         # bitXorExpr
    | expression '|' expression                                         # bitOrExpr
    | expression ( '==' | '!=' | '<' '=' | '>' '=' | '<' | '>' ) expression          # comparisonExpr
    | expression '&&' expression                                        # lazyAndExpr
    | expression '&&' conditionOperand                                  # letChainExpr
    | expression '||' expression                                        # lazyOrExpr
    | expression { rangeEndAllowed() }? ( '..' | '..=' ) expression     # rangeExpr
    | expression '..'                                                   # rangeFromExpr
    | { rangeEndAllowed() }? ( '..' | '..=' ) expression                # rangeToExpr
    | '..'                                                              # rangeFullExpr
    // `=` and `+=`, `<<=`, ... share one level, as in Rust: `a = b <<= c` is `a = (b <<= c)`.
    | <assoc = right> expression ( '=' | compoundAssignOperator ) expression   # assignmentExpr
    | 'return' expression?                                              # returnExpr
    | 'break' LIFETIME? expression?                                     # breakExpr
    | 'continue' LIFETIME?                                              # continueExpr
    | 'yield' expression?                                               # yieldExpr
    | 'become' expression                                               # becomeExpr
    | 'do' IDENTIFIER expression?                                       # doYeetExpr
    | closureExpression                                                 # closureExpr
    | literal                                                           # literalExpr
    | { structAllowed() }? ( pathInExpression | qualifiedPath ) structBody  # structExpr
    | { builtinSyntax() }? IDENTIFIER '#' identifier delimTokenTree     # builtinExpr
    | macroInvocation { blockLikeEnded(); }                             # macroInvocationExpr
    | pathInExpression                                                  # pathExpr
    | qualifiedPath                                                     # qualifiedPathExpr
    | '(' nested ')'                                                    # parenthesizedExpr
    | '(' ( nested ',' ( nested ( ',' nested )* ','? )? )? ')'           # tupleExpr
    | '[' arrayElements? ']'                                            # arrayExpr
    | '_'                                                               # underscoreExpr
    | blockLikeExpression { blockLikeEnded(); }                         # blockLikeExpr
    ;

// An expression inside (), [] or a call: struct literals are allowed again there.
nested
    @init { enterNested(true); }
    : expression
    ;
    finally { exitNested(); }

// Scrutinees of match and for, which may not be struct literals.
scrutinee
    @init { enterNested(false); }
    : expression
    ;
    finally { exitNested(); }

// if/while conditions, with let chains (edition 2024) and `if let` of every edition. As in rustc,
// the scrutinee of `let` binds tighter than `&&` and `||`: `if let A = a && b` tests `b` separately
// (see scrutineeFollows()); `if a && let B = b` is a letChainExpr. A match guard is a condition in
// which struct literals are allowed (`_ if x == S { f: 0 } => ..`): nothing after it reads a block.
condition[boolean structs]
    @init { enterNested($structs); }
    : ( conditionOperand | expression ) ( '&&' ( conditionOperand | expression ) )*
    ;
    finally { exitNested(); }
conditionOperand : 'let' pattern '=' { scrutineeFollows(); } expression ;

compoundAssignOperator
    : '+=' | '-=' | '*=' | '/=' | '%=' | '^=' | '&=' | '|=' | '<' '<' '=' | '>' '>' '='
    ;

callArguments : nested ( ',' nested )* ','? ;
arrayElements : nested ( ';' nested | ( ',' nested )* ','? ) ;

structBody
    @init { enterNested(true); }
    : '{' ( structExprField ( ',' structExprField )* ( ',' structBase? )? | structBase )? '}'
    ;
    finally { exitNested(); }
structExprField : outerAttribute* ( identifier | INTEGER_LITERAL ) ( ':' expression )? ;
structBase : '..' expression? ;

closureExpression
    : forLifetimes? 'const'? 'static'? 'async'? 'move'? ( '||' | '|' closureParams? '|' )
      ( '->' typeNoBounds blockExpression | expression )
    ;
closureParams : closureParam ( ',' closureParam )* ','? ;
closureParam  : outerAttribute* patternNoTopAlt ( ':' type_ )? ;

// Expressions that end with a block; at the start of a statement they end the statement.
blockLikeExpression
    : blockExpression                                                   # plainBlock
    | 'unsafe' blockExpression                                          # unsafeBlock
    | 'const' blockExpression                                           # constBlock
    | 'async' 'gen'? 'move'? blockExpression                            # asyncBlock
    | 'gen' 'move'? blockExpression                                     # genBlock
    | 'try' blockExpression                                             # tryBlock
    | label? 'loop' blockExpression                                     # loopExpr
    | label? 'while' condition[false] blockExpression                        # whileExpr
    | label? 'for' pattern 'in' scrutinee blockExpression               # forExpr
    | label blockExpression                                             # labeledBlock
    | ifExpression                                                      # ifExpr
    | 'match' scrutinee '{' innerAttribute* matchArm* '}'               # matchExpr
    ;
label : LIFETIME ':' ;

ifExpression : 'if' condition[false] blockExpression ( 'else' ( blockExpression | ifExpression ) )? ;

matchArm : outerAttribute* pattern ( 'if' condition[true] )? '=>' matchArmBody ( ',' | implicitEnd ) ;
// Like an expression statement, a block-like arm body ends the arm: `_ => {} (a, b) => ..` is two arms.
matchArmBody
    @init { enterStatement(); }
    : expression
    ;
    finally { exitStatement(); }

blockExpression
    @init { enterNested(true); }
    : '{' innerAttribute* statement* '}'
    ;
    finally { exitNested(); }

literal
    : STRING_LITERAL
    | RAW_STRING_LITERAL
    | CHAR_LITERAL
    | INTEGER_LITERAL
    | FLOAT_LITERAL
    | 'true'
    | 'false'
    ;

// ---------------------------------------------------------------- Patterns
pattern : '|'? patternNoTopAlt ( '|' patternNoTopAlt )* ;

patternNoTopAlt
    : rangePatternBound ( '..=' | '...' | '..' ) rangePatternBound      # rangePattern
    | rangePatternBound '..'                                            # rangeFromPattern
    | ( '..=' | '..' ) rangePatternBound                                # rangeToPattern
    | patternWithoutRange                                               # simplePattern
    ;
rangePatternBound
    : 'const' blockExpression
    | CHAR_LITERAL
    | '-'? ( INTEGER_LITERAL | FLOAT_LITERAL )
    | pathInExpression
    | qualifiedPath
    ;

patternWithoutRange
    : literalPattern                                                    # literalPat
    | 'ref'? 'mut'? identifier ( '@' patternNoTopAlt )?                 # identifierPat
    | '_'                                                               # wildcardPat
    | '..'                                                              # restPat
    | ( '&' | '&&' ) 'mut'? patternWithoutRange                         # referencePat
    | pathInExpression '{' structPatternElements? '}'                   # structPat
    | pathInExpression '(' ( pattern ( ',' pattern )* ','? )? ')'       # tupleStructPat
    | '(' ( pattern ( ',' pattern )* ','? )? ')'                        # tuplePat
    | '[' ( pattern ( ',' pattern )* ','? )? ']'                        # slicePat
    | macroInvocation                                                   # macroPat
    | pathInExpression                                                  # pathPat
    | qualifiedPath                                                     # qualifiedPathPat
    | 'box' patternWithoutRange                                         # boxPat
    | 'const' blockExpression                                           # constBlockPat
    ;
literalPattern
    : 'true' | 'false' | CHAR_LITERAL | STRING_LITERAL | RAW_STRING_LITERAL
    | '-'? ( INTEGER_LITERAL | FLOAT_LITERAL )
    ;
structPatternElements
    : structPatternField ( ',' structPatternField )* ( ',' ( outerAttribute* '..' )? )?
    | outerAttribute* '..'
    ;
structPatternField
    : outerAttribute* ( ( INTEGER_LITERAL | identifier ) ':' pattern
                      | 'box'? 'ref'? 'mut'? identifier
                      )
    ;

constness : '~'? 'const' | '[' 'const' ']' ;
