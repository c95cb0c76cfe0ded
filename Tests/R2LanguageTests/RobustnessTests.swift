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
        #expect(errors("let x = 1e308 * 10").hasPrefix("error: the result is too large to represent"))
        #expect(errors("chip ü foreign").hasPrefix("error: unexpected character `ü`"))
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
