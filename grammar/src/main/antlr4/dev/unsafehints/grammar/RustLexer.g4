/*
 * Lexer for Rust, editions 2015-2024, written from The Rust Reference, chapter "Lexical structure"
 * (input format, keywords, identifiers, comments, whitespace, tokens). See grammar/README.md.
 *
 * Speed notes: no rule starts with a semantic predicate (that would stop ANTLR from caching the lexer
 * DFA). The only predicate sits at the end of the rarely taken "1." float form. Edition-dependent
 * keywords are re-typed in nextToken() instead of with predicates.
 */
lexer grammar RustLexer;

options { superClass = RustLexerBase; }

// ---- Keywords (Reference: Keywords). Strict keywords first.
KW_AS       : 'as';
KW_ASYNC    : 'async';      // 2018+; an identifier in 2015 (see RustLexerBase)
KW_AWAIT    : 'await';      // 2018+
KW_BREAK    : 'break';
KW_CONST    : 'const';
KW_CONTINUE : 'continue';
KW_CRATE    : 'crate';
KW_DYN      : 'dyn';
KW_ELSE     : 'else';
KW_ENUM     : 'enum';
KW_EXTERN   : 'extern';
KW_FALSE    : 'false';
KW_FN       : 'fn';
KW_FOR      : 'for';
KW_IF       : 'if';
KW_IMPL     : 'impl';
KW_IN       : 'in';
KW_LET      : 'let';
KW_LOOP     : 'loop';
KW_MATCH    : 'match';
KW_MOD      : 'mod';
KW_MOVE     : 'move';
KW_MUT      : 'mut';
KW_PUB      : 'pub';
KW_REF      : 'ref';
KW_RETURN   : 'return';
KW_SELFVALUE: 'self';
KW_SELFTYPE : 'Self';
KW_STATIC   : 'static';
KW_STRUCT   : 'struct';
KW_SUPER    : 'super';
KW_TRAIT    : 'trait';
KW_TRUE     : 'true';
KW_TYPE     : 'type';
KW_UNSAFE   : 'unsafe';
KW_USE      : 'use';
KW_WHERE    : 'where';
KW_WHILE    : 'while';
// Reserved keywords that unstable syntax in the standard library uses.
KW_BECOME   : 'become';
KW_BOX      : 'box';
KW_DO       : 'do';
KW_MACRO    : 'macro';
KW_TRY      : 'try';        // 2018+
KW_YIELD    : 'yield';
KW_GEN      : 'gen';        // 2024+
// Weak (contextual) keywords: the parser also accepts them as identifiers.
KW_UNION      : 'union';
KW_AUTO       : 'auto';
KW_DEFAULT    : 'default';
KW_MACRORULES : 'macro_rules';
KW_RAW        : 'raw';
KW_SAFE       : 'safe';

// ---- Literals (Reference: Tokens > Literals)
// Raw strings of any depth up to 9 '#' (deeper ones are not seen in real code). Prefix r, br or cr.
RAW_STRING_LITERAL
    : RAW_PREFIX ( '"' .*? '"'
                 | '#"' .*? '"#'
                 | '##"' .*? '"##'
                 | '###"' .*? '"###'
                 | '####"' .*? '"####'
                 | '#####"' .*? '"#####'
                 | '######"' .*? '"######'
                 | '#######"' .*? '"#######'
                 | '########"' .*? '"########'
                 | '#########"' .*? '"#########'
                 ) SUFFIX?
    ;

