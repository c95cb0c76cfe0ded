/// Reads source text into statements.
public enum Parser {
    /// Every statement of `file` in source order, or the diagnostic that
    /// stopped it; a statement with an error does not stop the ones after it.
    public static func parse(_ file: SourceFile) -> [Result<ParsedStatement, Diagnostic>] {
        let lexer = Lexer.tokenize(file.text)
        let (groups, _) = StatementSplitter.split(lexer.tokens)
        return groups.map { tokens in
            if let failure = firstLexicalFailure(in: tokens, lexer) {
                return .failure(failure.diagnostic(in: file))
            }
            var parser = StatementParser(file: file, tokens: tokens)
            do throws(Failure) {
                return .success(try parser.parseTopLevel())
            } catch {
                return .failure(error.diagnostic(in: file))
            }
        }
    }

    /// True when `text` (what has been typed so far) is an unfinished
    /// statement that continues on the next line: it ends with `\`, inside
    /// an unclosed `(`, or with `:` `;` `,` an operator, `to`, `and`,
    /// `from` or `between` (see `StatementSplitter`).
    public static func needsContinuation(_ text: String) -> Bool {
        let lexer = Lexer.tokenize(text)
        if lexer.endsWithBackslash { return true }
        return StatementSplitter.split(lexer.tokens).openAtEnd
    }

    private static func firstLexicalFailure(in tokens: [Token], _ lexer: Lexer) -> Failure? {
        for token in tokens {
            if case .invalid(let index) = token.kind { return lexer.failures[index] }
        }
        return nil
    }
}
