extension SimulationResult {
    var binStride: Int { Self.adoptionBins + 2 }

    /// The counts of step `step`'s adoption histogram.
    public func adoptionHistogram(step: Int) -> ArraySlice<UInt32> {
        adoptionCounts[(step * binStride)..<((step + 1) * binStride)]
    }

    /// Mean of A_t over the accepted trials (exact up to 2^-48 per trial);
    /// NaN when none was accepted.
    public func adoptionMean(step: Int) -> Double {
        guard accepted > 0 else { return .nan }
        return adoptionSum[step].doubleValue / Self.adoptionScale / Double(accepted)
    }

    /// Sample variance of A_t over the accepted trials (n - 1 denominator).
    public func adoptionVariance(step: Int) -> Double {
        guard accepted > 1 else { return .nan }
        let n = Double(accepted)
        let mean = adoptionMean(step: step)
        let meanSquare = adoptionSumOfSquares[step].doubleValue / Self.adoptionScale / n
        return Swift.max(0, (meanSquare - mean * mean) * n / (n - 1))
    }

    /// The p-quantile of A_t from the histogram: the value below which a
    /// share p of the accepted trials lie, interpolating linearly within a
    /// bin (exact for the 0 and 1 bins; within 1/adoptionBins otherwise).
    /// Exact too when every value between 0 and 1 is one and the same (the
    /// constant adoption of fixed fleets, or that and 0 or 1): see
    /// `pointInside`.
    public func adoptionQuantile(step: Int, _ p: Double) -> Double {
        guard accepted > 0 else { return .nan }
        let counts = adoptionHistogram(step: step)
        let base = counts.startIndex
        let target = Swift.min(Swift.max(p, 0), 1) * Double(accepted)
        let width = 1 / Double(Self.adoptionBins)
        var cumulative = 0.0
        for j in 0..<binStride {
            let c = Double(counts[base + j])
            if c == 0 { continue }
            if cumulative + c >= target {
                if j == 0 { return 0 }
                if j == binStride - 1 { return 1 }
                if let x = pointInside(step: step, bin: j) { return x }
                let within = Swift.max(0, target - cumulative) / c
                return (Double(j - 1) + within) * width
            }
            cumulative += c
        }
        return 1
    }

    /// The one value of bin `bin` when it is the only bin strictly
    /// between 0 and 1 that holds trials and they all share it: its trials'
    /// sum and sum of squares are then the step's, less 1 for each trial at
    /// A >= 1, and a variance of (almost) 0 within the bin says a point.
    func pointInside(step: Int, bin: Int) -> Double? {
        let counts = adoptionHistogram(step: step)
        let base = counts.startIndex
        for j in 1..<(binStride - 1) where j != bin && counts[base + j] != 0 { return nil }
        let c = Double(counts[base + bin])
        let top = Double(counts[base + binStride - 1])
        let sum = adoptionSum[step].doubleValue / Self.adoptionScale - top
        let squares = adoptionSumOfSquares[step].doubleValue / Self.adoptionScale - top
        let mean = sum / c
        let width = 1 / Double(Self.adoptionBins)
        guard squares / c - mean * mean <= 1e-12, mean >= Double(bin - 1) * width, mean <= Double(bin) * width else {
            return nil
        }
        return mean
    }
}