// Plain, byte and C strings; they may span lines. "\\" is an escape, so "a\\" ends after the backslashes.
STRING_LITERAL : [bc]? '"' ( ~["\\] | '\\' . )* '"' SUFFIX? ;

// Character and byte literals: exactly one character or escape between quotes.
CHAR_LITERAL : 'b'? '\'' ( ~['\\\r\n\t] | '\\' ( 'u{' [0-9a-fA-F_]* '}' | 'x' [0-9a-fA-F] [0-9a-fA-F] | . ) ) '\'' SUFFIX? ;

// Lifetimes and loop labels: 'a, 'static, '_ and raw 'r#ident.
LIFETIME : '\'' ( 'r#' )? IDENTIFIER_OR_KEYWORD ;

// Floats come before integers so that 1e10 is one float, not 1 with suffix e10.
FLOAT_LITERAL
    : DEC_LITERAL '.' DEC_LITERAL FLOAT_EXPONENT? SUFFIX?
    | DEC_LITERAL ( '.' DEC_LITERAL )? FLOAT_EXPONENT SUFFIX?
    // "1." is a float unless a '.', '_' or identifier follows (then it is a range or a method call).
    | DEC_LITERAL '.' { !followsFloatDot() }?
    ;

INTEGER_LITERAL
    : ( DEC_LITERAL
      | '0b' [01_]+
      | '0o' [0-7_]+
      | '0x' [0-9a-fA-F_]+
      ) SUFFIX_NO_E?
    ;

fragment DEC_LITERAL    : [0-9] [0-9_]* ;
fragment FLOAT_EXPONENT : [eE] [+-]? [0-9_]* [0-9] [0-9_]* ;
fragment SUFFIX         : IDENTIFIER_OR_KEYWORD ;
fragment SUFFIX_NO_E    : [a-df-zA-DF-Z_] IDENTIFIER_CONTINUE* | [eE] [a-zA-Z_] IDENTIFIER_CONTINUE* ;
fragment RAW_PREFIX     : 'r' | 'br' | 'cr' ;

// ---- Identifiers (Reference: Identifiers): r#raw identifiers are plain identifiers to the parser.
RAW_IDENTIFIER : 'r#' IDENTIFIER_OR_KEYWORD -> type(IDENTIFIER) ;
UNDERSCORE     : '_' ;
IDENTIFIER     : IDENTIFIER_OR_KEYWORD ;

fragment IDENTIFIER_OR_KEYWORD : IDENTIFIER_START IDENTIFIER_CONTINUE* ;
fragment IDENTIFIER_START      : [a-zA-Z_] | [\p{XID_Start}] ;
fragment IDENTIFIER_CONTINUE   : [a-zA-Z0-9_] | [\p{XID_Continue}] ;

// ---- Comments (Reference: Comments). Kept on the hidden channel: rules read SAFETY comments and
// doc comments. Block comments nest: inside one, "/*" always opens a nested comment, so an
// unclosed nested comment leaves the outer one unclosed too (then RustLexerBase reports it).
BLOCK_COMMENT : '/*' ( BLOCK_COMMENT | '/' ~'*' | ~'/' )*? '*/' -> channel(HIDDEN) ;
// A carriage return not followed by a newline belongs to the comment (rustc allows it outside doc comments).
LINE_COMMENT  : '//' ( ~[\r\n] | '\r'+ ~[\r\n] )* -> channel(HIDDEN) ;

// ---- Whitespace (Reference: Whitespace), plus a byte order mark anywhere.
WHITESPACE : [ \t\r\n\u000B\u000C\u0085\u200E\u200F\u2028\u2029\uFEFF]+ -> skip ;

// ---- Punctuation (Reference: Tokens > Punctuation). '<' and '>' are single characters: the parser
// joins them into <<, >>, <=, >=, <<= and >>= so that Vec<Vec<u8>> closes two generic lists.
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
CARET     : '^';
NOT       : '!';
AND       : '&';
OR        : '|';
ANDAND    : '&&';
OROR      : '||';
PLUSEQ    : '+=';
MINUSEQ   : '-=';
STAREQ    : '*=';
SLASHEQ   : '/=';
PERCENTEQ : '%=';
CARETEQ   : '^=';
ANDEQ     : '&=';
OREQ      : '|=';
EQ        : '=';
EQEQ      : '==';
NE        : '!=';
GT        : '>';
LT        : '<';
AT        : '@';
DOT       : '.';
DOTDOT    : '..';
DOTDOTDOT : '...';
DOTDOTEQ  : '..=';
COMMA     : ',';
SEMI      : ';';
COLON     : ':';
PATHSEP   : '::';
RARROW    : '->';
FATARROW  : '=>';
POUND     : '#';
DOLLAR    : '$';
QUESTION  : '?';
TILDE     : '~';
LBRACE    : '{';
RBRACE    : '}';
LBRACKET  : '[';
RBRACKET  : ']';
LPAREN    : '(';
RPAREN    : ')';

// Anything else (a stray backslash, a non-identifier symbol) still becomes a token, so that macro
// bodies that hold it lex and the parser reports a clear error elsewhere.
UNKNOWN : . ;
