import Foundation
import R2Engine
import R2Forecast
import R2Model
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

extension ReleaseDistributionTests {
    /// Past `RadixSort.threshold` the release times are sorted by their bits:
    /// the same order as the comparison sort, element for element, with
    /// negative numbers, both zeros, subnormals, infinities, runs of equal
    /// values and NaN (dropped) among them. In the first two sets every
    /// digit varies; in `oneDigit`, numbers whose bits differ only in the top
    /// byte (1, 2^16, 2^-16), seven passes are skipped and the one left ends
    /// in the scratch buffer; `atom` has 30% at exactly 1 among values just
    /// below it, `cluster` most values within 1e-9 of each other (their bits
    /// differ only in the low bytes).
    @Test func largeRunsSortAsTheComparisonSort() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let special: [Double] = [
            -.infinity, .infinity, -0.0, 0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            .greatestFiniteMagnitude, -1, 1, .nan,
        ]
        var mixed = (0..<20_000).map { _ in Double(bitPattern: next()) }
        mixed += (0..<5_000).map { i in special[i % special.count] }
        mixed += (0..<5_000).map { _ in Double(next() % 37) }
        var months = (0..<50_000).map { _ in Double(next() % 1_000_000) / 27_777 }
        months += [Double](repeating: .infinity, count: 500) + [Double](repeating: .nan, count: 7)
        let powers: [Double] = [1, 0x1p16, 0x1p-16]
        let oneDigit = (0..<6_000).map { _ in powers[Int(next() % 3)] }
        let atom: [Double] =
            (0..<20_000).map { (i: Int) -> Double in i % 10 < 3 ? 1 : 1 - Double(next() % 1000) * 1e-7 } + [0]
        let cluster: [Double] = (0..<20_000).map { (i: Int) -> Double in
            i % 10 == 0 ? Double(i) : 0.5 + Double(next() % 1_000_000) * 1e-15
        }
        for values in [mixed, months, oneDigit, atom, cluster] {
            let sorted = ReleaseDistribution(releases: values, horizon: 36).sorted
            let expected = values.filter { !$0.isNaN }.sorted()
            #expect(sorted.count == expected.count)
            #expect(zip(sorted, expected).allSatisfy { $0 == $1 })
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 })
            // Bit for bit, but for the two zeros, which compare equal and may come in either order.
            let zeros: Set<UInt64> = [(0.0).bitPattern, (-0.0).bitPattern]
            let bits: [UInt64] = sorted.map(\.bitPattern).filter { !zeros.contains($0) }
            let expectedBits: [UInt64] = expected.map(\.bitPattern).filter { !zeros.contains($0) }
            #expect(bits == expectedBits)
        }
    }
}

extension ReleaseDistributionTests {
    /// Sector shares (floats) go through the same sort: with NaN (trials
    /// that define no share), exact 0 and 1 in quantity, and a spread of
    /// values between, the sorted values are the comparison sort's.
    @Test func sectorSharesSortAsTheComparisonSort() {
        var state: UInt32 = 12345
        func next() -> UInt32 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return state >> 8
        }
        let values: [Float] = (0..<30_000).map { i in
            switch i % 7 {
            case 0: return 1
            case 1: return 0
            case 2: return .nan
            default: return Float(next()) / Float(1 << 24)
            }
        }
        let band = SectorBand(window: .year(2026), values: values)
        let expected = values.filter { !$0.isNaN }.sorted()
        #expect(band.sorted.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(band.undefined == values.count - expected.count)
    }
}

extension ReleaseDistributionTests {
    /// A run's sector band is read in place from the trial-major values:
    /// window j of every kept trial, with the trials a condition rejected
    /// (NaN release) left out of both the values and the undefined count,
    /// past the radix sort's threshold and with two windows interleaved.
    @Test func aRunsBandReadsItsWindowOverTheKeptTrials() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/fuzz/shard/v2-sector-fold.json")
        var part = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: corpus)) as? [String: Any])
        var result = try #require(part["result"] as? [String: Any])
        let n = 6_000
        var state: UInt32 = 99
        func next() -> Float {
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(state >> 8) / Float(1 << 24)
        }
        // Every 7th trial rejected; every 5th defines no share in window 0.
        let releases: [Any] = (0..<n).map { (i: Int) -> Any in i % 7 == 3 ? "nan" : Double(i % 40) / 10 }
        var values: [Any] = []
        for i in 0..<n {
            let rejected = i % 7 == 3
            let first: Any = rejected || i % 5 == 0 ? "nan" : Double(next())
            let second: Any = rejected ? "nan" : Double(next())
            values += [first, second]
        }
        let window0: [String: Any] = ["compute": false, "kind": ["share": ["first": 24300, "last": 24303]]]
        let window1: [String: Any] = ["compute": true, "kind": ["installed": ["_0": 24302]]]
        result["trials"] = n
        result["accepted"] = n - (0..<n).count(where: { $0 % 7 == 3 })
        result["releases"] = releases
        result["folds"] = [Any](repeating: "inf", count: n)
        result["sector"] = ["windows": [window0, window1], "values": values]
        part["result"] = result
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let run = try decoder.decode(
            SimulationResult.self, from: JSONSerialization.data(withJSONObject: result))
        #expect(run.inconsistency == nil)
        let sector = try #require(run.sector)
        for j in 0..<2 {
            let band = ForecastReport.band(sector, j, run)
            let kept = (0..<n).filter { !run.releases[$0].isNaN }.map { sector.values[$0 * 2 + j] }
            let expected = SectorBand(window: sector.windows[j], values: kept)
            #expect(band.sorted.map(\.bitPattern) == expected.sorted.map(\.bitPattern))
            #expect(band.undefined == expected.undefined)
            #expect(band.mean.value == expected.mean.value && band.mean.standardError == expected.mean.standardError)
            #expect(band.window == sector.windows[j])
        }
        #expect(ForecastReport.band(sector, 0, run).undefined == (0..<n).count(where: { $0 % 5 == 0 && $0 % 7 != 3 }))
        #expect(ForecastReport.band(sector, 1, run).undefined == 0)
    }
}
