import CLibEdit

/// Lays completion candidates out in columns, top to bottom then left to
/// right, as bash lists them.
enum CandidateColumns {
    /// At most this many candidates are shown; a last line counts the rest.
    static let limit = 200

    /// The lines to print for `candidates` on a terminal `width` columns wide.
    static func lines(_ candidates: [String], width: Int) -> [String] {
        let shown = Array(candidates.prefix(limit))
        guard !shown.isEmpty else { return [] }
        let widths = shown.map(displayWidth)
        let columnWidth = (widths.max() ?? 0) + 2
        let columns = max(1, min(shown.count, (max(width, 1) + 2) / columnWidth))
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += shown[index]
                if !isLast { line += String(repeating: " ", count: columnWidth - widths[index]) }
            }
            lines.append(line)
        }
        if candidates.count > shown.count {
            lines.append("(\(candidates.count - shown.count) more)")
        }
        return lines
    }

    /// Terminal columns taken by `text` (wcwidth per scalar; 1 when unknown).
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            if scalar.isASCII { return total + (scalar.value >= 0x20 ? 1 : 0) }
            let width = Int(r2_wcwidth(scalar.value))
            return total + (width < 0 ? 1 : width)
        }
    }
}
