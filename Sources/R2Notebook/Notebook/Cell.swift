import R2Forecast

/// One evaluated input of a session: what was typed (or loaded), what it
/// printed, and whether it failed.
public struct Cell: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Statements typed at the prompt (possibly several lines).
        case statements
        /// A file loaded with `:load` or on the command line; `input` holds its text.
        case loaded(path: String)
        /// A `:command`.
        case command
    }

    public var number: Int
    public var kind: Kind
    public var input: String
    /// What the cell printed, without colour, in order.
    public var outputs: [CellOutput]
    public var failed: Bool
    /// The scenario current when the cell ran.
    public var scenario: String
    /// Made by `:rerun` (a copy of an earlier cell): `:rerun all` skips it.
    public var isRerun = false

    public init(
        number: Int, kind: Kind, input: String, outputs: [CellOutput] = [], failed: Bool = false, scenario: String
    ) {
        self.number = number
        self.kind = kind
        self.input = input
        self.outputs = outputs
        self.failed = failed
        self.scenario = scenario
    }

    /// The cell's printed text, all outputs joined.
    public var text: String {
        outputs.map(\.plainText).joined(separator: "\n")
    }
}

/// One output of a cell: its text without and with colour, its JSON form
/// for `--json`, and an SVG plot for the Markdown export when it has one.
public struct CellOutput: Sendable {
    public var plainText: String
    public var styledText: String
    public var json: JSONValue?
    public var svg: String?
    public var isError: Bool
    /// A warning: shown where errors are (standard error, under the cell),
    /// but the cell has not failed.
    public var isWarning: Bool

    public init(
        plainText: String, styledText: String? = nil, json: JSONValue? = nil, svg: String? = nil, isError: Bool = false,
        isWarning: Bool = false
    ) {
        self.plainText = plainText
        self.styledText = styledText ?? plainText
        self.json = json
        self.svg = svg
        self.isError = isError
        self.isWarning = isWarning
    }

    /// An error or a warning: printed apart from the results.
    public var isDiagnostic: Bool { isError || isWarning }
}
