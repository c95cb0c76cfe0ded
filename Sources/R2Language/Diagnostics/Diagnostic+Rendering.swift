extension Diagnostic {
    /// The diagnostic as rustc-style text: the message, `--> file:line:column`,
    /// the source line with carets under the range, the help after the carets
    /// and the note below. With `colors`, ANSI colours mark the severity and
    /// the gutter.
    public func render(colors: Bool = false) -> String {
        let style = RenderStyle(colors: colors)
        let location = self.location
        let lineNumber = String(location.line)
        let gutter = String(repeating: " ", count: lineNumber.count)
        let fullLine = file.lineText(containing: range.start).replacingTabs()
        let lineEnd = file.lineEnd(containing: range.start)
        let visibleEnd = min(range.end, lineEnd)
        let width = max(1, file.slice(range.start, visibleEnd).count)
        let (lineText, caretColumn, caretWidth) = Self.window(fullLine, column: location.column - 1, width: width)
        let carets = String(repeating: " ", count: caretColumn) + String(repeating: "^", count: caretWidth)

        var lines: [String] = []
        lines.append(style.severity(severity) + style.bold(": " + message.text))
        lines.append(gutter + style.gutter("-->") + " \(file.name):\(location.line):\(location.column)")
        lines.append(gutter + " " + style.gutter("|"))
        lines.append(style.gutter(lineNumber + " |") + (lineText.isEmpty ? "" : " " + lineText))
        var caretLine = gutter + " " + style.gutter("|") + " " + style.marker(carets, severity)
        if let help { caretLine += " " + style.marker(help, severity) }
        lines.append(caretLine)
        if let note { lines.append(gutter + " " + style.gutter("=") + " note: " + note) }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a source line shown.
    static let shownLineLength = 120

    /// A line longer than `shownLineLength` cut to a window around the
    /// carets, marked with `…` where it was cut; the carets' column and width
    /// in what is shown.
    static func window(_ line: String, column: Int, width: Int) -> (text: String, column: Int, width: Int) {
        let characters = Array(line)
        guard characters.count > shownLineLength else { return (line, column, width) }
        let start = max(0, min(column - 40, characters.count - shownLineLength))
        let end = min(characters.count, start + shownLineLength)
        let head = start > 0 ? "…" : ""
        let tail = end < characters.count ? "…" : ""
        let shownColumn = column - start + head.count
        let shownWidth = max(1, min(width, end - column))
        return (head + String(characters[start..<end]) + tail, shownColumn, shownWidth)
    }
}

/// ANSI styling for rendered diagnostics, or none.
private struct RenderStyle {
    var colors: Bool

    func wrap(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    func code(for severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .note: return "1;36"
        }
    }
    func severity(_ severity: Severity) -> String { wrap(severity.rawValue, code(for: severity)) }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func gutter(_ text: String) -> String { wrap(text, "1;34") }
    func marker(_ text: String, _ severity: Severity) -> String { wrap(text, code(for: severity)) }
}

extension String {
    /// Tabs shown as single spaces, so that carets line up by character.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
