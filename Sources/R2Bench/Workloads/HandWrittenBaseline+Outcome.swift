extension HandWrittenBaseline {
    /// What a run of the hand-written loop produced.
    public struct Outcome: Sendable {
        public var trials: Int
        /// Per trial, the release in months after 2025-01 (+infinity: never).
        public var releases: [Double]
        /// Per step, the adoption histogram (`SimulationResult.adoptionBins` + 2 bins).
        public var adoptionCounts: [UInt32]
        /// Per step, the sums of A and A^2 in fixed point (2^48), modulo 2^64: kept for timing only.
        public var adoptionSum: [UInt64]
        public var adoptionSumOfSquares: [UInt64]

        /// The share of trials released by `r` months after 2025-01.
        public func share(releasedBy r: Double) -> Double {
            Double(releases.reduce(0) { $0 + ($1 <= r ? 1 : 0) }) / Double(Swift.max(1, trials))
        }

        /// The median release (infinity when more than half never release).
        public var medianRelease: Double {
            let sorted = releases.sorted()
            return sorted.isEmpty ? .nan : sorted[(sorted.count - 1) / 2]
        }
    }
}
