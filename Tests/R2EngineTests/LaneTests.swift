import Foundation
import Testing

@testable import R2Engine

@Suite("Lanes: words, uniforms, tables and e^x of 8 trials at once")
struct LaneTests {
    /// The hash is lowbias32 as Wellons published it (checked against a
    /// second transcription in 64-bit arithmetic, over many words), and the
    /// vector words are the scalar definition's, lane by lane, for any
    /// trial, stream and counter.
    @Test func vectorWordsAreTheScalarWords() {
        #expect(LaneRandom.hash(0) == 0)
        var probe = RandomStream(key: 9, salt: 2)
        for _ in 0..<1000 {
            let v = UInt32(truncatingIfNeeded: probe.next())
            #expect(LaneRandom.hash(v) == Self.lowbias32(v))
        }
        var rng = RandomStream(key: 5, salt: 11)
        for _ in 0..<300 {
            let base = LaneRandom.seedBase(rng.next())
            let first = rng.next() &>> (rng.next() & 63)
            let salt = UInt32(truncatingIfNeeded: rng.next())
            let counter = UInt32(truncatingIfNeeded: rng.next() & 0xFFF)
            let keys = LaneRandom.Keys(base: base, first: first)
            let words = keys.word(salt: salt, counter)
            for l in 0..<LaneMath.width {
                let key = LaneRandom.trialKey(base: base, trial: first &+ UInt64(l))
                #expect(UInt64(keys.k1[l]) << 32 | UInt64(keys.k0[l]) == key)
                #expect(words[l] == LaneRandom.word(key: key, salt: salt, counter))
            }
        }
    }

    /// lowbias32 written out with plain integers, as published.
    static func lowbias32(_ v: UInt32) -> UInt32 {
        var x = UInt64(v)
        x ^= x >> 16
        x = (x * 0x7FEB_352D) & 0xFFFF_FFFF
        x ^= x >> 15
        x = (x * 0x846C_A68B) & 0xFFFF_FFFF
        x ^= x >> 16
        return UInt32(x)
    }

