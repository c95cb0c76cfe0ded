import Testing

@testable import R2Engine

/// The adoption histogram and fixed-point sums, computed two steps at a time
/// without branches, against their straightforward definitions.
@Suite("Adoption sink")
struct AdoptionSinkTests {
    static let bins = SimulationResult.adoptionBins

    /// The bin by definition: 0 for A <= 0 (and NaN), 1 + floor(A bins)
    /// (at most bins) inside (0, 1), bins + 1 for A >= 1.
    static func referenceBin(_ a: Double) -> Int {
        guard a > 0 else { return 0 }
        guard a < 1 else { return bins + 1 }
        return 1 + Swift.min(Int(a * Double(bins)), bins - 1)
    }

    /// A 2^48 rounded to the nearest integer, ties to even.
    static func referenceFixed48(_ x: Double) -> UInt64 {
        UInt64((x * 0x1p48).rounded(.toNearestOrEven))
    }

    /// x and its n nearest neighbours on each side.
    static func around<T: FloatingPoint>(_ x: T, _ n: Int) -> [T] {
        var v = [x]
        var (below, above) = (x, x)
        for _ in 0..<n {
            below = below.nextDown
            above = above.nextUp
            v += [below, above]
        }
        return v
    }

    /// Values where a bin computation can go wrong: zero and tiny values,
    /// each k / bins with its neighbours and the exact first A whose product
    /// with `bins` rounds to k or more, the midpoints (k + 1/2) / bins where
    /// rounding to an integer ties, 1 and its neighbour below, and values
    /// outside [0, 1].
    static let edgeValues: [Double] = {
        var v: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude, .leastNormalMagnitude,
            0x1p-1000, 1e-300, 1e-20, 0x1p-53, 1e-9, 0.25, 0.5, 0.75,
            1.0.nextDown, 1.0.nextDown.nextDown, 1, 1.0.nextUp, 1.5, 2, 1e300,
            .greatestFiniteMagnitude, .infinity,
        ]
        for k in 0...bins {
            let x = Double(k) / Double(bins)
            v += around(x, 3)
            // The boundary: the largest A with fl(A bins) < k, and the next.
            if k > 0 {
                var b = x
                while b * Double(bins) >= Double(k) { b = b.nextDown }
                v.append(b)
                v.append(b.nextUp)
            }
            let mid = (Double(k) + 0.5) / Double(bins)
            v += [mid.nextDown, mid, mid.nextUp]
        }
        return v
    }()

    /// Values outside the path's domain: the bin must still be the defined
    /// one (and in range).
    static let outsideValues: [Double] = [
        -.leastNonzeroMagnitude, -1e-300, -0.5, -1, -1e300, -.infinity, .nan, -.nan,
        Double(nan: 1, signaling: true),
    ]

    @Test func scalarBinMatchesDefinition() {
        for a in Self.edgeValues + Self.outsideValues {
            #expect(AdoptionSink.bin(a) == Self.referenceBin(a), "A = \(a)")
        }
    }

    @Test func pairBinsMatchDefinition() {
        let values = Self.edgeValues + Self.outsideValues
        for (i, a) in values.enumerated() {
            // Pair each value with another far along the list, in both lanes.
            let b = values[(i &* 7919 &+ 13) % values.count]
            let pair = AdoptionSink.binPair(SIMD2(a, b))
            #expect(Int(UInt32(truncatingIfNeeded: pair[0])) == Self.referenceBin(a), "A = \(a)")
            #expect(Int(UInt32(truncatingIfNeeded: pair[1])) == Self.referenceBin(b), "A = \(b)")
        }
    }

    /// Single-precision values where `binLanes` can go wrong: the floats
    /// next to every k / bins (where fl(A bins) rounds up to k), tiny and
    /// subnormal values, 1 and its neighbours, values outside [0, 1].
    static let floatEdgeValues: [Float] = {
        var v: [Float] = [
            0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-30, 0x1p-25, 1e-7, 0.5,
            Float(1).nextDown, 1, Float(1).nextUp, 2, .greatestFiniteMagnitude, .infinity,
            -.leastNonzeroMagnitude, -0.5, -.infinity, .nan, -.nan, Float(nan: 1, signaling: true),
        ]
        for k in 0...bins {
            v += around(Float(k) / Float(bins), 4)
        }
        var rng = RandomStream(seed: 11, trial: 0, stream: 5)
        for _ in 0..<20_000 { v.append(Float(rng.uniformOpen())) }
        return v
    }()

    /// The bins of 8 floats at once equal the definition on their doubles,
    /// whichever lane a value sits in.
    @Test func laneBinsMatchDefinition() {
        let values = Self.floatEdgeValues
        for start in stride(from: 0, to: values.count, by: 3) {
            var a = SIMD8<Float>()
            for l in 0..<8 { a[l] = values[(start &+ l &* 7919) % values.count] }
            let b = AdoptionSink.binLanes(a)
            for l in 0..<8 {
                #expect(Int(b[l]) == Self.referenceBin(Double(a[l])), "A = \(a[l])")
            }
        }
    }

    @Test func fixedPointMatchesDefinition() {
        // Ties: x 2^48 exactly halfway between two integers.
        var values = Self.edgeValues.filter { $0 >= 0 && $0 <= 1 }
        for k in [0, 1, 2, 3, 1000, 123_456_789, (1 << 48) - 2, (1 << 48) - 1] {
            values.append(Double(2 * k + 1) * 0x1p-49)
        }
        var rng = RandomStream(seed: 7, trial: 0, stream: 3)
        for _ in 0..<10_000 { values.append(rng.uniformOpen()) }
        for x in values {
            let pair = AdoptionSink.fixed48Pair(SIMD2(x, x * x))
            #expect(pair[0] == Self.referenceFixed48(x), "x = \(x)")
            #expect(pair[1] == Self.referenceFixed48(x * x), "x = \(x)")
            #expect(AdoptionSink.fixed48(x) == Self.referenceFixed48(x), "x = \(x)")
        }
    }

    /// Adds `paths` (each `steps` long) through the sink and checks every
    /// count and, for paths inside [0, 1], every pending sum.
    static func checkPaths(_ paths: [[Double]], steps: Int, sums checkSums: Bool) {
        let stride = AdoptionSink.binStride
        let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: steps * stride)
        counts.initialize(repeating: 0, count: steps * stride)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 2 * 8 * steps + 16, alignment: 16)
        let pendingSums = raw.bindMemory(to: UInt64.self, capacity: 2 * steps)
        pendingSums.initialize(repeating: 0, count: 2 * steps + 2)
        let pendingSquares = pendingSums + (steps + 1) & ~1
        defer {
            counts.deallocate()
            raw.deallocate()
        }
        let sink = AdoptionSink(counts: counts, sums: pendingSums, squares: pendingSquares)
        var expectedCounts = [UInt32](repeating: 0, count: steps * stride)
        var sums = [UInt64](repeating: 0, count: steps)
        var squares = [UInt64](repeating: 0, count: steps)
        for path in paths {
            path.withUnsafeBufferPointer { sink.add(path: $0.baseAddress!, steps: steps) }
            for (t, x) in path.enumerated() {
                expectedCounts[t * stride + referenceBin(x)] &+= 1
                if checkSums {
                    sums[t] &+= referenceFixed48(x)
                    squares[t] &+= referenceFixed48(x * x)
                }
            }
        }
        #expect(Array(UnsafeBufferPointer(start: counts, count: steps * stride)) == expectedCounts, "steps \(steps)")
        if checkSums {
            #expect(Array(UnsafeBufferPointer(start: pendingSums, count: steps)) == sums)
            #expect(Array(UnsafeBufferPointer(start: pendingSquares, count: steps)) == squares)
        }
    }

    /// The engine's groups: 8 lanes of A in single precision, some lanes
    /// rejected. Every count and sum is the definition's on the `Double` of
    /// each accepted lane's A, and rejected lanes add nothing.
    @Test func groupsMatchDefinition() throws {
        let steps = 37
        let compiled = try Fixtures.compile(Fixtures.scenario(months: steps))
        let machine = LaneMachine(compiled, seed: 1)
        let accumulator = Accumulator(steps: steps, chips: compiled.chipNames.count, events: 0)
        let stride = accumulator.stride
        var counts = [UInt32](repeating: 0, count: steps * stride)
        var sums = [UInt64](repeating: 0, count: steps)
        var squares = [UInt64](repeating: 0, count: steps)
        // A in [0, 1], as the engine makes it (Float edges included).
        let values: [Float] =
            Self.edgeValues.filter { $0 >= 0 && $0 <= 1 }.map { Float($0) } + [0x1p-149, 1 - 0x1p-24, 0.5 + 0x1p-24]
        var rng = RandomStream(seed: 3, trial: 0, stream: 1)
        for g in 0..<40 {
            var accepted = LaneMask(repeating: false)
            for l in 0..<LaneMath.width { accepted[l] = (g + l) % 3 != 0 }
            for t in 0..<steps {
                for l in 0..<LaneMath.width {
                    let k = Int(rng.next() % UInt64(values.count + 1))
                    machine.adoption[t][l] = k < values.count ? values[k] : Float(rng.uniform())
                }
            }
            accumulator.add(group: machine, accepted: accepted)
            for t in 0..<steps {
                for l in 0..<LaneMath.width where accepted[l] {
                    let x = Double(machine.adoption[t][l])
                    counts[t * stride + Self.referenceBin(x)] &+= 1
                    sums[t] &+= Self.referenceFixed48(x)
                    squares[t] &+= Self.referenceFixed48(x * x)
                }
            }
        }
        // Counts since the last flush are in the 16-bit pending counts.
        let gotCounts = (0..<(steps * stride)).map { accumulator.counts[$0] &+ UInt32(accumulator.pendingCounts[$0]) }
        #expect(gotCounts == counts)
        var gotSums = [UInt64](repeating: 0, count: steps)
        var gotSquares = [UInt64](repeating: 0, count: steps)
        for t in 0..<steps {
            (gotSums[t], gotSquares[t]) = accumulator.pendingSum(t)
        }
        #expect(gotSums == sums)
        #expect(gotSquares == squares)
        // A flush moves every pending count and sum into the totals.
        accumulator.flush()
        #expect(Array(UnsafeBufferPointer(start: accumulator.counts.base, count: steps * stride)) == counts)
        #expect((0..<(steps * stride)).allSatisfy { accumulator.pendingCounts[$0] == 0 })
        #expect(
            (0..<steps).map { accumulator.sums[$0] }
                == sums.map {
                    var w = WideSum(); w.add($0); return w
                })
        #expect(
            (0..<steps).map { accumulator.squares[$0] }
                == squares.map {
                    var w = WideSum(); w.add($0); return w
                })
    }

    /// The final fleets of the engine's groups add up, per chip, to the sum
    /// of `WideSum.fixed` of each accepted lane's fleet: below 2^32 units
    /// through the pending sums 8 lanes at a time, beyond it (and infinity)
    /// lane by lane; rejected lanes add nothing. Values include ties of
    /// x 2^16 + 1/2, the least subnormal and the neighbours of 2^32.
    @Test func fleetsMatchDefinition() throws {
        let compiled = try Fixtures.compile(Fixtures.rich())
        let chips = compiled.chipNames.count
        let machine = LaneMachine(compiled, seed: 1)
        let accumulator = Accumulator(steps: compiled.steps, chips: chips, events: compiled.eventNames.count)
        var small: [Float] = [
            0, .leastNonzeroMagnitude, 0x1p-18, 0x1p-17, 3 * 0x1p-17, 0x1p-16, 3 * 0x1p-16, 0.5, 1, 2999.5,
            Float(256).nextDown, 4095.999, 0x1p24 + 2, Float(0x1p32).nextDown,
        ]
        let large: [Float] = [0x1p32, 0x1p40, 1e20, .infinity]
        var rng = RandomStream(seed: 5, trial: 0, stream: 9)
        for _ in 0..<200 { small.append(Float(rng.uniformOpen() * 50_000)) }
        var expected = [WideSum](repeating: WideSum(), count: chips)
        for g in 0..<300 {
            var accepted = LaneMask(repeating: false)
            for l in 0..<LaneMath.width { accepted[l] = (g + l) % 4 != 1 }
            // One group in five has fleets of 2^32 units and more: lane by lane.
            let values = g % 5 == 0 ? small + large : small
            for c in 0..<chips {
                for l in 0..<LaneMath.width {
                    machine.fleet[c][l] = values[Int(rng.next() % UInt64(values.count))]
                    if accepted[l] {
                        expected[c].add(WideSum.fixed(Double(machine.fleet[c][l]), scale: SimulationTotals.fleetScale))
                    }
                }
            }
            accumulator.add(group: machine, accepted: accepted)
        }
        accumulator.flush()
        #expect(Array(UnsafeBufferPointer(start: accumulator.fleetSums.base, count: chips)) == expected)
        #expect((0..<(chips * Accumulator.octets)).allSatisfy { accumulator.pendingFleets[$0] == SIMD8() })
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 36, 37])
    func pathsMatchDefinition(steps: Int) {
        let inside = Self.edgeValues.filter { $0 >= 0 && $0 <= 1 }
        var rng = RandomStream(seed: 11, trial: UInt64(steps), stream: 5)
        var paths: [[Double]] = []
        // Every edge value at every step position.
        var i = 0
        while i < inside.count {
            paths.append((0..<steps).map { inside[(i + $0) % inside.count] })
            i += Swift.max(1, steps / 2)
        }
        for _ in 0..<200 {
            paths.append((0..<steps).map { _ in rng.uniformOpen() })
        }
        Self.checkPaths(paths, steps: steps, sums: true)

        // Out-of-domain values land in the defined bins, nowhere else.
        let outside = Self.outsideValues + [1.5, 1e300, .infinity]
        let odd = (0..<outside.count).map { k in (0..<steps).map { outside[(k + $0) % outside.count] } }
        Self.checkPaths(odd, steps: steps, sums: false)
    }
}
