import R2Forecast
import Testing

/// The named reading built from the flagship's sorted releases (a merge
/// that takes the folded trials out) equals the named releases sorted
/// directly: ties, infinities and rejected trials included.
@Suite struct NamedReleaseTests {
    @Test func theMergeEqualsTheDirectSort() {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var releases: [Double] = []
        var folds: [Float] = []
        for i in 0..<20_000 {
            let u = next()
            // Whole months repeat (ties), some never release, some are rejected.
            let r: Double = u < 0.05 ? .infinity : (u < 0.08 ? .nan : (u < 0.3 ? Double(Int(u * 40)) : u * 36))
            releases.append(r)
            folds.append(i % 5 == 0 ? Float(i % 30) : .infinity)
        }
        let named = NamedRelease(releases: releases, folds: folds, horizon: 36)
        var direct: [Double] = []
        for (r, f) in zip(releases, folds) where !r.isNaN { direct.append(f.isFinite ? .infinity : r) }
        direct.sort()
        #expect(named.release.sorted.map(\.bitPattern) == direct.map(\.bitPattern))
        #expect(named.foldedCount == zip(releases, folds).filter { !$0.0.isNaN && $0.1.isFinite }.count)
        #expect(named.releasedShare.value + named.foldedShare.value + named.pendingShare.value == 1)
    }
}
