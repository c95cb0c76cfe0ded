import Foundation

extension InverseTable {
    /// The standard normal's table, built once per process.
    static let standardNormal: InverseTable = {
        guard
            let table = build(searchLow: -40, searchHigh: 40, cdf: DistributionFunction.normal)
        else { preconditionFailure("the standard normal's inverse table does not converge") }
        return table
    }()

    /// The table of Beta(a, b) for shapes a, b >= 1 (nil otherwise, or when
    /// no fit converges), built once per process and shape.
    static func beta(_ a: Double, _ b: Double) -> InverseTable? {
        guard a >= 1, b >= 1, a <= 1e6, b <= 1e6 else { return nil }
        let key = BetaShape(a: a.bitPattern, b: b.bitPattern)
        if let hit = betaCache.lookup(key) { return hit }
        let logBeta = DistributionFunction.logBeta(a, b)
        let table = build(searchLow: 0, searchHigh: 1) {
            DistributionFunction.beta($0, a, b, logBeta: logBeta)
        }
        betaCache.store(key, table)
        return table
    }

    struct BetaShape: Hashable {
        var a: UInt64
        var b: UInt64
    }

    private static let betaCache = Cache()

    /// Tables already built, by shape (compile time only; never in a trial).
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [BetaShape: InverseTable?] = [:]

        func lookup(_ key: BetaShape) -> InverseTable?? {
            lock.lock()
            defer { lock.unlock() }
            return tables[key]
        }

        func store(_ key: BetaShape, _ table: InverseTable?) {
            lock.lock()
            defer { lock.unlock() }
            if tables.count >= 1024 { tables.removeAll() }
            tables[key] = table
        }
    }
}
