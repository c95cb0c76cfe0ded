/// Slice `index` of `count` (1-based) of a run's trials: `--shard 2/3`.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index))
        self.index = index
        self.count = count
    }

    /// The whole run as a single shard.
    public static let whole = ShardSpec(index: 1, count: 1)

    /// Parses `I/N` with 1 <= I <= N; the error says what was expected.
    public static func parse(_ text: String) -> Result<ShardSpec, ShardFailure> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            return .failure(ShardFailure("--shard expects I/N, such as 2/8, not `\(text)`"))
        }
        guard n >= 1 && n <= 1_000_000 else {
            return .failure(
                ShardFailure("--shard \(text): the number of shards must be between 1 and 1,000,000"))
        }
        guard i >= 1 && i <= n else {
            return .failure(
                ShardFailure("--shard \(text): the shard must be between 1 and \(n) (shards count from 1)"))
        }
        return .success(ShardSpec(index: i, count: n))
    }

    /// The trials of this shard among trials 0 ..< total: shard i holds
    /// floor((i-1) total / n) ..< floor(i total / n), so the shards tile the run.
    public func trials(ofTotal total: Int) -> Range<Int> {
        // At most 10^6 shards of 5 x 10^7 trials: the products fit easily.
        (index - 1) * total / count..<index * total / count
    }

    public var description: String { "\(index)/\(count)" }
}