    /// Uniforms of consecutive months of one stream, pooled over trials,
    /// fall evenly into 64 bins: chi-square with 63 degrees of freedom
    /// (mean 63, sd 11.2) below 63 + 5 sd.
    @Test func monthlyUniformsAreUniform() {
        let base = LaneRandom.seedBase(1)
        var bins = [Int](repeating: 0, count: 64)
        var n = 0
        for g in stride(from: 0, to: 4096, by: 8) {
            let keys = LaneRandom.Keys(base: base, first: UInt64(g))
            let stream = keys.base(LaneRandom.salt(StreamID.failure))
            for t in 0..<48 {
                let u = LaneMath.unit(keys.word(stream, UInt32(t)))
                for l in 0..<LaneMath.width {
                    bins[Int(u[l] * 64)] += 1
                    n += 1
                }
            }
        }
        let expected = Double(n) / 64
        let chi2 = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 63 + 5 * 11.2, "chi-square \(chi2)")
    }

    /// Neighbouring draws are uncorrelated: months t and t + 1 of a stream,
    /// two streams of a trial in the same month, and the same month of
    /// neighbouring trials. |r| below 5 standard errors (1 / sqrt(n)).
    @Test func neighbouringDrawsAreUncorrelated() {
        let base = LaneRandom.seedBase(7)
        var pairs: [String: [(Double, Double)]] = [:]
        for g in stride(from: 0, to: 8192, by: 8) {
            let keys = LaneRandom.Keys(base: base, first: UInt64(g))
            let a = keys.base(LaneRandom.salt(StreamID.order(0)))
            let b = keys.base(LaneRandom.salt(StreamID.order(1)))
            for t in 0..<8 {
                let u0 = LaneMath.unit(keys.word(a, UInt32(t)))
                let u1 = LaneMath.unit(keys.word(a, UInt32(t + 1)))
                let v0 = LaneMath.unit(keys.word(b, UInt32(t)))
                for l in 0..<LaneMath.width {
                    pairs["next month", default: []].append((Double(u0[l]), Double(u1[l])))
                    pairs["other stream", default: []].append((Double(u0[l]), Double(v0[l])))
                    if l < 7 { pairs["next trial", default: []].append((Double(u0[l]), Double(u0[l + 1]))) }
                }
            }
        }
        for (name, xy) in pairs {
            let n = Double(xy.count)
            let mx = xy.reduce(0) { $0 + $1.0 } / n
            let my = xy.reduce(0) { $0 + $1.1 } / n
            var sxy = 0.0
            var sxx = 0.0
            var syy = 0.0
            for (x, y) in xy {
                sxy += (x - mx) * (y - my)
                sxx += (x - mx) * (x - mx)
                syy += (y - my) * (y - my)
            }
            let r = sxy / (sxx * syy).squareRoot()
            #expect(abs(r) < 5 / n.squareRoot(), "\(name): r = \(r)")
        }
    }

    /// `LaneMath.exp` is within 4e-7 of e^x relative, and right at the
    /// edges: +infinity above 88.72, subnormals down to -103.9, 0 below, NaN.
    @Test func exponential() {
        var x: Float = -103
        while x < 88.7 {
            let v = LaneMath.exp(LaneFloat(repeating: x))[3]
            let exact = Foundation.exp(Double(x))
            if exact >= Double(Float.leastNormalMagnitude) {
                #expect(abs(Double(v) - exact) <= 4e-7 * exact, "e^\(x) = \(v), not \(exact)")
            } else {
                #expect(abs(Double(v) - exact) <= 1e-45 + 1e-6 * exact, "e^\(x) = \(v), not \(exact)")
            }
            x += 0.0137
        }
        let edges = Lanes<SIMD8<Float>>.exp(SIMD8<Float>(89, 1000, -104, -1e9, .nan, .infinity, -.infinity, 0))
        #expect(edges[0] == .infinity && edges[1] == .infinity && edges[5] == .infinity)
        #expect(edges[2] == 0 && edges[3] == 0 && edges[6] == 0)
        #expect(edges[4].isNaN)
        #expect(edges[7] == 1)
    }

    /// The standard normal's lane table against its double-precision
    /// quantile function, in u (the distribution function's error, what a
    /// probability estimate sees): below 2e-6 for every word, words in the
    /// four end cells at each side exact; and the vector and scalar forms agree.
    @Test func normalTableFollowsTheQuantileFunction() {
        let table = LaneTable.standardNormal
        var rng = RandomStream(key: 3, salt: 4)
        var largest = 0.0
        var words = (0..<300_000).map { _ in UInt32(truncatingIfNeeded: rng.next()) }
        words += [0, 1, 0xF_FFFF, 0x10_0000, 0x10_0001, 0xFFEF_FFFF, 0xFFF0_0000, 0xFFFF_FFFF]
        for w in words {
            let u = (Double(w) + 0.5) * 0x1p-32
            let x = table.sample(LaneWord(repeating: w))[5]
            #expect(x == table.sample(w))
            let f = DistributionFunction.normal(Double(x))
            largest = max(largest, u < 0.5 ? abs(f.lower - u) : abs(f.upper - (1 - u)))
            let k = w >> 18
            if k < 4 || k >= 16380 { #expect(x == Float(InverseTable.standardNormal.quantile(u))) }
        }
        #expect(largest < 2e-6, "largest u-error: \(largest)")
    }
}

extension LaneTests {
    /// `LaneMath.log` is within 3e-7 of ln x (absolute near 1, relative
    /// elsewhere) over the uniforms' range and beyond.
    @Test func logarithm() {
        var x: Float = 0x1p-24
        while x < 1e6 {
            let v = Double(LaneMath.log(LaneFloat(repeating: x))[2])
            let exact = Foundation.log(Double(x))
            #expect(abs(v - exact) <= 3e-7 * max(1, abs(exact)), "ln \(x) = \(v), not \(exact)")
            x *= 1.0173
        }
    }

