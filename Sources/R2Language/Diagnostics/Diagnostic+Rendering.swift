import R2Model

extension Diagnostic {
    /// The diagnostic as rustc-style text: the message, `--> file:line:column`,
    /// the source line with carets under the range, the help after the carets
    /// and the note below. With `colors`, ANSI colours mark the severity and
    /// the gutter. With `width` (a terminal's columns), a help or note that
    /// would run past it wraps at spaces, aligned under its first line.
    public func render(colors: Bool = false, width: Int? = nil) -> String {
        let style = RenderStyle(colors: colors)
        let location = self.location
        let lineNumber = String(location.line)
        let gutter = String(repeating: " ", count: lineNumber.count)
        // Control characters of the file (an escape sequence, a NUL) are
        // shown as symbols, one column each, never sent to the terminal:
        // `\e[?1049h` in a source line once switched it to another screen.
        let fullLine = file.lineText(containing: range.start).replacingTabs().showingControls()
        let message = message.text.showingControls()
        let help = help?.showingControls()
        let note = note?.showingControls()
        let lineEnd = file.lineEnd(containing: range.start)
        let visibleEnd = min(range.end, lineEnd)
        let spanWidth = max(1, file.slice(range.start, visibleEnd).count)
        let shown = min(Self.shownLineLength, width.map { max(40, $0 - lineNumber.count - 4) } ?? Self.shownLineLength)
        let (lineText, caretColumn, caretWidth) = Self.window(
            fullLine, column: location.column - 1, width: spanWidth, length: shown)
        let carets = String(repeating: " ", count: caretColumn) + String(repeating: "^", count: caretWidth)

        var lines: [String] = []
        // The message, wrapped under its own first word when too long.
        let lead = severity.rawValue.count + 2
        let headline = width.map { message.wordWrapped(width: max(24, $0 - lead)) } ?? [message]
        lines.append(style.severity(severity) + style.bold(": " + headline[0]))
        lines += headline.dropFirst().map { String(repeating: " ", count: lead) + style.bold($0) }
        lines.append(
            gutter + style.gutter("-->") + " \(file.name.showingControls()):\(location.line):\(location.column)")
        lines.append(gutter + " " + style.gutter("|"))
        lines.append(style.gutter(lineNumber + " |") + (lineText.isEmpty ? "" : " " + lineText))
        let bar = gutter + " " + style.gutter("|") + " "
        let barWidth = gutter.count + 3
        var caretLine = bar + style.marker(carets, severity)
        if let help {
            let limit = width ?? Int.max
            let after = barWidth + carets.count + 1
            if after + help.count <= limit {
                caretLine += " " + style.marker(help, severity)
                lines.append(caretLine)
            } else if limit - after >= 24 {
                // Beside the carets, continued under its first word.
                let body = help.wordWrapped(width: limit - after)
                lines.append(caretLine + " " + style.marker(body[0], severity))
                let indent = String(repeating: " ", count: carets.count + 1)
                lines += body.dropFirst().map { bar + indent + style.marker($0, severity) }
            } else {
                // Under the carets, from their first column.
                lines.append(caretLine)
                let indent = String(repeating: " ", count: caretColumn)
                let body = help.wordWrapped(width: max(24, limit - barWidth - caretColumn))
                lines += body.map { bar + indent + style.marker($0, severity) }
            }
        } else {
            lines.append(caretLine)
        }
        if let note {
            let head = gutter + " " + style.gutter("=") + " note: "
            let headWidth = gutter.count + 9
            let body = width.map { note.wordWrapped(width: max(24, $0 - headWidth)) } ?? [note]
            lines.append(head + body[0])
            lines += body.dropFirst().map { String(repeating: " ", count: headWidth) + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a source line shown.
    static let shownLineLength = 120

    /// A line wider than `length` terminal columns cut to a window around
    /// the carets, marked with `…` where it was cut; the carets' column and
    /// width in terminal columns of what is shown (a wide character, such as
    /// CJK or an emoji, takes two), so that they sit under the range.
    static func window(_ line: String, column: Int, width: Int, length: Int = shownLineLength) -> (
        text: String, column: Int, width: Int
    ) {
        let characters = Array(line)
        let column = min(column, characters.count)
        let spanEnd = min(characters.count, column + width)
        func columns(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + $1.displayWidth } }
        guard columns(0..<characters.count) > length else {
            return (line, columns(0..<column), max(1, columns(column..<spanEnd)))
        }
        // `length` columns from 40 before the carets (fewer near the start),
        // ending at the line's end when the carets are near it.
        var start = column
        while start > 0, columns(start - 1..<column) <= 40 { start -= 1 }
        var end = start
        var used = 0
        while end < characters.count, used + characters[end].displayWidth <= length {
            used += characters[end].displayWidth
            end += 1
        }
        while end == characters.count, start > 0, used + characters[start - 1].displayWidth <= length {
            start -= 1
            used += characters[start].displayWidth
        }
        let head = start > 0 ? "…" : ""
        let tail = end < characters.count ? "…" : ""
        let shownColumn = head.count + columns(start..<column)
        let shownWidth = max(1, columns(column..<min(spanEnd, end)))
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

    /// Control characters as visible symbols of one column: C0 as the
    /// Control Pictures (U+2400 + code: ESC is ␛, NUL ␀), DEL as ␡, C1 as
    /// the replacement character; a line break stays one (a message may
    /// hold several lines). Everything else as it is.
    package func showingControls() -> String {
        guard unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control })
        else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A: out.append(scalar)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
