import Testing

@testable import R2Language

@Suite("Bad input never traps")
struct RobustnessTests {
    static let inputs: [String] = [
        "(", ")", "let x = ((((", "\"unterminated", "é", "chip ü foreign", "2025-", "2025-7", "2025-07-1",
        "1e", "1e999", "let x = 1e308 * 10", "let x = -", "let x = 1 to", "event", "event e",
        "event e 10% at",
        "event e 10% at 2025-05:", "r2", "r2 start", "compare", "expect", "expect p(", "p()", "quantile",
        "plot", "plot cdf to", "cite", "fleet h800 2k cite", "@", "let = 3", "let to = 3", "scenario",
        "scenario a from", "trace where", "observe", "unobserve 0", "let x = mixture()", "let x = 3 \\ 4",
        ";;;", "let x = 1 @ 2", "let x = normal(1 @ 2, 3)", "\t\tforecast\r\n", "let x = 0000-01",
        "seed 1e300", "trials -5", "let x = 1 / 0", "let x = (1 to 2) to 3", "clock 2025-01",
        "let x = 9999-12 + 10 years",
    ]

    @Test(arguments: inputs)
    func reportsWithoutTrapping(text: String) {
        var ws = Workspace()
        let items = ws.evaluate(SourceFile(name: "x.r2s", text: text))
        for d in diagnostics(items) {
            let rendered = d.render()
            #expect(rendered.hasPrefix("error: "))
            #expect(rendered.contains(" --> x.r2s:"))
        }
        _ = Parser.needsContinuation(text)
    }

