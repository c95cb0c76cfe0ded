/// Wall-clock timing on the monotonic clock.
public enum Stopwatch {
    /// The result of `body` and the seconds it took.
    @inlinable
    public static func time<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (value: T, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, seconds(clock.now - start))
    }

    /// The shortest of `repetitions` timings of `body` (at least one).
    @inlinable
    public static func best<E: Error>(of repetitions: Int, _ body: () throws(E) -> Void) throws(E) -> Double {
        var best = Double.infinity
        for _ in 0..<Swift.max(1, repetitions) {
            best = Swift.min(best, try time(body).seconds)
        }
        return best
    }

    @inlinable
    public static func seconds(_ d: Duration) -> Double {
        let (s, attoseconds) = d.components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
