import R2Forecast
import Testing

@Suite struct ReleaseDistributionTests {
    // Ten trials: releases 0.5, 1.5, ... 7.5 and two censored (one at the
    // horizon exactly, one that never completed).
    let dist = ReleaseDistribution(
        releases: [7.5, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 12, .infinity], horizon: 12)

    @Test func censoredTrialsAreCountedNotDropped() {
        #expect(dist.count == 10)
        #expect(dist.releasedCount == 8)
        #expect(dist.censoredCount == 2)
        #expect(dist.censoredShare.value == 0.2)
        #expect(abs(dist.censoredShare.standardError - (0.2 * 0.8 / 10).squareRoot()) < 1e-15)
    }

    @Test func quantilesAreType1AndNilWhenCensored() {
        #expect(dist.quantile(0.1) == 0.5)
        #expect(dist.quantile(0.5) == 4.5)
        #expect(dist.quantile(0.8) == 7.5)
        #expect(dist.quantile(0.81) == nil)
        #expect(dist.quantile(0.9) == nil)
    }

    @Test func probabilityByIsTheEmpiricalCDF() {
        #expect(dist.probability(by: 3).value == 0.3)
        #expect(dist.probability(by: 3.5).value == 0.4)
        // The horizon itself is censored: r >= T.
        #expect(dist.probability(by: 12).value == 0.8)
        #expect(dist.probability(by: 100).value == 0.8)
    }

    @Test func uncensoredMeanIgnoresCensoredTrials() throws {
        let mean = try #require(dist.uncensoredMean)
        #expect(mean.value == 4.0)
    }

    @Test func rejectedTrialsMarkedNaNAreExcluded() {
        let d = ReleaseDistribution(releases: [1, .nan, 2, .nan], horizon: 5)
        #expect(d.count == 2)
        #expect(d.quantile(0.5) == 1)
    }
}

@Suite struct FormatTests {
    @Test func releaseTimesBecomeCalendarDays() {
        // Clock starts 2025-01 (absolute month 2025*12).
        let start = 2025 * 12
        #expect(Format.date(0, clockStart: start) == "2025-01-01")
        #expect(Format.date(13.5, clockStart: start) == "2026-02-15")
        #expect(Format.date(1.999999, clockStart: start) == "2025-02-28")
        #expect(Format.date(nil, clockStart: start, steps: 36) == "after 2027-12")
    }

    @Test func numbers() {
        #expect(Format.percent(0.913) == "91.3%")
        #expect(Format.percent(0.0005, digits: 2) == "0.05%")
        #expect(Format.fixed(-0.04, digits: 1) == "0.0")
        #expect(Format.fixed(-0.06, digits: 1) == "-0.1")
        #expect(Format.fixed(2.25, digits: 1) == "2.3")
        #expect(Format.count(1_234_567) == "1,234,567")
        #expect(Format.count(999) == "999")
    }

    @Test func jsonKeepsKeyOrderAndEscapes() {
        let v: JSONValue = .object([
            ("query", "forecast"), ("p", 0.25), ("n", 3), ("null", .finite(.nan)),
            ("s", .string("a\"b\n")),
        ])
        #expect(v.serialized == #"{"query":"forecast","p":0.25,"n":3,"null":null,"s":"a\"b\n"}"#)
    }
}
