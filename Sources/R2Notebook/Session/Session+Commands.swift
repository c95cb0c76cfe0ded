import Foundation
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// The REPL's commands, for completion and `:help`.
    public static let commandNames = [
        ":help", ":load", ":save", ":export", ":cells", ":rerun", ":scenarios", ":use", ":set", ":time",
        ":reset", ":quit",
    ]

    /// Other names of commands: `:q` and `:exit` are `:quit`.
    static let commandAliases = [":q": ":quit", ":exit": ":quit"]

    /// `d`, with "did you mean `:help`?" when it is an unknown statement that
    /// is a command's name without its colon (`help`, `quit`; `exit` and
    /// `q` as `:quit` takes them) and has no other help.
    static func withCommandHelp(_ d: Diagnostic) -> Diagnostic {
        guard d.id == "unknown-statement", d.help == nil else { return d }
        let word = d.file.text(in: d.range).lowercased()
        let command = commandAliases[":" + word] ?? ":" + word
        guard commandNames.contains(command) else { return d }
        var withHelp = d
        withHelp.help = "did you mean `\(command)`? commands start with `:`"
        return withHelp
    }

    /// What a command did: its cell (nil for none) and whether to leave.
    public struct CommandResult {
        public var cell: Cell?
        public var quit = false
    }

    /// Runs a `:command` line. Commands never end the session except `:quit`.
    public func runCommand(_ line: String) -> CommandResult {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = parts.first.map { Self.commandAliases[$0] ?? $0 } ?? ":"
        let args = Array(parts.dropFirst())
        let rest = line.drop(while: { $0 != " " }).drop(while: { $0 == " " })
        let argument = String(rest)
        switch name {
        case ":quit":
            return CommandResult(cell: nil, quit: true)
        case ":load":
            guard !argument.isEmpty else { return commandCell(line, error: "usage: :load FILE") }
            return CommandResult(cell: load(path: argument))
        case ":rerun":
            guard let n = args.first.flatMap({ Int($0.hasPrefix("_") ? String($0.dropFirst()) : $0) }) else {
                return commandCell(line, error: "usage: :rerun N (a cell number; see :cells)")
            }
            guard let cell = notebook.cell(n) else {
                return commandCell(line, error: "there is no cell \(n)" + (notebook.cells.isEmpty ? "" : ": cells are numbered 1 to \(notebook.nextNumber - 1)"))
            }
            guard cell.kind != .command else { return commandCell(line, error: "cell \(n) is a command; rerun re-evaluates statements") }
            return CommandResult(cell: evaluateCell(cell.input))
        case ":time":
            configuration.showsTime.toggle()
            return commandCell(line, text: "run times " + (configuration.showsTime ? "on" : "off"))
        default:
            break
        }
        let (text, error) = commandText(name, args: args, argument: argument)
        if let error { return commandCell(line, error: error) }
        return commandCell(line, text: text ?? "")
    }

    /// Commands whose result is only text.
    private func commandText(_ name: String, args: [String], argument: String) -> (String?, String?) {
        switch name {
        case ":help":
            return help(argument)
        case ":cells":
            return (notebook.listing(), nil)
        case ":scenarios":
            let names = workspace.scenarioNames
            if names.isEmpty { return ("no scenarios yet", nil) }
            return (workspace.scenarios.map { s in
                (s.name == currentScenarioName ? "* " : "  ") + s.name + (s.parent.map { "  (from \($0))" } ?? "")
                    + "  \(s.chips.count) chips, \(s.events.count) events" + ((observations[s.name]?.isEmpty ?? true) ? "" : ", \(observations[s.name]!.count) observations")
            }.joined(separator: "\n"), nil)
        case ":use":
            guard let target = args.first else { return (nil, "usage: :use SCENARIO") }
            let items = workspace.evaluate("use \(target)", name: ":use")
            if case .diagnostic(let d) = items.first { return (nil, d.render(colors: false)) }
            return ("now in \(target)", nil)
        case ":set":
            return set(args)
        case ":reset":
            workspace = Workspace(tailSampler: workspace.tailSampler)
            observations = [:]
            cache = [:]
            reports = [:]
            lastTornado = nil
            return ("the workspace is empty (cells and history are kept)", nil)
        case ":save":
            guard !argument.isEmpty else { return (nil, "usage: :save FILE") }
            do {
                let loader = FileSourceLoader()
                let file = notebook.scenarioFile(
                    header: "r2cast session saved \(Session.timestamp())", path: argument,
                    isIncludedLater: { self.workspace.skippedIncludes.contains(loader.identity(of: $0)) })
                try AtomicFile.write(file, to: argument)
                return ("saved \(notebook.cells.filter { $0.kind != .command && !$0.failed }.count) cells to \(argument)", nil)
            } catch { return (nil, error.description) }
        case ":export":
            guard !argument.isEmpty else { return (nil, "usage: :export FILE.md") }
            return export(to: argument)
        default:
            let suggestion = Suggestion.nearest(to: name, in: Session.commandNames)
            return (nil, "unknown command \(name)" + (suggestion.map { "; did you mean \($0)?" } ?? "; :help lists the commands"))
        }
    }

    private func commandCell(_ line: String, text: String) -> CommandResult {
        let cell = Cell(number: notebook.nextNumber, kind: .command, input: line, outputs: [CellOutput(plainText: text)], scenario: currentScenarioName)
        notebook.append(cell)
        return CommandResult(cell: cell)
    }

    private func commandCell(_ line: String, error: String) -> CommandResult {
        let message = error.hasPrefix("error") ? error : "error: " + error
        let cell = Cell(number: notebook.nextNumber, kind: .command, input: line, outputs: [errorOutput(message)], failed: true, scenario: currentScenarioName)
        notebook.append(cell)
        return CommandResult(cell: cell)
    }

    private func set(_ args: [String]) -> (String?, String?) {
        guard args.count == 2 else { return (nil, "usage: :set trials N | seed N | threads N") }
        guard let n = CountText.parse(args[1]) else { return (nil, "`\(args[1])` is not a whole number") }
        switch args[0] {
        case "trials":
            guard (1...Scenario.maximumTrials).contains(n) else {
                return (nil, "trials must be between 1 and \(Format.count(Scenario.maximumTrials))")
            }
            configuration.trials = n
            return ("trials \(Format.count(n)) (overrides the scenarios' own)", nil)
        case "seed":
            guard n >= 0 else { return (nil, "a seed is a whole number >= 0") }
            configuration.seed = UInt64(n)
            return ("seed \(n)", nil)
        case "threads":
            guard (1...256).contains(n) else { return (nil, "threads must be between 1 and 256") }
            configuration.threads = n
            return ("threads \(n) (results do not depend on it)", nil)
        default:
            return (nil, "unknown setting `\(args[0])`: trials, seed or threads")
        }
    }

    private func help(_ topic: String) -> (String?, String?) {
        if topic.isEmpty {
            var lines = ["Statements and queries (`:help TOPIC` for one):"]
            for category in HelpTopic.Category.allCases {
                let names = HelpCatalogue.topics.filter { $0.category == category }.map(\.name)
                lines.append("  \(category.rawValue): " + names.joined(separator: ", "))
            }
            lines.append("Commands: " + Session.commandNames.joined(separator: " "))
            lines.append("  :load FILE  :save FILE  :export FILE.md  :cells  :rerun N  :scenarios  :use NAME")
            lines.append("  :set trials|seed|threads N  :time  :reset  :quit (or Ctrl-D)")
            lines.append("  `_` shows the last result, `_N` the output of cell N.")
            return (lines.joined(separator: "\n"), nil)
        }
        if let t = HelpCatalogue.topic(named: topic) { return (t.text(width: max(40, configuration.style.width - 1)), nil) }
        let suggestion = HelpCatalogue.suggestion(for: topic)
        return (nil, "no help topic `\(topic)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "; `:help` lists them"))
    }

    private func export(to path: String) -> (String?, String?) {
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let (document, plots) = notebook.markdown(title: "r2cast notebook, \(Session.timestamp())") { cell, i in "\(base)-cell\(cell)-\(i).svg" }
        do {
            for plot in plots { try AtomicFile.write(plot.svg, to: folder + "/" + plot.name) }
            try AtomicFile.write(document, to: path)
        } catch { return (nil, error.description) }
        return ("exported \(notebook.cells.filter { $0.kind != .command }.count) cells to \(path)" + (plots.isEmpty ? "" : " with \(plots.count) plot\(plots.count == 1 ? "" : "s")"), nil)
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime]
        return f.string(from: Date())
    }
}
