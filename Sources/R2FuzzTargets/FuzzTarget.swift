import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model
import R2Notebook
import R2REPL

/// The fuzz targets (docs/FUZZING.md): what one input of bytes does to each
/// of r2cast's readers. `r2cast-fuzz` hands libFuzzer's inputs to `run`,
/// and the ordinary test suite replays the seed corpus and every
/// reproducer in Tests/Corpus/fuzz through the same function, so a crash
/// found once stays found. Each target must return for every input: a
/// trap, an out-of-bounds access or a hang is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Lexing, parsing and elaboration of a file with includes, then the
    /// compilation of every scenario it declares and a short run of each.
    case language
    /// The shard-part reader: decoding, the consistency checks, a merge and
    /// the report of the merged run.
    case shard
    /// The REPL's reading of lines: continuation, `:commands`, cells and
    /// completion at every line's end and middle.
    case command
    /// `r2cast protocol`'s request reader and dispatch.
    case `protocol`

    /// Runs one input through the target.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .language: Self.language(bytes)
        case .shard: Self.shard(bytes)
        case .command: Self.command(bytes)
        case .protocol: Self.protocolRequests(bytes)
        }
    }

    /// The same for bytes in an array (the test suite's replay).
    public func run(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { run($0) }
    }

    // MARK: Language

    /// The input is a main file followed by files it may include, each
    /// after a line `#%% NAME` (a comment to the language, so a seed stays
    /// a valid scenario file).
    static func language(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        let (main, files) = MemoryFiles.split(text)
        let loader = MemoryFiles(files: files)
        var workspace = Workspace()
        let items = workspace.evaluate(SourceFile(name: "main.r2s", text: main, path: "main.r2s"), loader: loader)
        for case .diagnostic(let d) in items {
            _ = d.render(width: 70)
        }
        for scenario in workspace.scenarios {
            guard let compiled = try? Engine.compile(scenario) else { continue }
            // A short run: 32 trials (two groups of lanes) over clocks of up
            // to 40 years; the clock's months bound the time a trial takes.
            guard compiled.steps <= 480 else { continue }
            var options = SimulationOptions(trials: 32, seed: 7, threads: 1)
            options.sectorWindows = []
            if let result = try? Engine.run(compiled, options: options) {
                _ = ForecastReport(result: result, scenario: scenario.name).text()
            }
        }
    }

    // MARK: Shard parts

    static func shard(_ bytes: UnsafeRawBufferPointer) {
        guard let file = try? ShardFile.decode(Data(bytes), path: "part.json") else { return }
        guard let (_, merged) = try? ShardMerger.merge([("part.json", file)]) else { return }
        let report = ForecastReport(result: merged, scenario: file.scenario)
        _ = report.text()
        _ = report.json
    }

    // MARK: The REPL's lines

    static func command(_ bytes: UnsafeRawBufferPointer) {
        let session = Self.session()
        let completer = Completer(session: session)
        var buffer = ""
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            // Completion at the end of the line and in its middle, as Tab would.
            _ = completer.complete(line: line, cursor: line.utf8.count)
            _ = completer.complete(line: line, cursor: line.utf8.count / 2)
            // As REPL.readStatement assembles a statement from lines.
            buffer += buffer.isEmpty ? line : "\n" + line
            let trimmed = buffer.trimmingCharacters(in: .whitespaces)
            if !trimmed.hasPrefix(":") && Parser.needsContinuation(buffer) { continue }
            defer { buffer = "" }
            guard Self.isHarmless(trimmed) else { continue }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix(":") {
                if session.runCommand(trimmed).quit { return }
            } else {
                _ = session.evaluateCell(buffer)
            }
        }
    }

    // MARK: Protocol requests

    static func protocolRequests(_ bytes: UnsafeRawBufferPointer) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter { line in
            // The same reading the server does, to keep out what the harness forbids.
            let code = ProtocolServer.code(of: line) ?? ""
            return Self.isHarmless(code.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let server = ProtocolServer(session: Self.session()) { _ in }
        let feed = LineFeed(lines)
        _ = server.run { feed.next() }
    }

    // MARK: The harness's limits

    /// A session as the REPL's, with files in memory and few trials: a
    /// fuzz input runs in milliseconds, not seconds.
    static func session() -> Session {
        let session = Session(
            configuration: SessionConfiguration(trials: 64, seed: 1, threads: 1, showsProgress: false))
        session.loader = MemoryFiles(files: ["a.r2s": "chip x domestic perf 1 fail 10%\nfleet x 1k\n"])
        return session
    }

    /// What the harness does not let an input do, as it is not a finding:
    /// write files outside the working folder (`:save`, `:export` with a
    /// path), set the trial count (`:set trials 50M` is slow, not wrong),
    /// or run to a precision (up to two million trials by design).
    static func isHarmless(_ text: String) -> Bool {
        if text.hasPrefix(":save") || text.hasPrefix(":export") { return false }
        if text.hasPrefix(":set") && text.contains("trials") { return false }
        return !text.contains("±") && !text.contains("+-")
    }
}

/// Lines handed out one at a time to the protocol server's reader thread.
final class LineFeed: @unchecked Sendable {
    private var lines: [String]
    private let lock = NSLock()

    init(_ lines: [String]) { self.lines = lines.reversed() }

    func next() -> String? { lock.withLock { lines.popLast() } }
}
