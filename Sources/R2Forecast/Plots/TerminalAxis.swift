/// A dated horizontal axis for terminal plots: one column per bin, a tick
/// under each January and the year written after it.
enum TerminalAxis {
    static func line(starts: [Int], monthsPerBin: Int, indent: Int) -> [String] {
        var ticks = Array(repeating: Character("─"), count: starts.count)
        var labels = Array(repeating: Character(" "), count: starts.count + 6)
        for (i, m) in starts.enumerated() where m % 12 < monthsPerBin {
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
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