    /// Geometric holds: every count a whole number >= 0 from a uniform in
    /// (0, 1], P(K >= k) = h^k for k = 1, 2, 3 within 4 standard errors, h
    /// above 1/2 so that every word's range is exercised, and the edges h =
    /// 0 (never) and h = 1 (forever).
    @Test func geometricCounts() {
        let base = LaneRandom.seedBase(5)
        let h: Float = 0.8
        var atLeast = [0, 0, 0, 0]
        var n = 0
        for g in stride(from: 0, to: 40_000, by: 8) {
            let keys = LaneRandom.Keys(base: base, first: UInt64(g))
            let u = LaneMath.unitOpenZero(keys.word(salt: 99, 0))
            let k = LaneMath.geometric(LaneFloat(repeating: h), u)
            let hs: [Float] = [0, -1, .nan, 1, 2, 0, 1, 0]
            let counts: [Float] = [0, 0, 0, .infinity, .infinity, 0, .infinity, 0]
            let edges = LaneMath.geometric(LaneFloat((0..<LaneMath.width).map { hs[$0 % 8] }), u)
            #expect(edges == LaneFloat((0..<LaneMath.width).map { counts[$0 % 8] }))
            for l in 0..<LaneMath.width { #expect(u[l] > 0 && u[l] <= 1) }
            for l in 0..<LaneMath.width {
                n += 1
                #expect(k[l] >= 0 && k[l] == k[l].rounded(.down))
                for j in 1...3 where k[l] >= Float(j) { atLeast[j] += 1 }
            }
        }
        for j in 1...3 {
            let p = pow(Double(h), Double(j))
            let se = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(Double(atLeast[j]) / Double(n) - p) <= 4 * se, "P(K >= \(j))")
        }
    }
}

extension LaneTests {
    /// The lane arithmetic gives the same bits at 16 lanes (the engine in
    /// the AVX-512 and AVX2 builds) as at 8 (the portable build, the hand-written loop),
    /// lane by lane: e^x, ln x, geometric counts, the clamps, minimum and
    /// maximum, uniforms and table cells, on ordinary values and on the
    /// edges (NaN, infinities, signed zeros, subnormals).
    @Test func sixteenLanesComputeAsEight() {
        typealias Wide = Lanes<SIMD16<Float>>
        typealias Narrow = Lanes<SIMD8<Float>>
        var values: [Float] = [
            0, -0, 1, -1, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .leastNormalMagnitude,
            .greatestFiniteMagnitude, 0.5, 88.72, 88.73, -103.9, -104, 0x1p-24, 1 - 0x1p-24, 2,
        ]
        var rng = RandomStream(seed: 3, trial: 0, stream: 1)
        for _ in 0..<2000 { values.append(Float(rng.uniformOpen() * 200 - 100)) }
        for _ in 0..<500 { values.append(Float(rng.uniformOpen())) }
        func same(_ wide: SIMD16<Float>, _ low: SIMD8<Float>, _ high: SIMD8<Float>) -> Bool {
            (0..<16).allSatisfy { l in
                let n = l < 8 ? low[l] : high[l - 8]
                return wide[l].bitPattern == n.bitPattern
            }
        }
        let cells = UnsafeMutablePointer<SIMD2<Float>>.allocate(capacity: 64)
        defer { cells.deallocate() }
        for k in 0..<64 { cells[k] = SIMD2(Float(k) * 0.25, 1 / Float(k + 1)) }
        for start in stride(from: 0, to: values.count - 32, by: 5) {
            let x = SIMD16<Float>(values[start..<start + 16])
            let y = SIMD16<Float>(values[(start + 16)..<(start + 32)])
            let (xl, xh, yl, yh) = (x.lowHalf, x.highHalf, y.lowHalf, y.highHalf)
            #expect(same(Wide.exp(x), Narrow.exp(xl), Narrow.exp(xh)))
            let positive = Wide.maximum(x.replacing(with: 1, where: x .!= x), SIMD16(repeating: 0x1p-30))
            #expect(same(Wide.log(positive), Narrow.log(positive.lowHalf), Narrow.log(positive.highHalf)))
            let u = Wide.clamp01(y).replacing(with: 1, where: Wide.clamp01(y) .== 0)
            #expect(
                same(
                    Wide.geometric(x, u), Narrow.geometric(xl, u.lowHalf),
                    Narrow.geometric(xh, u.highHalf)))
            #expect(same(Wide.clamp01(x), Narrow.clamp01(xl), Narrow.clamp01(xh)))
            #expect(same(Wide.positive(x), Narrow.positive(xl), Narrow.positive(xh)))
            #expect(same(Wide.notNaN(x), Narrow.notNaN(xl), Narrow.notNaN(xh)))
            #expect(same(Wide.minimum(x, y), Narrow.minimum(xl, yl), Narrow.minimum(xh, yh)))
            #expect(same(Wide.maximum(x, y), Narrow.maximum(xl, yl), Narrow.maximum(xh, yh)))
            #expect(same(Wide.select(x .< y, x, y), Narrow.select(xl .< yl, xl, yl), Narrow.select(xh .< yh, xh, yh)))
            let w = unsafeBitCast(x, to: SIMD16<UInt32>.self)
            #expect(same(Wide.unit(w), Narrow.unit(w.lowHalf), Narrow.unit(w.highHalf)))
            #expect(same(Wide.unitOpenZero(w), Narrow.unitOpenZero(w.lowHalf), Narrow.unitOpenZero(w.highHalf)))
            let k = w & SIMD16(repeating: 63)
            #expect(
                same(
                    Wide.interpolate(cells, k, u), Narrow.interpolate(cells, k.lowHalf, u.lowHalf),
                    Narrow.interpolate(cells, k.highHalf, u.highHalf)))
            let m = x .< y
            #expect(Wide.any(m) == (Narrow.any(xl .< yl) || Narrow.any(xh .< yh)))
        }
        #expect(!Wide.any(SIMD16<Float>() .< SIMD16<Float>()))
        var one = SIMD16<Float>()
        one[15] = 1
        #expect(Wide.any(SIMD16<Float>() .< one))
    }
}

