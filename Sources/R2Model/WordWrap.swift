extension String {
    /// The text's words, split at spaces, filled greedily into lines of at
    /// most `width` terminal columns (a wide character takes two; a longer
    /// word gets a line of its own).
    /// Line breaks in the text are kept as paragraph breaks.
    public func wordWrapped(width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var columns = 0
            for word in paragraph.split(separator: " ") {
                let w = word.displayWidth
                if !line.isEmpty && columns + 1 + w > width {
                    lines.append(line)
                    line = ""
                    columns = 0
                }
                columns += (line.isEmpty ? 0 : 1) + w
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
        }
        return lines
    }

    /// The text filled into lines of at most `width` characters, the first
    /// after `first`, the others after `rest`: a hanging paragraph. The words
    /// fill the width left by the longer of the two prefixes (at least 20).
    public func wordWrapped(width: Int, first: String, rest: String) -> [String] {
        let body = wordWrapped(width: Swift.max(20, width - Swift.max(first.displayWidth, rest.displayWidth)))
        return body.enumerated().map { i, line in (i == 0 ? first : rest) + line }
    }

    /// Each line of the text that is wider than `width` columns wrapped at
    /// spaces, its continuations under its own indentation plus `hang`.
    public func fitted(width: Int, hang: Int = 2) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard line.displayWidth > width else { return [String(line)] }
            let lead = String(line.prefix { $0 == " " })
            return String(line.dropFirst(lead.count)).wordWrapped(
                width: width, first: lead, rest: lead + String(repeating: " ", count: hang))
        }.joined(separator: "\n")
    }
}
