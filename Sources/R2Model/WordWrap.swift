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
}
