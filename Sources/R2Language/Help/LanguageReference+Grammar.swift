extension LanguageReference {
    /// The grammar in EBNF. Terminals are quoted; `{ }` repeats, `[ ]` is optional.
    static let grammar = """
        file        = { line } ;
        line        = [ statement [ "cite" path { "," path } ] | include ] [ comment ] newline ;
        statement   = declaration | query ;
        include     = "include" path ;

        declaration = "scenario" NAME [ "from" NAME ]
                    | "use" NAME
                    | "as" "of" DATE [ "flagship" "shipped" ]
                    | "clock" DATE "to" DATE
                    | "trials" ( quantity | precision )
                    | "seed" quantity
                    | "let" NAME "=" quantity
                    | "chip" NAME ( "foreign" | "domestic" ) { ( "perf" | "fail" ) quantity }
                    | "fleet" NAME quantity
                    | change [ "from" quantity ]
                    | "r2" r2clause { r2clause } [ "from" quantity ]
                    | "sector" "base" NAME quantity
                    | "correlate" NAME [ "," | "and" ] NAME quantity
                    | "event" NAME quantity window ":" change { ";" change } ;
        change      = ( "perf" | "fail" ) NAME quantity
                    | "buy" NAME quantity
                    | "make" NAME quantity [ "yield" yield ]
                    | "yield" NAME yield
                    | "export" NAME ( "allowed" | "licensed" quantity | "banned" )
                    | "pressure" quantity
                    | "r2" r2clause { r2clause }
                    | "sector" ( "ship" NAME quantity | "make" NAME quantity | "pressure" quantity ) ;
        yield       = quantity [ "rising" sum [ unit ] ] [ "to" quantity ] ;
        r2clause    = "start" quantity | "needs" quantity | "post" quantity
                    | "hold" quantity "for" quantity
                    | "switch" ( "after" quantity ( "failures" | "failure" ) [ "port" quantity ] | "never" )
                    | "restart" quantity | "fold" quantity ;
        window      = "between" quantity "and" quantity | "at" quantity | "in" quantity ;

        query       = about [ "in" NAME ] [ precision ]
                    | "expect" metric [ "in" NAME ] bound [ precision ]
                    | "compare" NAME NAME { NAME } [ "by" list ] [ "at" list ]
                    | "observe" observation
                    | "unobserve" [ "all" | quantity ]
                    | "explain" [ NAME ] [ "in" NAME ]
                    | "plot" ( "release" | "cdf" | "adoption" | "sensitivity" | "sector" ) [ "in" NAME ] "to" path
                    | [ "mean" ] quantity ;
        about       = "forecast" | metric
                    | "quantile" [ "named" | "flagship" ] "release" [ list ]
                    | "quantile" "adoption" "at" quantity [ list ]
                    | "sensitivity" [ [ "of" ] metric ]
                    | "trace" ( quantity | "where" "release" ( "after" | "before" ) quantity
                               | "where" "no" "release" )
                    | ( "hist" | "cdf" ) [ "named" ] "release" | "fan" "adoption" | "fan" "sector"
                    | "tornado" ;
        metric      = "p" "(" ( [ "no" ] reading "by" quantity | [ "not" ] "folded" "by" quantity
                              | "adoption" "at" quantity ( "above" | "below" ) quantity
                              | sector ( "above" | "below" ) quantity ) ")"
                    | "median" ( reading | "adoption" "at" quantity | sector )
                    | "mean" ( reading | "adoption" "at" quantity | sector )
                    | "quantile" quantity ( reading | "adoption" "at" quantity | sector )
                    | "adoption" "at" quantity
                    | sector
                    | "censored" ;
        reading     = [ "named" | "flagship" ] "release" ;
        sector      = ( "sector" "share" "in" sum [ "to" sum ] | "installed" "share" "at" quantity )
                      [ "by" "compute" ] ;
        bound       = "between" quantity "and" quantity
                    | ( "above" | "below" ) quantity [ "by" quantity "or" "more" ]
                    | "before" quantity | "after" quantity
                    | ( "later" | "earlier" ) "than" NAME [ "by" quantity "or" "more" ] ;
        observation = [ "no" ] "release" "by" quantity
                    | [ "not" ] "folded" "by" quantity
                    | "adoption" "at" quantity ( "above" | "below" ) quantity
                    | "export" NAME ( "allowed" | "licensed" | "banned" ) "at" quantity
                    | "event" NAME [ "not" ] "fired" ;
        list        = quantity { "," quantity } ;
        precision   = "to" pm quantity { "," pm quantity } [ "max" quantity ] ;
                      (* only after forecast, a metric, quantile or expect *)
        pm          = "±" | "+" "-" ;

        quantity    = range [ unit ] ;
        range       = sum [ "to" sum ] ;
        sum         = product { ( "+" | "-" ) product } ;
        product     = unary { ( "*" | "/" ) unary } ;
        unary       = "-" unary | postfix ;
        postfix     = primary [ unit ] ;   (* a trailing "per" unit on the last term of a
                                         sum or product applies to the whole of it *)
        primary     = NUMBER | DATE | NAME | "(" quantity ")" | call
                    | "between" quantity "and" quantity ;
        call        = FUNCTION "(" quantity [ "@" quantity ] { "," quantity [ "@" quantity ] } ")" ;
        unit        = "month" | "months" | "mo" | "week" | "weeks" | "day" | "days"
                    | "year" | "years" | "per" ( "month" | "year" ) | "chip-months" | "chip-month"
                    | "units" | "dies" ;

        FUNCTION    = "normal" | "lognormal" | "uniform" | "beta" | "triangular" | "pert"
                    | "min" | "max" | "mixture" ;
        NUMBER      = digit { digit | "_" } [ "." digit { digit } ] [ ( "e" | "E" ) [ "+" | "-" ] digit { digit } ]
                      [ "%" | "k" | "M" | "B" ] ;
        DATE        = digit digit digit digit "-" digit digit [ "-" digit digit ] ;
        NAME        = ( letter | "_" ) { letter | digit | "_" } ;
        path        = STRING | a word up to whitespace or "," ;
        comment     = "#" { any character but newline } ;
        """
}
