import Numerics
import Testing

@testable import R2Engine

@Suite("Philox4x32-10 and streams")
struct RandomTests {
    /// Random123's known-answer vectors (tests/kat_vectors, "philox4x32 10").
    @Test(arguments: [
        (
            [0, 0, 0, 0] as [UInt32], [0, 0] as [UInt32],
            [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8] as [UInt32]
        ),
        (
            [0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff], [0xffff_ffff, 0xffff_ffff],
            [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]
        ),
        (
            [0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], [0xa409_3822, 0x299f_31d0],
            [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]
        ),
    ])
    func knownAnswers(counter: [UInt32], key: [UInt32], expected: [UInt32]) {
        let out = Philox4x32.block(
            (counter[0], counter[1], counter[2], counter[3]), key0: key[0], key1: key[1])
        #expect([out.0, out.1, out.2, out.3] == expected)
    }

    @Test func streamWordsFollowTheCounterLayout() {
        // Counter (block, stream, trial low, trial high); key (seed low, seed high).
        let seed: UInt64 = 0x1234_5678_9abc_def0
        let trial: UInt64 = 0x0000_0003_0000_0007
        var rng = RandomStream(seed: seed, trial: trial, stream: 9)
        for block in 0..<3 as Range<UInt32> {
            let b = Philox4x32.block((block, 9, 7, 3), key0: 0x9abc_def0, key1: 0x1234_5678)
            let w = rng.next()
            let x2 = rng.next32()
            let x3 = rng.next32()
            #expect(w == UInt64(b.1) << 32 | UInt64(b.0))
            #expect(x2 == b.2 && x3 == b.3)
        }
    }

    @Test func uniformIsTheTop53Bits() {
        var a = RandomStream(seed: 5, trial: 1, stream: 0)
        var b = a
        for _ in 0..<100 {
            let x = a.next()
            let u = b.uniform()
            #expect(u == Double(x >> 11) * 0x1p-53)
            #expect(u >= 0 && u < 1)
        }
    }

    @Test func normalQuantileMatchesKnownValues() {
        let cases: [(Double, Double)] = [
            (0.975, 1.959963984540054), (0.05, -1.6448536269514722), (0.5, 0),
            (0.999, 3.090232306167813), (1e-10, -6.361340902404056),
        ]
        for (p, z) in cases {
            #expect(RandomStream.normalQuantile(p).isApproximatelyEqual(to: z, absoluteTolerance: 1e-13))
        }
    }

    @Test func boundedIsUniformOverItsRange() {
        // Counts of 0..<7 over 70k draws: each within 4 SE of 10k.
        var rng = RandomStream(seed: 3, trial: 0, stream: 1)
        var counts = [Int](repeating: 0, count: 7)
        let n = 70_000
        for _ in 0..<n { counts[Int(rng.bounded(7))] += 1 }
        let p = 1.0 / 7
        let se = (Double(n) * p * (1 - p)).squareRoot()
        for c in counts { #expect(abs(Double(c) - Double(n) * p) <= 4 * se) }
    }

    @Test func bernoulliDrawsOnlyWhenUncertain() {
        var a = RandomStream(seed: 1, trial: 2, stream: 3)
        let b = a
        let zero = a.bernoulli(0)
        let one = a.bernoulli(1)
        let nan = a.bernoulli(.nan)
        #expect(!zero && one && !nan)
        // No word was consumed.
        var c = b
        let x = a.next32()
        let y = c.next32()
        #expect(x == y)
    }
}
