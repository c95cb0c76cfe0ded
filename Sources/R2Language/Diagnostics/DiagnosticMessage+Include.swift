// The catalogue, part 3: `include`.
extension DiagnosticMessage {
    static func cannotInclude(_ path: String, _ reason: String) -> Self {
        Self(id: "cannot-include", text: "cannot include `\(path)`: \(reason)")
    }
    static func includeCycle(_ chain: [String]) -> Self {
        Self(id: "include-cycle", text: "include cycle: " + chain.joined(separator: " → "))
    }
    static let includeUnavailable = Self(
        id: "include-unavailable", text: "`include` cannot read files here")
}

extension Diagnostic {
    /// The diagnostic with a note naming the include that brought its file
    /// in (`location` is that statement's `file:line:column`); an include of
    /// an include adds to the note, outermost last.
    func included(from location: String) -> Diagnostic {
        var diagnostic = self
        let step = "included from \(location)"
        switch note {
        case nil: diagnostic.note = step
        case let note? where note.contains("included from "): diagnostic.note = note + ", itself " + step
        case let note?: diagnostic.note = note + "; " + step
        }
        return diagnostic
    }
}
