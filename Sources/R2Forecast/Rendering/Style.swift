/// How text output is decorated: ANSI colour on a terminal, plain otherwise.
public struct Style: Sendable {
    public var colors: Bool
    /// Columns available for plots and tables.
    public var width: Int

    public init(colors: Bool = false, width: Int = 80) {
        self.colors = colors
        self.width = width
    }

    public static let plain = Style()

    /// Colour is used only on a terminal, never with NO_COLOR set or TERM=dumb.
    public static func colorsAllowed(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func red(_ s: String) -> String { wrap(s, "31") }
    public func green(_ s: String) -> String { wrap(s, "32") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func cyan(_ s: String) -> String { wrap(s, "36") }

    private func wrap(_ s: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
