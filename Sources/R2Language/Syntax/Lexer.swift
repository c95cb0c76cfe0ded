import R2Model

/// Splits source text into tokens with their UTF-8 ranges. Problems become
/// `.invalid` tokens with a failure each, so a bad spot spoils only its own
/// statement.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private(set) var tokens: [Token] = []
    private(set) var failures: [Failure] = []
    /// True when the text ends with a `\` line continuation.
    private(set) var endsWithBackslash = false
    /// A raw path word may come next (after `cite`, a comma in a cite list,
    /// `to` in a `plot` statement, or `include` starting a line).
    private var pathExpected = false
    /// The pending path is an `include`'s: it does not survive a line break
    /// (an `include` alone on its line is not continued).
    private var pathEndsWithLine = false
    private var inCiteList = false
    private var lineStartsWithPlot = false
    private var tokensOnLine = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
        // A byte-order mark, as some editors write at a file's start, is not text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// Tokenizes the whole text.
    static func tokenize(_ text: String) -> Lexer {
        var lexer = Lexer(text)
        lexer.run()
        return lexer
    }

    private mutating func run() {
        var progress = LoopProgress()
        while position < bytes.count, progress.advanced(to: position) {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                emit(.newline, from: position, to: position + 1)
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\\"):
                lexBackslash()
            case UInt8(ascii: "\""):
                lexString()
            default:
                if pathExpected {
                    lexPath()
                } else if byte.isDigit {
                    lexNumber()
                } else if byte.isIdentifierStart {
                    lexIdentifier()
                } else if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] == 0xB1 {
                    emit(.punctuation(.plusMinus), from: position, to: position + 2)
                } else if let p = Punctuation(rawValue: String(UnicodeScalar(byte))) {
                    emit(.punctuation(p), from: position, to: position + 1)
                } else {
                    let end = nextScalarBoundary(after: position)
                    let text = String(decoding: bytes[position..<end], as: UTF8.self)
                    fail(.unexpectedCharacter(text), from: position, to: end, help: helpForStray(byte))
                }
            }
        }
    }

    // MARK: Emitting

    private mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int) {
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: end)))
        position = end
        switch kind {
        case .newline:
            // A pending path survives a line break (a list continued after a comma).
            if pathEndsWithLine { pathExpected = false }
            if !pathExpected { inCiteList = false }
            pathEndsWithLine = false
            tokensOnLine = 0
            lineStartsWithPlot = false
            return
        case .identifier("cite"):
            inCiteList = true
            pathExpected = true
        case .punctuation(.comma) where inCiteList:
            pathExpected = true
        case .identifier("plot") where tokensOnLine == 0:
            lineStartsWithPlot = true
        case .identifier("to") where lineStartsWithPlot:
            pathExpected = true
        case .identifier("include") where tokensOnLine == 0:
            pathExpected = true
            pathEndsWithLine = true
        default:
            pathExpected = false
            pathEndsWithLine = false
        }
        tokensOnLine += 1
    }

    private mutating func fail(
        _ message: DiagnosticMessage, from start: Int, to end: Int, help: String? = nil
    ) {
        failures.append(Failure(message, at: SourceRange(start: start, end: end), help: help))
        emit(.invalid(failures.count - 1), from: start, to: end)
    }

    /// A hint for a character that starts no token: `%` away from a number
    /// (with the number meant, where a letter O or l stands for a digit).
    private func helpForStray(_ byte: UInt8) -> String? {
        guard byte == UInt8(ascii: "%") else { return nil }
        // The word just before the `%`, if it touches it: `2O` in `2O%`.
        var start = position
        while start > 0, bytes[start - 1].isIdentifierContinue || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        return Suggestion.numberHelp(for: word, suffix: "%") ?? "`%` goes right after a number, as in `15%`"
    }

    // MARK: Pieces

    private mutating func skipComment() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    private mutating func lexBackslash() {
        let start = position
        var index = position + 1
        while index < bytes.count,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                || bytes[index] == UInt8(ascii: "\r")
        {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        }
        if index == bytes.count {
            endsWithBackslash = true
            position = index
        } else if bytes[index] == UInt8(ascii: "\n") {
            position = index + 1  // the line goes on: no newline token
        } else {
            fail(.strayBackslash, from: start, to: start + 1)
        }
    }

    private mutating func lexString() {
        let start = position
        var index = position + 1
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                emit(.string(String(decoding: text, as: UTF8.self)), from: start, to: index + 1)
                return
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\")
            {
                index += 1
            }
            text.append(bytes[index])
            index += 1
        }
        fail(.unterminatedString, from: start, to: index)
    }

    private mutating func lexPath() {
        let start = position
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ",")
            {
                break
            }
            index += 1
        }
        if index == start {
            // A comma where a path belongs: read it as punctuation.
            emit(.punctuation(.comma), from: start, to: start + 1)
            return
        }
        emit(.path(String(decoding: bytes[start..<index], as: UTF8.self)), from: start, to: index)
    }

    private mutating func lexIdentifier() {
        let start = position
        var index = position
        while index < bytes.count, bytes[index].isIdentifierContinue { index += 1 }
        var word = String(decoding: bytes[start..<index], as: UTF8.self)
        if word == "chip" {
            for tail in ["-months", "-month"] where matches(tail, at: index) {
                let end = index + tail.utf8.count
                if end == bytes.count || !bytes[end].isIdentifierContinue {
                    word += tail
                    index = end
                    break
                }
            }
        }
        emit(.identifier(word), from: start, to: index)
    }

    private func matches(_ text: String, at index: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        return Array(bytes[index..<index + pattern.count]) == pattern
    }

    private mutating func lexNumber() {
        let start = position
        if isDateAhead(at: start) {
            lexDate()
            return
        }
        if let end = lookalikeDateEnd(at: start) {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            fail(.malformedDate(text), from: start, to: end, help: Suggestion.dateHelp(for: text))
            return
        }
        var index = start
        var digits = ""
        func take(_ byte: UInt8) { digits.append(Character(UnicodeScalar(byte))) }
        while index < bytes.count,
            bytes[index].isDigit
                || (bytes[index] == UInt8(ascii: "_") && index + 1 < bytes.count && bytes[index + 1].isDigit)
        {
            if bytes[index].isDigit { take(bytes[index]) }
            index += 1
        }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), bytes[index + 1].isDigit {
            take(bytes[index])
            index += 1
            while index < bytes.count, bytes[index].isDigit || bytes[index] == UInt8(ascii: "_") {
                if bytes[index].isDigit { take(bytes[index]) }
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var probe = index + 1
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-") {
                probe += 1
            }
            if probe < bytes.count, bytes[probe].isDigit {
                digits.append("e")
                if bytes[index + 1] == UInt8(ascii: "-") { digits.append("-") }
                index = probe
                while index < bytes.count, bytes[index].isDigit {
                    take(bytes[index])
                    index += 1
                }
            }
        }
        guard var value = Double(digits), value.isFinite else {
            fail(
                .malformedNumber(String(decoding: bytes[start..<index], as: UTF8.self)), from: start,
                to: index)
            return
        }
        if index < bytes.count {
            let scale: Double? =
                switch bytes[index] {
                case UInt8(ascii: "%"): 1
                case UInt8(ascii: "k"): 1e3
                case UInt8(ascii: "M"): 1e6
                case UInt8(ascii: "B"): 1e9
                default: nil
                }
            let isPercent = bytes[index] == UInt8(ascii: "%")
            let followed = index + 1 < bytes.count && bytes[index + 1].isIdentifierContinue
            if let scale, isPercent || !followed {
                value = isPercent ? value / 100 : value * scale
                index += 1
            }
        }
        emit(.number(value), from: start, to: index)
    }

    private func isDateAhead(at start: Int) -> Bool {
        guard start + 5 < bytes.count else { return false }
        return (start..<start + 4).allSatisfy { bytes[$0].isDigit }
            && bytes[start + 4] == UInt8(ascii: "-") && bytes[start + 5].isDigit
    }

    /// The end of a date written with a letter for a digit (`2O25-03`,
    /// `2025-O3`): the word from `start` over letters, digits and inner
    /// `-`, when `Suggestion.dateForLookalikes` reads it as a date; nil
    /// for anything else, which lexes as before.
    private func lookalikeDateEnd(at start: Int) -> Int? {
        var end = start
        while end < bytes.count,
            bytes[end].isIdentifierContinue
                || (bytes[end] == UInt8(ascii: "-") && end + 1 < bytes.count && bytes[end + 1].isIdentifierContinue)
        {
            end += 1
        }
        // Shorter than `YYYY-MM`: an ordinary number (most), no String made.
        guard end - start >= 7 else { return nil }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        return Suggestion.dateForLookalikes(word) == nil ? nil : end
    }

    private mutating func lexDate() {
        let start = position
        func digitRun(from index: Int) -> Int {
            var end = index
            while end < bytes.count, bytes[end].isDigit { end += 1 }
            return end
        }
        let monthStart = start + 5
        let monthEnd = digitRun(from: monthStart)
        var end = monthEnd
        var dayRange: Range<Int>?
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "-"), bytes[end + 1].isDigit {
            let dayEnd = digitRun(from: end + 1)
            dayRange = (end + 1)..<dayEnd
            end = dayEnd
        }
        while end < bytes.count, bytes[end].isIdentifierContinue || bytes[end] == UInt8(ascii: ".") {
            end += 1
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let wellFormed =
            monthEnd - monthStart == 2 && (dayRange.map { $0.count == 2 } ?? true)
            && end == (dayRange?.upperBound ?? monthEnd)
        guard wellFormed else {
            fail(.malformedDate(text), from: start, to: end, help: "write dates as `YYYY-MM` or `YYYY-MM-DD`")
            return
        }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self))! }
        let year = number(start..<start + 4)
        let month = number(monthStart..<monthEnd)
        let day = dayRange.map(number)
        if let date = CalendarDate(year: year, month: month, day: day) {
            emit(.date(date), from: start, to: end)
            return
        }
        let help: String
        if !(1...12).contains(month) {
            help = "months run from 01 to 12"
        } else if year < 1 {
            help = "years run from 0001 to 9999"
        } else {
            let days = CalendarDate.daysIn(year: year, month: month)
            help = "\(CalendarDateText.monthNames[month - 1]) \(year) has \(days) days"
        }
        fail(.invalidDate(text), from: start, to: end, help: help)
    }

    private func nextScalarBoundary(after index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0b1100_0000 == 0b1000_0000 { end += 1 }
        return end
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    fileprivate var isIdentifierStart: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z")) || self == UInt8(ascii: "_")
    }
    fileprivate var isIdentifierContinue: Bool { isIdentifierStart || isDigit }
}
