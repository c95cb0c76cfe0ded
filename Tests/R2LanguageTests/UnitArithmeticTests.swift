import R2Model
import Testing

@testable import R2Language

@Suite("Units and arithmetic")
struct UnitArithmeticTests {
    static let durations: [(String, Double)] = [
        ("2 months", 2.0),
        ("3 mo", 3.0),
        ("1 year", 12.0),
        ("2 weeks", 14.0 / 30.436875),
        ("10 days", 10.0 / 30.436875),
        ("1 month + 2 weeks", 1.0 + 14.0 / 30.436875),
        ("2 * 3 months", 6.0),
        ("3 months / 2", 1.5),
        ("(1 + 2) months", 3.0),
    ]

    @Test(arguments: durations)
    func durationsAreMonths(text: String, months: Double) {
        let value = letValue("let x = \(text)\nr2 post x")
        #expect(value?.constantValue().map { abs($0 - months) < 1e-12 } == true)
    }

    @Test func ratesArePerMonth() {
        #expect(letValue("let x = 1.2k per year") == .constant(100))
        #expect(letValue("let x = 1k per month") == .constant(1000))
        #expect(letValue("let x = 1k per month * 3 months") == .constant(3000))
        #expect(letValue("let x = 3000 / 3 months") == .constant(1000))
        #expect(letValue("let x = 24k / 2 per year") == .constant(1000))
        #expect(letValue("let x = 6k / (2k per month)") == .constant(3))
    }

    @Test func dateArithmetic() {
        #expect(letValue("let x = 2025-06 + 2 months") == .constant(month(2025, 8)))
        #expect(letValue("let x = 2026-01 - 2025-07") == .constant(6))
        #expect(letValue("let x = 2025-07-15") == .constant(month(2025, 7, 15)))
    }

    @Test func percentagesAndSuffixes() {
        #expect(letValue("let x = 30%") == .constant(0.3))
        #expect(letValue("let x = 2.5k") == .constant(2500))
        #expect(letValue("let x = 1_000_000") == .constant(1e6))
    }

    @Test func distributionsKeepTheirUnits() {
        #expect(letValue("let x = 1 to 3 months") == .interval90(low: .constant(1), high: .constant(3)))
        #expect(
            letValue("let x = 2 to 4 weeks")
                == .binary(
                    .multiply, .interval90(low: .constant(2), high: .constant(4)), .constant(7 / 30.436875)))
        #expect(
            letValue("let x = normal(2025-06, 2 months)")
                == .normal(mean: .constant(month(2025, 6)), sd: .constant(2)))
        #expect(
            letValue("let x = between 2025-10 and 2026-06")
                == .monthWindow(from: .constant(month(2025, 10)), to: .constant(month(2026, 6))))
        #expect(
            letValue("let x = mixture(1 @ 1, 2 @ 3)")
                == .mixture(components: [.constant(1), .constant(2)], weights: [0.25, 0.75]))
        #expect(letValue("let x = min(2, 3) + max(1, 5)") == .constant(7))
        #expect(letValue("let x = 4 to 4") == .constant(4))
    }

    @Test func mixingDimensionsIsAnError() {
        #expect(
            errors("let x = 2025-06 + 3") == """
                error: cannot apply `+` to a date and a number
                 --> x.r2s:1:9
                  |
                1 | let x = 2025-06 + 3
                  |         ^^^^^^^^^^^
                """)
        #expect(
            errors("let x = 2 months * 2025-01") == """
                error: cannot apply `*` to a duration and a date
                 --> x.r2s:1:9
                  |
                1 | let x = 2 months * 2025-01
                  |         ^^^^^^^^^^^^^^^^^^
                """)
        #expect(
            errors("let x = 2 months months") == """
                error: `months` applies to a plain number, not to a duration
                 --> x.r2s:1:9
                  |
                1 | let x = 2 months months
                  |         ^^^^^^^^^^^^^^^
                """)
        #expect(
            errors("chip h800 foreign\nfleet h800 1e40") == """
                error: this is too large to simulate: values go up to 1e30 (the engine computes in single precision)
                 --> x.r2s:2:12
                  |
                2 | fleet h800 1e40
                  |            ^^^^
                """)
        #expect(
            errors("let x = 1e20 * 1e20") == """
                error: this is too large to simulate: values go up to 1e30 (the engine computes in single precision)
                 --> x.r2s:1:9
                  |
                1 | let x = 1e20 * 1e20
                  |         ^^^^^^^^^^^
                """)
        #expect(errors("let x = 1e30\nlet y = -1e30 * 1") == "")
        #expect(
            errors("let x = 1 / (2 - 2)") == """
                error: division by zero
                 --> x.r2s:1:13
                  |
                1 | let x = 1 / (2 - 2)
                  |             ^^^^^^^
                """)
    }

    @Test func impossibleParametersAreErrors() {
        #expect(
            errors("let x = normal(1, 0)").hasPrefix("error: `normal` needs its standard deviation above 0"))
        #expect(errors("let x = lognormal(0, -1)").hasPrefix("error: `lognormal` needs sigma above 0"))
        #expect(
            errors("let x = uniform(3, 1)").hasPrefix(
                "error: `uniform` needs its lower bound below its upper bound"))
        #expect(
            errors("let x = triangular(1, 5, 3)").hasPrefix(
                "error: the mode of `triangular` lies outside its bounds"))
        #expect(
            errors("let x = pert(3, 3, 1)").hasPrefix(
                "error: `pert` needs its lower bound below its upper bound"))
        #expect(errors("let x = mixture(1 @ 0, 2)").hasPrefix("error: a mixture weight must be above 0"))
        #expect(
            errors("let x = between 2026-06 and 2025-10").hasPrefix("error: the window ends before it starts")
        )
        #expect(errors("let x = normal(1, 2, 3)").hasPrefix("error: `normal` takes 2 arguments, found 3"))
        #expect(errors("let x = gamma(1, 2)").contains("error: unknown function `gamma`"))
    }

    @Test func rolesCheckTheirValues() {
        let chips = "chip h800 foreign\nchip asc domestic\n"
        #expect(errors(chips + "fleet h800 -5").hasPrefix("error: a fleet cannot be negative"))
        #expect(
            errors(chips + "r2 needs -1 to 5").hasPrefix("error: the compute R2 needs cannot be negative"))
        #expect(
            errors(chips + "fail h800 1.5").hasPrefix("error: a probability must lie between 0% and 100%"))
        #expect(
            errors(chips + "export h800 licensed 200%").hasPrefix("error: a probability must lie between"))
        #expect(errors(chips + "r2 hold 2 for 1 month").hasPrefix("error: a probability must lie between"))
        #expect(errors(chips + "r2 restart 110%").hasPrefix("error: a probability must lie between"))
        #expect(errors(chips + "yield asc 120%").hasPrefix("error: a probability must lie between"))
        #expect(
            errors(chips + "event e 2 at 2025-05: pressure 1").hasPrefix(
                "error: a probability must lie between"))
        #expect(errors(chips + "let p = 150%\npressure p").hasPrefix("error: a probability must lie between"))
        #expect(errors(chips + "buy h800 1k per month").isEmpty)
        #expect(
            errors(chips + "buy h800 2 months").hasPrefix(
                "error: expected a number or an amount `per month`, found a duration"))
        #expect(
            errors(chips + "r2 start 5").hasPrefix("error: expected a date such as `2025-07`, found a number")
        )
    }
}
