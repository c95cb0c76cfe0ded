import R2Model
import Testing

@testable import R2Language

/// Model v2's statements and queries: exact parse trees, what they
/// elaborate to, and rendered diagnostics for each kind of bad input.
@Suite("Model v2 language")
struct ModelV2LanguageTests {
    @Test func statementsParse() {
        #expect(dump("as of 2025-08-14") == "(as-of 2025-08-14)")
        #expect(dump("as of 2026-05-01 flagship shipped") == "(as-of 2026-05-01 flagship-shipped)")
        #expect(dump("r2 fold 2% per month") == "(r2 fold (per-month 0.02))")
        #expect(dump("r2 needs 20k post 2 months from 2026-01") == "(r2 needs 20000 post (months 2) from 2026-01)")
        #expect(
            dump("sector ship h20 100k per month from 2025-09") == "(sector ship h20 (per-month 100000) from 2025-09)")
        #expect(dump("sector make ascend910c 50k to 80k") == "(sector make ascend910c (to 50000 80000))")
        #expect(dump("sector pressure 40%") == "(sector pressure 0.4)")
        #expect(dump("sector base h800 200k") == "(sector base h800 200000)")
        #expect(dump("correlate need, slip 0.6") == "(correlate need slip 0.6)")
        #expect(dump("correlate need and slip -0.3") == "(correlate need slip (- 0.3))")
        #expect(
            dump("event e 30% in 2026-01: r2 fold 10%; sector pressure 60%")
                == "(event e 0.3 in 2026-01 : (r2 fold 0.1) (sector pressure 0.6))")
    }

    @Test func queriesParse() {
        #expect(dump("p(named release by 2026-06)") == "(p named-release-by 2026-06)")
        #expect(dump("p(no named release by 2026-06)") == "(p no-named-release-by 2026-06)")
        #expect(dump("p(flagship release by 2026-06)") == "(p release-by 2026-06)")
        #expect(dump("p(folded by 2026-06)") == "(p folded-by 2026-06)")
        #expect(dump("p(not folded by 2026-06)") == "(p not-folded-by 2026-06)")
        #expect(dump("median named release") == "(median named-release)")
        #expect(dump("quantile 90% named release") == "(quantile named-release 0.9)")
        #expect(dump("quantile named release 10%, 90%") == "(quantile named-release 0.1 0.9)")
        #expect(dump("sector share in 2026") == "(mean sector-share-in 2026)")
        #expect(dump("median sector share in 2025-03 to 2025-08") == "(median sector-share-in 2025-03 to 2025-08)")
        #expect(
            dump("quantile 90% sector share in 2026 by compute") == "(quantile 0.9 sector-share-in 2026 by-compute)")
        #expect(dump("p(sector share in 2026 above 50%)") == "(p above 0.5 sector-share-in 2026)")
        #expect(dump("installed share at 2026-12") == "(mean installed-share-at 2026-12)")
        #expect(dump("observe folded by 2025-12") == "(observe folded-by 2025-12)")
        #expect(dump("observe not folded by 2025-12") == "(observe not-folded-by 2025-12)")
        #expect(dump("hist named release") == "(hist named release)")
        #expect(dump("fan sector") == "(fan sector)")
        #expect(dump("plot sector to out.svg") == "(plot sector \"out.svg\")")
        #expect(
            dump("expect sector share in 2026 in hawk above baseline by 5% or more")
                == "(expect (mean sector-share-in 2026) in hawk (above baseline by 0.05))")
    }

    static let context =
        prelude + """
            chip ascend950 domestic
            let need = 10k to 30k
            let slip = pert(0%, 5%, 20%)
            let gap = uniform(0, 1)
            let mixed = need * 2

            """

    /// The statements elaborate to the model's inputs.
    @Test func statementsElaborate() throws {
        var ws = Workspace()
        let text =
            Self.context + """
                as of 2025-08-14
                r2 fold 3% per month
                r2 needs 20k from 2026-01
                sector ship h20 100k per month
                sector base h800 5k
                sector pressure 40% from 2025-09
                correlate need, slip 0.6
                event e 30% in 2026-01: r2 fold 10%; sector make ascend950 1k
                """
        #expect(errors(text, in: &ws) == "")
        let s = try #require(ws.currentScenario)
        #expect(abs(s.asOfBound! - (7 + 13.0 / 31)) < 1e-9)
        #expect(s.r2.fold == .constant(0.03))
        let programme = s.timeline.filter { if case .programme = $0.target { return true } else { return false } }
        #expect(programme.count == 1)
        #expect(programme[0].target == .programme(.needs))
        #expect(programme[0].from == .constant(Double(2026 * 12)))
        #expect(s.timeline.contains { $0.target == .chip(1, .ship) && $0.setting == .number(.constant(100_000)) })
        #expect(s.timeline.contains { $0.target == .sectorPressure && $0.from == .constant(Double(2025 * 12 + 8)) })
        #expect(s.chips[0].base == .constant(5000))
        #expect(s.correlations.map { [$0.first, $0.second] } == [[0, 1]])
        #expect(s.correlations[0].coefficient == 0.6)
        #expect(s.events.last?.changes.map(\.target) == [.programme(.fold), .chip(3, .sectorMake)])
    }

    @Test func aFoldOutsideItsRange() {
        #expect(
            errors(Self.context + "r2 fold 120% per month") == """
                error: a probability must lie between 0% and 100%
                  --> x.r2s:12:9
                   |
                12 | r2 fold 120% per month
                   |         ^^^^^^^^^^^^^^ this reaches 120% a month
                """)
    }

    @Test func aStartCannotBeDated() {
        #expect(
            errors(Self.context + "r2 start 2025-03 from 2025-06") == """
                error: `r2 start` is a single statement: it cannot change over time
                  --> x.r2s:12:4
                   |
                12 | r2 start 2025-03 from 2025-06
                   |    ^^^^^^^^^^^^^ needs, post, hold, restart and fold can change from a date or in an event
                """)
    }

    @Test func aSectorInputOnTheWrongKindOfChip() {
        #expect(
            errors(Self.context + "sector make h20 5k") == """
                error: `sector make` does not apply to `h20`, a foreign chip
                  --> x.r2s:12:13
                   |
                12 | sector make h20 5k
                   |             ^^^ foreign chips are shipped: use `sector ship`
                """)
    }

    @Test func correlationsOutOfRangeOrOfArithmetic() {
        #expect(
            errors(Self.context + "correlate need, slip 1") == """
                error: a rank correlation must lie strictly between -1 and 1
                  --> x.r2s:12:22
                   |
                12 | correlate need, slip 1
                   |                      ^ this is 1; write a coefficient such as `0.6` or `-0.3`
                """)
        #expect(
            errors(Self.context + "correlate need, mixed 0.5") == """
                error: `mixed` cannot be correlated: it is not bound to one distribution
                  --> x.r2s:12:17
                   |
                12 | correlate need, mixed 0.5
                   |                 ^^^^^ bind it to one call such as `pert(...)`, one `a to b` or one date window, with constant parameters
                   = note: `let mixed = need * 2`
                """)
        #expect(
            errors(Self.context + "correlate need, nead 0.5") == """
                error: unknown name `nead`
                  --> x.r2s:12:17
                   |
                12 | correlate need, nead 0.5
                   |                 ^^^^ did you mean `need`?
                """)
    }

    /// A distribution written with a unit is one distribution (the unit
    /// scales it); the same scaling written as arithmetic is not (the
    /// spec refuses arithmetic over distributions).
    @Test func aDistributionWithAUnitCanBeCorrelated() {
        let text = Self.context + "let delay = 2 to 6 weeks\nlet rate = uniform(1, 3) per year cite seeds/x.md\n"
        #expect(errors(text + "correlate need, delay 0.5\ncorrelate slip, rate -0.3") == "")
        #expect(
            errors(text + "let doubled = pert(1, 2, 6) * 2\ncorrelate need, doubled 0.5").hasPrefix(
                "error: `doubled` cannot be correlated: it is not bound to one distribution"))
    }

    @Test func correlationsThatCannotHoldTogether() {
        let text =
            Self.context + """
                correlate need, slip 0.6
                correlate need, gap 0.6
                correlate slip, gap -0.9
                correlate slip, need 0.2
                """
        #expect(
            errors(text) == """
                error: these correlations cannot hold together: their matrix is not positive definite
                  --> x.r2s:14:11
                   |
                14 | correlate slip, gap -0.9
                   |           ^^^^^^^^^^^^^^ weaken this coefficient or one of the others
                   = note: together with x.r2s:12: `correlate need, slip 0.6`; x.r2s:13: `correlate need, gap 0.6`

                error: `slip` and `need` are already correlated
                  --> x.r2s:15:11
                   |
                15 | correlate slip, need 0.2
                   |           ^^^^^^^^^^ remove one of the two statements
                   = note: first stated at x.r2s:12: `correlate need, slip 0.6`
                """)
    }

    @Test func aSectorWindowOutsideTheClock() {
        #expect(
            errors(Self.context + "sector share in 2024") == """
                error: 2024 lies outside the clock 2025-01 to 2027-12
                  --> x.r2s:12:17
                   |
                12 | sector share in 2024
                   |                 ^^^^ scenario `baseline` simulates 2025-01 to 2027-12
                """)
    }

    /// A month range written backwards is named as written: it was "the
    /// upper bound of `between`", a word the statement does not have.
    @Test func aSectorWindowWrittenBackwards() {
        #expect(
            errors(Self.context + "sector share in 2026-06 to 2026-03") == """
                error: the month range ends before it starts
                  --> x.r2s:12:17
                   |
                12 | sector share in 2026-06 to 2026-03
                   |                 ^^^^^^^^^^^^^^^^^^ write the earlier month first
                """)
    }
}
