/// One message of the diagnostic catalogue (`DiagnosticMessage+Catalogue`):
/// a stable id, a severity and the text shown after `error:`.
public struct DiagnosticMessage: Hashable, Sendable {
    /// A stable, machine-readable name such as `unknown-chip`.
    public var id: String
    public var severity: Severity
    public var text: String

    public init(id: String, severity: Severity = .error, text: String) {
        self.id = id
        self.severity = severity
        self.text = text
    }
}
