/// A problem found in a source file: a catalogue message, the span it is
/// about, and optional help (shown after the carets) and note (shown below).
public struct Diagnostic: Hashable, Sendable, Error {
    public var message: DiagnosticMessage
    public var file: SourceFile
    public var range: SourceRange
    /// Shown after the carets, such as "did you mean `h800`?".
    public var help: String?
    /// Shown on a line of its own below the source, as `= note: ...`.
    public var note: String?

    public init(
        _ message: DiagnosticMessage, in file: SourceFile, at range: SourceRange,
        help: String? = nil, note: String? = nil
    ) {
        self.message = message
        self.file = file
        self.range = range
        self.help = help
        self.note = note
    }

    public var id: String { message.id }
    public var severity: Severity { message.severity }
    /// Line and column where the diagnostic starts.
    public var location: SourceLocation { file.location(of: range.start) }
}

/// A diagnostic not yet tied to a file, thrown while parsing or elaborating
/// one statement.
struct Failure: Error, Hashable, Sendable {
    var message: DiagnosticMessage
    var range: SourceRange
    var help: String?
    var note: String?
    /// Errors found in the same statement's other parts (`Failures`),
    /// reported after this one.
    var others: [Failure] = []
    /// A probability above 100% that may be a percentage written without
    /// its `%` (`pressure 50`): when the source shows a bare number from 1
    /// to 100, the help starts with "did you mean `50%`?". Only the text
    /// tells `50` from `5000%`, both the number 50.
    var mayLackPercent = false

    init(_ message: DiagnosticMessage, at range: SourceRange, help: String? = nil, note: String? = nil) {
        self.message = message
        self.range = range
        self.help = help
        self.note = note
    }

    func diagnostic(in file: SourceFile) -> Diagnostic {
        var help = self.help
        if mayLackPercent, let written = Self.bareNumber(file.text(in: range)) {
            help = "did you mean `\(written)%`?" + (help.map { " " + $0 } ?? "")
        }
        return Diagnostic(message, in: file, at: range, help: help, note: note)
    }

    /// `text` when it is a number written with digits and at most one `.`
    /// alone (no `%`, suffix or exponent), from 1 to 100.
    static func bareNumber(_ text: String) -> String? {
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
            text.filter({ $0 == "." }).count <= 1, let value = Double(text), value >= 1, value <= 100
        else { return nil }
        return text
    }
}

/// The errors of a statement's independent parts (a chip's `perf` and
/// `fail`, the clauses of `r2`, an event's probability, window and
/// changes), so that one run reports them all; the statement still
/// applies all or nothing.
struct Failures {
    private(set) var list: [Failure] = []

    /// The value of `body`, or nil with its failure kept.
    mutating func attempt<T>(_ body: () throws(Failure) -> T) -> T? {
        do {
            return try body()
        } catch {
            list.append(error)
            list += error.others
            return nil
        }
    }

    /// Keeps a failure found without running a part.
    mutating func add(_ failure: Failure) {
        list.append(failure)
    }

    /// Throws the first failure (in source order) with the others attached.
    func check() throws(Failure) {
        // By position, ties in the order found.
        let sorted = list.enumerated().sorted {
            ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset)
        }
        .map(\.element)
        guard var first = sorted.first else { return }
        first.others = Array(sorted.dropFirst()).map { f in
            var f = f
            f.others = []
            return f
        }
        throw first
    }
}
