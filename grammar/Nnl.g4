// The NNL grammar. Action-free: newline handling inside brackets is done by the token filter
// (dev.nnl.syntax.NewlineFilter), string interpolation by the AST builder.
grammar Nnl;

program    : sep* (statement (sep+ statement)*)? sep* EOF ;
sep        : NL | ';' ;
block      : '{' sep* (statement (sep+ statement)* sep*)? '}' ;

statement
    : 'def' name params (block | '=' expr)                          # defStmt
    | MODEL name params? '{' sep* (member (sep+ member)* sep*)? '}'  # modelStmt
    | ifStmt                                                        # ifStatement
    | 'for' patterns 'in' expr block                                # forStmt
    | 'while' expr block                                            # whileStmt
    | 'import' STRING 'as' name                                     # importStmt
    | 'return' exprList?                                            # returnStmt
    | 'break'                                                       # breakStmt
    | 'continue'                                                    # continueStmt
    | exprList '=' exprList                                         # assignStmt
    | expr op=('+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '@=') expr # augAssignStmt
    | exprList                                                      # exprStmt
    ;

ifStmt     : 'if' expr block (NL* 'else' (ifStmt | block))? ;

member
    : name params (block | '=' expr)                                # methodMember
    | name '=' expr                                                 # fieldMember
    ;

params     : '(' (param (',' param)* ','?)? ')' ;
param      : name ('=' expr)? ;

patterns   : pattern (',' pattern)* ;
pattern    : name | '(' patterns ','? ')' | '[' patterns ','? ']' ;

exprList   : expr (',' expr)* ','? ;

expr
    : lambdaParams '=>' (block | expr)                              # lambdaExpr
    | 'if' expr block NL* 'else' (block | expr)                     # ifExpr
    | orExpr                                                        # plainExpr
    ;
lambdaParams : params | name ;

orExpr     : andExpr ('or' andExpr)* ;
andExpr    : notExpr ('and' notExpr)* ;
notExpr    : 'not' notExpr | comparison ;
comparison : arith (compOp arith)* ;
compOp     : '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not' 'in' ;
arith      : term (op+=('+' | '-') term)* ;
term       : unary (op+=('*' | '/' | '//' | '%' | '@') unary)* ;
unary      : op=('-' | '+') unary | power ;
power      : postfix ('**' unary)? ;

postfix
    : primary                                                       # primaryExpr
    | postfix '(' args? ')'                                         # callExpr
    | postfix '[' subscript (',' subscript)* ','? ']'               # indexExpr
    | postfix '.' name                                              # attrExpr
    ;

args       : arg (',' arg)* ','? ;
arg        : name '=' expr | expr ;

subscript
    : '...'                                                         # ellipsisSub
    | start=expr? ':' stop=expr? (':' step=expr?)?                  # sliceSub
    | expr                                                          # exprSub
    ;

primary
    : INT                                                           # intLit
    | FLOAT                                                         # floatLit
    | STRING                                                        # stringLit
    | 'true'                                                        # trueLit
    | 'false'                                                       # falseLit
    | 'none'                                                        # noneLit
    | '?'                                                           # unknownDim
    | name                                                          # nameExpr
    | '(' ')'                                                       # emptyTuple
    | '(' expr ')'                                                  # parenExpr
    | '(' expr ',' (expr (',' expr)* ','?)? ')'                     # tupleExpr
    | '[' (expr (',' expr)* ','?)? ']'                              # listExpr
    | '[' expr compFor+ ']'                                         # listComp
    | '{' NL* (dictEntry (NL* ',' NL* dictEntry)* NL* ','? NL*)? '}' # dictExpr
    ;

compFor    : 'for' patterns 'in' orExpr ('if' orExpr)* ;
dictEntry  : expr ':' expr ;

// 'model' is a soft keyword: `model = sequential(...)` is an ordinary assignment
name       : NAME | MODEL ;

MODEL      : 'model' ;
NAME       : [a-zA-Z_] [a-zA-Z_0-9]* ;
FLOAT      : DIGITS '.' DIGITS? EXPONENT?
           | '.' DIGITS EXPONENT?
           | DIGITS EXPONENT
           ;
INT        : DIGITS ;
STRING     : '"' (ESC | ~["\\\r\n])* '"'
           | '\'' (ESC | ~['\\\r\n])* '\''
           ;
NL         : '\r'? '\n' ;
COMMENT    : '#' ~[\r\n]* -> skip ;
CONTINUE_LINE : '\\' '\r'? '\n' -> skip ;
WS         : [ \t\f]+ -> skip ;
UNEXPECTED_CHAR : . ;

fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;
fragment ESC      : '\\' . ;