    /// Inputs that once exhausted the stack (recursive parsing and
    /// elaboration) are refused at the 257th operator, sign, parenthesis or
    /// call, with the long line cut to a window around the caret.
    @Test func hugeExpressionsAreRefusedNotOverflowed() {
        let deep = "let x = " + String(repeating: "(", count: 20_000) + "1" + String(repeating: ")", count: 20_000)
        #expect(
            errors(deep) == """
                error: this statement's expressions are too large: at most 256 operators, signs, parentheses and calls
                 --> x.r2s:1:265
                  |
                1 | …\(String(repeating: "(", count: 120))…
                  |                                          ^ split it into `let` names
                """)
        let long = "let x = " + Array(repeating: "1", count: 50_000).joined(separator: " + ")
        #expect(errors(long).contains("at most 256 operators"))
        #expect(errors("let x = " + String(repeating: "-", count: 20_000) + "1").contains("at most 256 operators"))
        let calls =
            "let x = " + String(repeating: "normal(", count: 300) + "1, 1" + String(repeating: ", 1)", count: 300)
        #expect(errors(calls).contains("at most 256 operators"))
        // 256 of them are fine.
        #expect(letValue("let x = " + Array(repeating: "1", count: 257).joined(separator: " + ")) != nil)
    }

    @Test func aShortLineIsShownWhole() {
        let line = String(repeating: "x", count: 120)
        #expect(Diagnostic.window(line, column: 100, width: 3) == (line, 100, 3))
        // Longer: a window of 120 characters from 40 before the caret.
        let long = String(repeating: "a", count: 100) + "HERE" + String(repeating: "b", count: 300)
        let (text, column, width) = Diagnostic.window(long, column: 100, width: 4)
        #expect(text == "…" + String(repeating: "a", count: 40) + "HERE" + String(repeating: "b", count: 76) + "…")
        #expect(column == 41 && width == 4)
        // Near the end, the window ends at the line's end.
        let (tail, tailColumn, _) = Diagnostic.window(long, column: 400, width: 1)
        #expect(tail.hasPrefix("…") && !tail.hasSuffix("…") && tail.count == 121 && tailColumn == 400 - 284 + 1)
    }

    @Test func malformedDatesAndNumbers() {
        #expect(
            errors("let x = 2025-7") == """
                error: malformed date `2025-7`
                 --> x.r2s:1:9
                  |
                1 | let x = 2025-7
                  |         ^^^^^^ write dates as `YYYY-MM` or `YYYY-MM-DD`
                """)
        #expect(errors("let x = 1e999").hasPrefix("error: malformed number `1e999`"))
        #expect(errors("let x = 1e308 * 10").hasPrefix("error: this is too large to simulate"))
        #expect(errors("chip ü foreign").hasPrefix("error: unexpected character `ü`"))
    }

    /// A file's control characters reach the terminal as symbols, never as
    /// themselves: an escape sequence in a source line, echoed raw, once
    /// switched the terminal to its other screen and hid the session.
    @Test func controlCharactersAreShownNotSent() {
        let rendered = errors("scenario s\nfleet h800 \u{1B}[?1049h\u{1B}[2J hidden\u{7F}\u{85}")
        #expect(
            rendered.hasPrefix(
                """
                error: unexpected character `␛`
                 --> x.r2s:2:12
                  |
                2 | fleet h800 ␛[?1049h␛[2J hidden␡\u{FFFD}
                  |            ^
                """), "\(rendered)")
        #expect(!rendered.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control })
    }

    /// A file with a NUL byte is a binary file: one error at the first
    /// (`:load /bin/ls` printed 115, a line of binary each), nothing run.
    @Test func aFileWithANulByteIsOneError() {
        #expect(
            errors("chip h800 foreign\nchip x\u{0}y domestic\n\u{0}\u{0}\nfleet h800 1k") == """
                error: this is not a text file: it holds a NUL byte
                 --> x.r2s:2:7
                  |
                2 | chip x␀y domestic
                  |       ^ a scenario file is text; this one is not read
                """)
    }

    /// A `%` away from a number says where it goes, and when the word before
    /// it is a number with a letter O or l for a digit, which number was meant.
    @Test func strayPercentSaysWhereItGoes() {
        #expect(
            errors("pressure 2O%") == """
                error: unexpected character `%`
                 --> x.r2s:1:12
                  |
                1 | pressure 2O%
                  |            ^ did you mean `20%`? `2O` has a letter for a digit
                """)
        #expect(errors("fail h20 1l%").hasSuffix("^ did you mean `11%`? `1l` has a letter for a digit"))
        #expect(errors("pressure 15 %").hasSuffix("^ `%` goes right after a number, as in `15%`"))
        #expect(errors("pressure lab_share%").hasSuffix("^ `%` goes right after a number, as in `15%`"))
    }

    /// A word glued to a number that makes a number with a letter for a
    /// digit gets the number meant; the same word apart from it does not.
    @Test func aLetterForADigitInANumber() {
        #expect(
            errors("fleet h800 2O0 to 10k") == """
                error: expected the end of the statement, found `O0`
                 --> x.r2s:1:13
                  |
                1 | fleet h800 2O0 to 10k
                  |             ^^ did you mean `200`? `2O0` has a letter for a digit
                """)
        #expect(errors("let x = 3 O").hasSuffix("|           ^"))
        #expect(errors("let x = 3Ox").hasSuffix("|          ^^"))
    }

    /// A date with a letter for a digit, in the year, month or day, is a
    /// malformed date with the date meant; one that is no date once read
    /// with digits keeps its earlier reading.
    @Test func datesWithALetterForADigit() {
        #expect(
            errors("r2 start 2O25-03") == """
                error: malformed date `2O25-03`
                 --> x.r2s:1:10
                  |
                1 | r2 start 2O25-03
                  |          ^^^^^^^ did you mean `2025-03`? `2O25-03` has a letter for a digit
                """)
        #expect(
            errors("pressure 50% from 2025-O3-1l") == """
                error: malformed date `2025-O3-1l`
                 --> x.r2s:1:19
                  |
                1 | pressure 50% from 2025-O3-1l
                  |                   ^^^^^^^^^^ did you mean `2025-03-11`? `2025-O3-1l` has a letter for a digit
                """)
        #expect(errors("r2 start 2O25-13").hasPrefix("error: expected `start`, `needs`, `post`"))
        #expect(errors("let x = 2025-O3x").hasPrefix("error: unknown name `O3x`"))
    }

    @Test func errorsOnLaterLinesKeepTheirColumnsByCharacter() {
        #expect(
            errors("# «café»\nlet x = « 3") == """
                error: unexpected character `«`
                 --> x.r2s:2:9
                  |
                2 | let x = « 3
                  |         ^
                """)
    }
}
