/// A precision asked for instead of a trial count (`forecast to ±0.5%`,
/// `trials to ±0.5%, ±3 days max 1M`, `r2cast test --precision`).
///
/// A run to a precision adds blocks of `blockSize` trials and checks only
/// at block boundaries, so it stops at a whole number of blocks: its result
/// is the run of that many trials, bit for bit, whatever the thread count or
/// shard split (docs/MODEL.md, "Runs to a precision").
public struct Precision: Hashable, Sendable {
    /// The largest standard error allowed on the probabilities and shares
    /// asked for, as a fraction (0.005 is ±0.5 points); nil: not asked.
    public var share: Double?
    /// The largest standard error allowed on the dates asked for, in months;
    /// nil: not asked.
    public var months: Double?
    /// The most trials the run may take.
    public var cap: Int

    /// Trials per block: checks happen only after whole blocks.
    public static let blockSize = 10_000
    /// The first check: two blocks, so the first errors are estimated from
    /// 20,000 trials (the default trial count).
    public static let firstCheck = 2 * blockSize
    /// The cap when none is written.
    public static let defaultCap = 2_000_000

    public init(share: Double? = nil, months: Double? = nil, cap: Int = Precision.defaultCap) {
        self.share = share
        self.months = months
        self.cap = cap
    }

    /// The target for an estimate of a date (`isTime`) or of a share, if asked.
    public func target(isTime: Bool) -> Double? { isTime ? months : share }

    /// The next trial count to check after `trials`, when the worst estimate's
    /// standard error is `ratio` times its target (ratio > 1): the count at
    /// which errors shrinking as 1/sqrt(n) would meet it, with 10% to spare,
    /// rounded up to whole blocks, at least one block more and at most four
    /// times as many (a noisy early error cannot jump to the cap), never past
    /// the cap. Depends only on numbers known at a block boundary.
    public func nextCheck(after trials: Int, ratio: Double) -> Int {
        let block = Double(Precision.blockSize)
        let wanted = ratio.isFinite ? Double(trials) * ratio * ratio * 1.1 : Double(cap)
        let blocks = (min(wanted, 4 * Double(trials), Double(cap)) / block).rounded(.up)
        return min(cap, max(trials + Precision.blockSize, Int(blocks) * Precision.blockSize))
    }
}
