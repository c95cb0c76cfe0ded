import R2Model

/// A lexical token and the source it was read from.
struct Token: Hashable, Sendable {
    var kind: Kind
    var range: SourceRange

    enum Kind: Hashable, Sendable {
        /// A number with any suffix applied (`30%` is 0.3, `2k` is 2000).
        case number(Double)
        case date(CalendarDate)
        case identifier(String)
        /// A quoted string, without its quotes.
        case string(String)
        /// A raw path word after `cite` or after `to` in `plot`.
        case path(String)
        case punctuation(Punctuation)
        case newline
        /// Text that could not be read; `lexer.diagnostics[index]` says why.
        case invalid(Int)
    }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    func isIdentifier(_ word: String) -> Bool { identifier == word }

    func isPunctuation(_ p: Punctuation) -> Bool { kind == .punctuation(p) }
}

enum Punctuation: String, Hashable, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", comma = ",", colon = ":", semicolon = ";"
    case equals = "=", plus = "+", minus = "-", star = "*", slash = "/", at = "@"
    /// `±`, before a precision (`to ±0.5%`).
    case plusMinus = "±"

    /// Operators after which a statement continues on the next line.
    var isOperator: Bool {
        switch self {
        case .equals, .plus, .minus, .star, .slash, .at: return true
        default: return false
        }
    }
}

extension Token.Kind {
    /// How the token is named in "expected ..., found ..." messages.
    var shown: String {
        switch self {
        case .number, .date: return "`\(self.spelling)`"
        case .identifier(let name): return "`\(name)`"
        case .string(let text): return "\"\(text)\""
        case .path(let text): return "`\(text)`"
        case .punctuation(let p): return "`\(p.rawValue)`"
        case .newline: return "the end of the line"
        case .invalid: return "invalid text"
        }
    }

    private var spelling: String {
        switch self {
        case .number(let x): return NumberText.plain(x)
        case .date(let d): return d.description
        default: return ""
        }
    }
}
