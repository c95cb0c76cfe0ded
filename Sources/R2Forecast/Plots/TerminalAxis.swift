/// A dated horizontal axis for terminal plots: one column per bin, a tick
/// under each January and the year written after it.
enum TerminalAxis {
    static func line(starts: [Int], monthsPerBin: Int, indent: Int, columnsPerBin: Int = 1) -> [String] {
        let width = starts.count * columnsPerBin
        var ticks = Array(repeating: Character("─"), count: width)
        var labels = Array(repeating: Character(" "), count: width + 6)
        for (bin, m) in starts.enumerated() where m % 12 < monthsPerBin {
            let i = bin * columnsPerBin
            ticks[i] = "┬"
            let year = Array(String(m / 12))
            if i + year.count <= labels.count, labels[i..<(i + year.count)].allSatisfy({ $0 == " " }) {
                for (k, c) in year.enumerated() { labels[i + k] = c }
            }
        }
        if starts.first.map({ $0 % 12 >= monthsPerBin }) ?? false {
            let first = Array(Format.month(starts[0]))
            for (k, c) in first.enumerated() where k < labels.count && labels[k] == " " { labels[k] = c }
        }
        let pad = String(repeating: " ", count: indent)
        return [
            pad + "└" + String(ticks),
            pad + " " + String(labels).trimmingTrailingSpaces(),
        ]
    }

    /// How many columns each bin gets so that `bins` bins fill about
    /// `available` columns (at most 3, so bars stay bars).
    static func columnsPerBin(bins: Int, available: Int) -> Int {
        Swift.max(1, Swift.min(3, available / Swift.max(1, bins)))
    }

    /// Each cell repeated `k` times across.
    static func widen(_ row: [Character], _ k: Int) -> String {
        k == 1 ? String(row) : String(row.flatMap { Array(repeating: $0, count: k) })
    }

    /// Eighth blocks: index 0 is empty, 8 is a full cell.
    static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Column cells of a vertical bar of `fraction` (0...1) of `height` rows,
    /// top row first.
    static func column(_ fraction: Double, height: Int) -> [Character] {
        let eighths = Int((Swift.max(0, Swift.min(1, fraction)) * Double(height * 8)).rounded())
        return (0..<height).map { row in
            let fromBottom = height - 1 - row
            let fill = eighths - fromBottom * 8
            return blocks[Swift.max(0, Swift.min(8, fill))]
        }
    }
}

extension String {
    /// The string without the spaces at its end (table and plot rows).
    public func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
