import Foundation
import R2Engine
import R2Language
import R2Model

/// A scenario to benchmark: its source text, and the scenario current at
/// the end of it, parsed and compiled.
public struct Workload: Sendable {
    public var name: String
    /// Where the text came from (a path, or `<synthetic>`).
    public var origin: String
    public var text: String
    public var scenario: Scenario
    public var compiled: CompiledScenario
    /// The seconds of the compile above: the first of the scenario in this
    /// process, which also builds the engine's tables for its distributions.
    public var firstCompileSeconds: Double

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `text` and compiles its current scenario; fails on any diagnostic.
    public init(name: String, origin: String, text: String) throws(Failure) {
        let (scenario, problems) = Workload.parse(text, origin: origin)
        guard problems.isEmpty, let scenario else {
            throw Failure(description: problems.first ?? "\(origin): no scenario")
        }
        do {
            (compiled, firstCompileSeconds) = try Stopwatch.time { () throws(CompileError) in
                try Engine.compile(scenario)
            }
        } catch {
            throw Failure(description: "\(origin): scenario `\(scenario.name)` cannot be simulated: \(error)")
        }
        self.name = name
        self.origin = origin
        self.text = text
        self.scenario = scenario
    }

    /// A scenario file (queries in it are resolved, not run).
    public static func file(_ path: String, name: String) throws(Failure) -> Workload {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        return try Workload(name: name, origin: path, text: String(decoding: data, as: UTF8.self))
    }

    /// The baseline of model v1 (`BaselineV1`), which the hand-written loops implement.
    public static func baselineV1() throws(Failure) -> Workload {
        try Workload(name: "baseline v1", origin: "<baseline v1>", text: BaselineV1.text)
    }

    /// The same scenario without the sector (no `sector` statement, no
    /// base): what the sector costs is the difference.
    func withoutSector() throws(Failure) -> Workload {
        var w = self
        w.name = name + " without the sector"
        func isSector(_ e: TimelineEntry) -> Bool {
            switch e.target {
            case .sectorPressure, .chip(_, .ship), .chip(_, .sectorMake): return true
            default: return false
            }
        }
        w.scenario.timeline.removeAll(where: isSector)
        for i in w.scenario.events.indices { w.scenario.events[i].changes.removeAll(where: isSector) }
        for c in w.scenario.chips.indices { w.scenario.chips[c].base = .constant(0) }
        do {
            w.compiled = try Engine.compile(w.scenario)
        } catch {
            throw Failure(description: "\(origin) without the sector cannot be simulated: \(error)")
        }
        return w
    }

    /// The large synthetic scenario (`SyntheticScenario`).
    public static func synthetic() throws(Failure) -> Workload {
        try Workload(name: "synthetic", origin: "<synthetic>", text: SyntheticScenario.text)
    }

    /// Parsing and elaboration of `text`: the scenario current at the end,
    /// and the rendered diagnostics.
    static func parse(_ text: String, origin: String) -> (Scenario?, [String]) {
        var workspace = Workspace()
        var problems: [String] = []
        for item in workspace.evaluate(SourceFile(name: origin, text: text)) {
            if case .diagnostic(let d) = item, d.severity == .error { problems.append(d.render(colors: false)) }
        }
        return (workspace.currentScenario, problems)
    }

    /// Seconds to parse and elaborate the text, best of `repetitions`.
    public func parseSeconds(repetitions: Int) -> Double {
        Stopwatch.best(of: repetitions) { _ = Workload.parse(text, origin: origin) }
    }

    /// Seconds to compile the scenario, best of `repetitions`.
    public func compileSeconds(repetitions: Int) -> Double {
        Stopwatch.best(of: repetitions) { _ = try? Engine.compile(scenario) }
    }

    /// The same scenario with a clock of `months` steps from the same start
    /// (compiled anew; events and timelines keep their dates).
    func lengthened(toMonths months: Int) throws(Failure) -> Workload {
        var w = self
        w.scenario.clock.end = scenario.clock.start + months - 1
        do {
            w.compiled = try Engine.compile(w.scenario)
        } catch {
            throw Failure(description: "\(origin): a clock of \(months) months cannot be simulated: \(error)")
        }
        return w
    }

    /// T, the monthly steps of the clock.
    public var steps: Int { compiled.steps }
}
