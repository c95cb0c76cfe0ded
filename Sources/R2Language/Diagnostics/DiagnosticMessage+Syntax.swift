// The catalogue, part 1: lexical and syntax errors.
extension DiagnosticMessage {
    static func unexpectedCharacter(_ text: String) -> Self {
        Self(id: "unexpected-character", text: "unexpected character `\(text)`")
    }
    static let unterminatedString = Self(id: "unterminated-string", text: "unterminated string")
    static let strayBackslash = Self(
        id: "stray-backslash", text: "`\\` continues a statement only at the end of a line")
    static func malformedNumber(_ text: String) -> Self {
        Self(id: "malformed-number", text: "malformed number `\(text)`")
    }
    static func malformedDate(_ text: String) -> Self {
        Self(id: "malformed-date", text: "malformed date `\(text)`")
    }
    static func invalidDate(_ text: String) -> Self {
        Self(id: "invalid-date", text: "no such date `\(text)`")
    }
    static func unknownStatement(_ word: String) -> Self {
        Self(id: "unknown-statement", text: "unknown statement `\(word)`")
    }
    static let expectedStatement = Self(id: "expected-statement", text: "expected a statement")
    static func expected(_ what: String, found: String) -> Self {
        Self(id: "expected", text: "expected \(what), found \(found)")
    }
    static func unknownUnit(_ word: String) -> Self {
        Self(id: "unknown-unit", text: "unknown unit `\(word)`")
    }
    static func unknownFunction(_ name: String) -> Self {
        Self(id: "unknown-function", text: "unknown function `\(name)`")
    }
    static func wrongArgumentCount(_ function: String, expected: Int, found: Int) -> Self {
        Self(
            id: "argument-count",
            text: "`\(function)` takes \(expected) arguments, found \(found)")
    }
    static func weightOutsideMixture(_ function: String) -> Self {
        Self(id: "weight-outside-mixture", text: "`@ weight` is only for `mixture`, not `\(function)`")
    }
    static let unclosedParenthesis = Self(id: "unclosed-parenthesis", text: "unclosed `(`")
    static func expressionTooLarge(_ limit: Int) -> Self {
        Self(
            id: "expression-too-large",
            text: "this statement's expressions are too large: at most \(limit) operators, signs, parentheses and calls"
        )
    }
    static func duplicateClause(_ clause: String) -> Self {
        Self(id: "duplicate-clause", text: "`\(clause)` is given twice in one statement")
    }
    static func notInEvent(_ keyword: String) -> Self {
        Self(id: "not-in-event", text: "`\(keyword)` cannot change inside an event")
    }
    static let fromInEvent = Self(
        id: "from-in-event", text: "a statement inside an event takes effect from the event's month")
    static func reservedName(_ name: String) -> Self {
        Self(id: "reserved-name", text: "`\(name)` is a reserved word and cannot be a name")
    }
    static let notText = Self(id: "not-text", text: "this is not a text file: it holds a NUL byte")
    static let emptyR2 = Self(id: "empty-r2", text: "`r2` needs at least one clause")
    static let plotPath = Self(id: "plot-path", text: "a plot is written to an `.svg` file")
}
