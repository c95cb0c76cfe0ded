/// The text of a scenario file (or of one REPL cell) and the name it is
/// reported under. Positions into it are UTF-8 offsets (`SourceRange`);
/// lines and columns are computed only when a position is shown.
public struct SourceFile: Hashable, Sendable {
    /// The name shown in diagnostics and provenance, such as `scenarios/x.r2s`.
    public let name: String
    public let text: String
    /// The path the text was read from, as given (relative to the current
    /// directory, or absolute); nil for text typed in or piped in. `include`
    /// paths are relative to its folder, or to the current directory when nil.
    public let path: String?
    /// The UTF-8 offset where each line starts (line 1 at offset 0), so a
    /// position's line is a binary search, not a count from the start.
    private let lineStarts: [Int]

    public init(name: String, text: String, path: String? = nil) {
        self.name = name
        self.text = text
        self.path = path
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The UTF-8 offset where the line holding `offset` starts.
    func lineStart(containing offset: Int) -> Int {
        let bytes = text.utf8
        var index = bytes.index(bytes.startIndex, offsetBy: min(max(offset, 0), bytes.count))
        while index > bytes.startIndex {
            let previous = bytes.index(before: index)
            if bytes[previous] == UInt8(ascii: "\n") { break }
            index = previous
        }
        return bytes.distance(from: bytes.startIndex, to: index)
    }

    /// The UTF-8 offset where the line holding `offset` ends (before its newline).
    func lineEnd(containing offset: Int) -> Int {
        let bytes = text.utf8
        var index = bytes.index(bytes.startIndex, offsetBy: min(max(offset, 0), bytes.count))
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: "\n") {
            index = bytes.index(after: index)
        }
        var end = bytes.distance(from: bytes.startIndex, to: index)
        // A Windows line ending is not part of the line.
        if end > 0, end <= bytes.count, index > bytes.startIndex,
            bytes[bytes.index(before: index)] == UInt8(ascii: "\r")
        {
            end -= 1
        }
        return end
    }

    /// The line and column of a UTF-8 offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), text.utf8.count)
        // The last line start at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let column = 1 + slice(lineStarts[low], clamped).count
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text of `range`.
    public func text(in range: SourceRange) -> String {
        slice(range.start, range.end)
    }

    /// The whole line (without its line break) holding `offset`.
    func lineText(containing offset: Int) -> String {
        slice(lineStart(containing: offset), lineEnd(containing: offset))
    }

    func slice(_ start: Int, _ end: Int) -> String {
        let bytes = text.utf8
        let lower = min(max(start, 0), bytes.count)
        let upper = min(max(end, lower), bytes.count)
        let from = bytes.index(bytes.startIndex, offsetBy: lower)
        let to = bytes.index(bytes.startIndex, offsetBy: upper)
        return String(decoding: bytes[from..<to], as: UTF8.self)
    }
}
