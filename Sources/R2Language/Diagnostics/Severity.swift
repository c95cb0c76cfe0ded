/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable {
    case error
    case warning
    case note
}
