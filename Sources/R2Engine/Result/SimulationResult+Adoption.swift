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
                let within = Swift.max(0, target - cumulative) / c
                return (Double(j - 1) + within) * width
            }
            cumulative += c
        }
        return 1
    }
}