extension LaneTests {
    /// `expInRange` is `exp` bit for bit on [-87, 88]: every float step of
    /// 2^-10 there, the ends and their neighbours, the points where
    /// n = round(x / ln 2) changes, and subnormal results near -87.
    @Test func expInRangeIsExpThere() {
        var xs: [Float] = [-87, Float(-87).nextUp, 88, Float(88).nextDown, 0, -0, .leastNonzeroMagnitude]
        for k in -126...127 {
            let edge = (Float(k) + 0.5) * 0.693147180559945
            if edge >= -87 && edge <= 88 { xs += [edge.nextDown, edge, edge.nextUp] }
        }
        var x: Float = -87
        while x <= 88 {
            xs.append(x)
            x += 0x1p-10
        }
        for start in stride(from: 0, to: xs.count, by: LaneMath.width) {
            var v = LaneFloat(repeating: 1)
            for l in 0..<Swift.min(LaneMath.width, xs.count - start) { v[l] = xs[start + l] }
            let fast = LaneMath.expInRange(v)
            let full = LaneMath.exp(v)
            for l in 0..<LaneMath.width {
                #expect(fast[l].bitPattern == full[l].bitPattern, "e^\(v[l]): \(fast[l]) against \(full[l])")
            }
        }
    }

    /// The standard normal's lane table never gives more than
    /// `LaneMachine.normalBound` in magnitude, the bound by which
    /// lognormal draws are sent to `expInRange`: its exact end cells at
    /// the first and last words, and every interior cell's two ends.
    @Test func normalTableStaysWithinItsBound() {
        let table = LaneTable.standardNormal
        let bound = LaneMachine.normalBound
        #expect(abs(table.sample(UInt32(0))) <= bound && abs(table.sample(UInt32.max)) <= bound)
        #expect(abs(table.sample(UInt32(0))) > 6, "the end cells reach the far tail")
        for k in 4..<(table.cellCount - 4) {
            let c = table.cells[k]
            #expect(abs(c.x) <= bound && abs(c.x + c.y) <= bound)
        }
    }
}
