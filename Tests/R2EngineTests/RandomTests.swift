import Numerics
import Testing

@testable import R2Engine

@Suite("Trial keys and streams")
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

    /// SplitMix64 started from 0 (Steele, Lea and Flood; Vigna's splitmix64.c):
    /// its first outputs are mix(gamma), mix(2 gamma), ...
    @Test func mixIsSplitMix64() {
        #expect(RandomStream.mix(RandomStream.gamma) == 0xE220_A839_7B1D_CDAF)
        #expect(RandomStream.mix(2 &* RandomStream.gamma) == 0x6E78_9E6A_A1B9_65F4)
        #expect(RandomStream.mix(3 &* RandomStream.gamma) == 0x06C4_5D18_8009_454F)
    }

    @Test func streamWordsFollowTheLayout() {
        // Trial key: Philox4x32-10 of counter (0, 0, trial low, trial high)
        // under key (seed low, seed high), x1 << 32 | x0; stream s starts at
        // key ^ salt(s), salt(s) = mix((s + 1) gamma); word j = mix(start + j gamma).
        let seed: UInt64 = 0x1234_5678_9abc_def0
        let trial: UInt64 = 0x0000_0003_0000_0007
        let b = Philox4x32.block((0, 0, 7, 3), key0: 0x9abc_def0, key1: 0x1234_5678)
        let key = UInt64(b.1) << 32 | UInt64(b.0)
        #expect(RandomStream.trialKey(seed: seed, trial: trial) == key)
        #expect(RandomStream.salt(9) == RandomStream.mix(10 &* RandomStream.gamma))
        var rng = RandomStream(seed: seed, trial: trial, stream: 9)
        let start = key ^ RandomStream.salt(9)
        for j in 1...5 as ClosedRange<UInt64> {
            #expect(rng.next() == RandomStream.mix(start &+ j &* RandomStream.gamma))
        }
        #expect(rng.next32() == UInt32(RandomStream.mix(start &+ 6 &* RandomStream.gamma) >> 32))
    }

    @Test func streamsOfOneTrialAndOfNeighbouringTrialsDiffer() {
        // The first words of 64 streams of 64 neighbouring trials: all distinct.
        var seen = Set<UInt64>()
        for trial in 0..<64 as Range<UInt64> {
            for stream in [0, 1, 2, 0x1000_0000, 0x2000_0001, 0x3000_0000, 0x4000_0007, 0x5000_0003]
                as [UInt32]
            {
                var rng = RandomStream(seed: 42, trial: trial, stream: stream)
                seen.insert(rng.next())
            }
        }
        #expect(seen.count == 64 * 8)
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
