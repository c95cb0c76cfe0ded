import R2Forecast

/// Number formatting of the benchmark tables.
enum BenchFormat {
    /// Seconds with a unit that keeps three or four significant digits.
    static func seconds(_ s: Double) -> String {
        if s < 1e-3 { return Format.fixed(s * 1e6, digits: 1) + " us" }
        if s < 1 { return Format.fixed(s * 1e3, digits: s < 0.1 ? 2 : 1) + " ms" }
        return Format.fixed(s, digits: 3) + " s"
    }

    /// A count in k or M: 10000 -> "10k", 1000000 -> "1M".
    static func trials(_ n: Int) -> String {
        if n >= 1_000_000 && n % 1_000_000 == 0 { return "\(n / 1_000_000)M" }
        if n >= 1000 && n % 1000 == 0 { return "\(n / 1000)k" }
        return Format.count(n)
    }

    /// A rate with a k or M suffix: 4.1M.
    static func rate(_ x: Double) -> String {
        if x >= 1e6 { return Format.fixed(x / 1e6, digits: 2) + "M" }
        if x >= 1e3 { return Format.fixed(x / 1e3, digits: 1) + "k" }
        return Format.fixed(x, digits: 0)
    }

    /// Bytes in MB (10^6) with one decimal, "n/a" when unknown.
    static func megabytes(_ bytes: Int?) -> String {
        guard let bytes else { return "n/a" }
        return Format.fixed(Double(bytes) / 1e6, digits: 1) + " MB"
    }

    /// A table: the first row is the header; columns after the first are
    /// right-aligned.
    static func table(_ rows: [[String]], indent: String = "  ") -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = Swift.max(widths[i], cell.count) }
        }
        return rows.map { row in
            indent
                + row.enumerated().map { i, cell in
                    Format.pad(cell, widths[i], right: i > 0)
                }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
