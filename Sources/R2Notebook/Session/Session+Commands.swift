import Foundation
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// The REPL's commands, for completion and `:help`.
    public static let commandNames = [
        ":help", ":load", ":save", ":export", ":cells", ":edit", ":rerun", ":scenarios", ":lets", ":use", ":set",
        ":time",
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
        /// The cells `:rerun` made, in order (`cell` is the last).
        public var cells: [Cell] = []
    }

    /// Runs a `:command` line. Commands never end the session except `:quit`.
    public func runCommand(_ line: String) -> CommandResult {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = parts.first.map { Self.commandAliases[$0] ?? $0 } ?? ":"
        let args = Array(parts.dropFirst())
        let rest = line.drop(while: { $0 != " " }).drop(while: { $0 == " " })
        var argument = String(rest)
        // `:load "my file.r2s"`: a path quoted, as `include` takes one.
        if argument.count >= 2, argument.hasPrefix("\""), argument.hasSuffix("\"") {
            argument = String(argument.dropFirst().dropLast())
        }
        switch name {
        case ":quit":
            return CommandResult(cell: nil, quit: true)
        case ":load":
            guard !argument.isEmpty else { return commandCell(line, error: "usage: :load FILE") }
            return CommandResult(cell: load(path: argument))
        case ":rerun":
            return rerun(args, line)
        case ":edit":
            // The REPL handles `:edit` on a terminal; elsewhere there is no line editor.
            return commandCell(
                line,
                error:
                    "`:edit N` puts cell N back into the line editor, which needs a terminal; `:rerun N` runs it again")
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

    /// `:rerun N`, `:rerun N-M`, `:rerun all`: the statement cells among
    /// them run again in order, as new cells; a loaded file is loaded again
    /// (a reload); commands are skipped. `all` is the cells typed or loaded,
    /// not the copies earlier reruns made: otherwise each `:rerun all`
    /// would double the notebook (ten of them, a thousand times the work).
    private func rerun(_ args: [String], _ line: String) -> CommandResult {
        let usage = "usage: :rerun N | N-M | all (cell numbers; see :cells)"
        guard args.count == 1 else { return commandCell(line, error: usage) }
        let last = notebook.nextNumber - 1
        let all = args[0] == "all"
        let numbers: ClosedRange<Int>
        if all {
            guard last >= 1 else { return commandCell(line, error: "there are no cells yet") }
            numbers = 1...last
        } else {
            let ends = args[0].split(separator: "-", omittingEmptySubsequences: false).map {
                Int($0.hasPrefix("_") ? String($0.dropFirst()) : String($0))
            }
            guard (1...2).contains(ends.count), let a = ends.first!, let b = ends.last! else {
                return commandCell(line, error: usage)
            }
            guard a <= b else { return commandCell(line, error: "\(a)-\(b) runs backwards: write :rerun \(b)-\(a)") }
            numbers = a...b
            if ends.count == 1, let cell = notebook.cell(a), cell.kind == .command {
                return commandCell(line, error: "cell \(a) is a command; rerun re-evaluates statements")
            }
        }
        let targets = notebook.cells.filter {
            numbers.contains($0.number) && $0.kind != .command && !(all && $0.isRerun)
        }
        guard !targets.isEmpty else {
            let range =
                numbers.count == 1
                ? "cell \(numbers.lowerBound)" : "cells \(numbers.lowerBound) to \(numbers.upperBound)"
            return commandCell(
                line, error: "there is no \(range) to rerun" + (last >= 1 ? ": cells are numbered 1 to \(last)" : ""))
        }
        var made: [Cell] = []
        for target in targets {
            var cell: Cell
            if case .loaded(let path) = target.kind {
                cell = load(path: path)
            } else {
                cell = evaluateCell(target.input)
            }
            cell.isRerun = true
            notebook.markRerun(cell.number)
            made.append(cell)
            // Ctrl-C stops the whole rerun, not one cell.
            if cell.outputs.contains(where: { $0.isError && $0.plainText == "cancelled" }) { break }
        }
        return CommandResult(cell: made.last, cells: made)
    }

    /// Commands whose result is only text.
    private func commandText(_ name: String, args: [String], argument: String) -> (String?, String?) {
        switch name {
        case ":help":
            return help(argument)
        case ":cells":
            return (notebook.listing(), nil)
        case ":lets":
            return (letsListing(), nil)
        case ":scenarios":
            let names = workspace.scenarioNames
            if names.isEmpty { return ("no scenarios yet", nil) }
            return (
                workspace.scenarios.map { s in
                    (s.name == currentScenarioName ? "* " : "  ") + s.name + (s.parent.map { "  (from \($0))" } ?? "")
                        + "  \(s.chips.count) chips, \(s.events.count) events"
                        + ((observations[s.name]?.isEmpty ?? true)
                            ? "" : ", \(observations[s.name]!.count) observations")
                }.joined(separator: "\n"), nil
            )
        case ":use":
            guard let target = args.first else { return (nil, "usage: :use SCENARIO") }
            let items = workspace.evaluate("use \(target)", name: ":use")
            if case .diagnostic(let d) = items.first { return (nil, d.render(colors: false)) }
            return ("now in \(target)", nil)
        case ":set":
            return set(args)
        case ":reset":
            let dropped = notebook.cells.count
            workspace = Workspace(tailSampler: workspace.tailSampler)
            observations = [:]
            cache = [:]
            reports = [:]
            lastTornado = nil
            expectationResults = []
            notebook = Notebook()
            return (
                "the workspace is empty and \(dropped) cell\(dropped == 1 ? "" : "s") dropped (history is kept)", nil
            )
        case ":save":
            guard !argument.isEmpty else { return (nil, "usage: :save FILE") }
            do {
                let loader = self.loader
                // `:set trials` and `:set seed` override every scenario and
                // no statement can: the header says how to run at them.
                var flags: [String] = []
                if let n = configuration.trials { flags.append("--trials \(n)") }
                if let s = configuration.seed { flags.append("--seed \(s)") }
                var header = "r2cast session saved \(Session.timestamp())"
                if !flags.isEmpty {
                    header +=
                        "\n# The session's `:set` overrides the scenarios' trials or seed: run this file with "
                        + "`r2cast run FILE \(flags.joined(separator: " "))` for its numbers."
                }
                let file = notebook.scenarioFile(
                    header: header, path: argument,
                    isIncludedLater: { self.workspace.skippedIncludes.contains(loader.identity(of: $0)) },
                    identity: { loader.identity(of: $0) })
                try AtomicFile.write(file, to: argument)
                return (
                    "saved \(notebook.cells.filter { $0.kind != .command && !$0.failed }.count) cells to \(argument)",
                    nil
                )
            } catch { return (nil, error.description) }
        case ":export":
            guard !argument.isEmpty else { return (nil, "usage: :export FILE.md | FILE.ipynb") }
            if argument.lowercased().hasSuffix(".ipynb") {
                do {
                    try AtomicFile.write(
                        notebook.ipynb(title: "r2cast notebook, \(Session.timestamp())", path: argument), to: argument)
                } catch { return (nil, error.description) }
                return (
                    "exported \(notebook.ipynbCells.count) cells to \(argument) (a Jupyter notebook)",
                    nil
                )
            }
            guard argument.lowercased().hasSuffix(".md") else {
                // A `.txt` or `.html` would hold Markdown under a name that says otherwise.
                let name = argument.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
                let stem =
                    name.lastIndex(of: ".").map { argument.dropLast(name.distance(from: $0, to: name.endIndex)) }
                    ?? Substring(argument)
                return (
                    nil,
                    "`:export` writes Markdown (FILE.md) or a Jupyter notebook (FILE.ipynb); did you mean `:export \(stem).md`?"
                )
            }
            return export(to: argument)
        default:
            let suggestion = Suggestion.nearest(to: name, in: Session.commandNames)
            return (
                nil,
                "unknown command \(name)" + (suggestion.map { "; did you mean \($0)?" } ?? "; :help lists the commands")
            )
        }
    }

    private func commandCell(_ line: String, text: String) -> CommandResult {
        let cell = Cell(
            number: notebook.nextNumber, kind: .command, input: line, outputs: [CellOutput(plainText: text)],
            scenario: currentScenarioName)
        notebook.append(cell)
        return CommandResult(cell: cell)
    }

    private func commandCell(_ line: String, error: String) -> CommandResult {
        let message = error.hasPrefix("error") ? error : "error: " + error
        let cell = Cell(
            number: notebook.nextNumber, kind: .command, input: line,
            outputs: [errorOutput(message, id: "command.error")], failed: true,
            scenario: currentScenarioName)
        notebook.append(cell)
        return CommandResult(cell: cell)
    }

    private func set(_ args: [String]) -> (String?, String?) {
        if args.isEmpty {
            let trials =
                configuration.trials.map { Format.count($0) + " (overrides the scenarios' own)" }
                ?? "each scenario's own (`trials`, default 20,000)"
            let seed =
                configuration.seed.map { "\($0) (overrides the scenarios' own)" }
                ?? "each scenario's own (`seed`, default 1)"
            return (
                [
                    "trials   \(trials)", "seed     \(seed)",
                    "threads  \(configuration.threads) (results do not depend on it)",
                    "time     \(configuration.showsTime ? "on" : "off") (`:time` switches it)",
                ].joined(separator: "\n"), nil
            )
        }
        guard args.count == 2 else {
            return (nil, "usage: :set trials N | seed N | threads N (`:set` alone shows them)")
        }
        let allowed = Self.settingRanges[args[0]]
        guard let n = CountText.parse(args[1]) else {
            // `-5` is a whole number, only not one a setting takes.
            if let allowed, args[1].hasPrefix("-"), CountText.parse(String(args[1].dropFirst())) != nil {
                return (nil, "\(args[0]) must be \(allowed.text), not \(args[1])")
            }
            return (nil, "`\(args[1])` is not a whole number")
        }
        if let allowed, !allowed.range.contains(n) { return (nil, "\(args[0]) must be \(allowed.text)") }
        switch args[0] {
        case "trials":
            configuration.trials = n
            return ("trials \(Format.count(n)) (overrides the scenarios' own)", nil)
        case "seed":
            configuration.seed = UInt64(n)
            return ("seed \(n)", nil)
        case "threads":
            configuration.threads = n
            return ("threads \(n) (results do not depend on it)", nil)
        default:
            return (nil, "unknown setting `\(args[0])`: trials, seed or threads")
        }
    }

    /// What each `:set` takes, for its check and its message.
    private static let settingRanges: [String: (range: ClosedRange<Int>, text: String)] = [
        "trials": (1...Scenario.maximumTrials, "between 1 and \(Format.count(Scenario.maximumTrials))"),
        "seed": (0...Int.max, "0 or more"),
        "threads": (1...256, "between 1 and 256"),
    ]

    private func help(_ topic: String) -> (String?, String?) {
        if topic.isEmpty {
            var lines = ["Statements and queries (`:help TOPIC` for one):"]
            for category in HelpTopic.Category.allCases {
                let names = HelpCatalogue.topics.filter { $0.category == category }.map(\.name)
                lines.append("  \(category.rawValue): " + names.joined(separator: ", "))
            }
            lines.append("Commands (`:help :load` for one): " + Session.commandNames.joined(separator: " "))
            lines.append("  :load FILE  :save FILE  :export FILE.md|FILE.ipynb  :cells  :edit N  :rerun N|N-M|all")
            lines.append(
                "  :scenarios  :lets  :use NAME  :set [trials|seed|threads N]  :time  :reset  :quit (or Ctrl-D)")
            lines.append("  `_` shows the last result, `_N` the output of cell N.")
            return (lines.joined(separator: "\n").fitted(width: max(40, configuration.style.width - 1), hang: 4), nil)
        }
        let width = max(40, configuration.style.width - 1)
        if !topic.hasPrefix(":"), let t = HelpCatalogue.topic(named: topic) {
            return (t.text(width: width).fitted(width: width, hang: 4), nil)
        }
        if let text = Self.commandHelpText(topic, width: width) { return (text, nil) }
        let suggestion =
            topic.hasPrefix(":")
            ? Suggestion.nearest(to: topic, in: Session.commandNames) : HelpCatalogue.suggestion(for: topic)
        return (
            nil, "no help topic `\(topic)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "; `:help` lists them")
        )
    }

    private func export(to path: String) -> (String?, String?) {
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let (document, plots) = notebook.markdown(title: "r2cast notebook, \(Session.timestamp())") { cell, i in
            "\(base)-cell\(cell)-\(i).svg"
        }
        do {
            for plot in plots { try AtomicFile.write(plot.svg, to: folder + "/" + plot.name) }
            try AtomicFile.write(document, to: path)
        } catch { return (nil, error.description) }
        return (
            "exported \(notebook.cells.filter { $0.kind != .command }.count) cells to \(path)"
                + (plots.isEmpty ? "" : " with \(plots.count) plot\(plots.count == 1 ? "" : "s")"), nil
        )
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime]
        return f.string(from: Date())
    }
}
