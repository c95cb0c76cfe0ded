import R2Model

/// Why a scenario cannot be simulated: a missing required input, an index out
/// of range, a malformed distribution. `path` names the input
/// (`r2.start`, `timeline[3]`, `events[1].changes[0]`).
public struct CompileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
