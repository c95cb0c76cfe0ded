extension String {
    /// The text's words, split at spaces, filled greedily into lines of at
    /// most `width` characters (a longer word gets a line of its own).
    /// Line breaks in the text are kept as paragraph breaks.
    public func wordWrapped(width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
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
        let body = wordWrapped(width: Swift.max(20, width - Swift.max(first.count, rest.count)))
        return body.enumerated().map { i, line in (i == 0 ? first : rest) + line }
    }
}
