import Foundation
import Testing

/// `r2cast protocol` over a pipe, as the Jupyter kernel drives it: one JSON
/// request a line in, records a line out, each request closed by `done`.
@Suite(.serialized) struct ProtocolTests {
    /// The records printed for `requests` (sent with `pause` seconds
    /// between them), parsed.
    static func records(_ requests: [String], pause: Double = 0, arguments: [String] = []) throws -> [[String: Any]] {
        let script = requests.map { "printf '%s\\n' '\($0)'" }.joined(
            separator: pause > 0 ? "; sleep \(pause); " : "; ")
        let command = "(\(script)) | '\(Binary.path)' protocol " + arguments.map { "'\($0)'" }.joined(separator: " ")
        let r = try Binary.runProgram("/bin/bash", ["-c", command])
        #expect(r.status == 0, "\(r.stderr)")
        return try r.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func requestsGetTheirRecordsThenOneDone() throws {
        let out = try Self.records(
            [
                #"{"id":1,"type":"execute","code":"p(release by 2026-06)"}"#,
                #"{"id":"c","type":"complete","code":"x = 1\nforec","cursor":11}"#,
                #"{"id":3,"type":"is_complete","code":"r2 start 2025-02 needs 10k +"}"#,
                #"{"id":4,"type":"is_complete","code":"forecast"}"#,
                "not json",
                #"{"id":5,"type":"teleport"}"#,
                #"{"id":6,"type":"execute","code":"hist release"}"#,
                #"{"id":7,"type":"execute","code":"fleet h80 3k"}"#,
                #"{"id":8,"type":"execute","code":"_2"}"#,
                #"{"id":9,"type":"shutdown"}"#,
                #"{"id":10,"type":"execute","code":"forecast"}"#,
            ], arguments: ["scenarios/baseline.r2s", "--trials", "2000"])
        let types = out.map { "\($0["type"]!):\($0["id"].map { "\($0)" } ?? "nil")" }
        #expect(
            types == [
                "output:1", "done:1", "completion:c", "done:c", "is_complete:3", "done:3", "is_complete:4", "done:4",
                "done:<null>", "done:5", "output:6", "done:6", "output:7", "done:7", "output:8", "done:8", "done:9",
            ], "\(types)")
        let metric = try #require(out[0]["data"] as? [String: Any])
        #expect((metric["text/plain"] as? String)?.hasPrefix("p(release by 2026-06) = ") == true)
        #expect((metric["application/json"] as? [String: Any])?["query"] as? String == "metric")
        #expect(out[1]["status"] as? String == "ok" && out[1]["cell"] as? Int == 2)
        // Completion on the line holding the cursor, offsets in code points.
        #expect(out[2]["matches"] as? [String] == ["forecast"])
        #expect(out[2]["cursor_start"] as? Int == 6 && out[2]["cursor_end"] as? Int == 11)
        #expect(out[4]["status"] as? String == "incomplete" && out[6]["status"] as? String == "complete")
        #expect(
            out[8]["status"] as? String == "error"
                && (out[8]["message"] as? String)?.contains("one JSON object a line") == true)
        #expect((out[9]["message"] as? String)?.hasPrefix("unknown request type `teleport`") == true)
        // A chart arrives as SVG beside its text and its numbers.
        let chart = try #require(out[10]["data"] as? [String: Any])
        #expect((chart["image/svg+xml"] as? String)?.contains("<svg") == true)
        #expect((chart["application/json"] as? [String: Any])?["query"] as? String == "chart")
        // An error is an output flagged so, and the cell's status says so.
        #expect(out[12]["error"] as? Bool == true && out[13]["status"] as? String == "error")
        // `_2` shows cell 2 again: the REPL's session semantics.
        #expect(
            ((out[14]["data"] as? [String: Any])?["text/plain"] as? String)?.hasPrefix("p(release by 2026-06) = ")
                == true)
        // Nothing after shutdown.
        #expect(out.count == 17)
    }

    /// `code` must be a string where it is read: a number or no code is a
    /// bad request with a message (it ran as an empty cell, status ok).
    @Test func aRequestWithoutCodeIsRefused() throws {
        let out = try Self.records([
            #"{"id":1,"type":"execute","code":5}"#,
            #"{"id":2,"type":"execute"}"#,
            #"{"id":3,"type":"complete"}"#,
            #"{"id":4,"type":"is_complete","code":""}"#,
            #"{"id":5,"type":"shutdown"}"#,
        ])
        let done = out.filter { $0["type"] as? String == "done" }
        #expect(done.map { $0["status"] as? String } == ["error", "error", "error", "ok", "ok"], "\(out)")
        #expect(done[0]["message"] as? String == "`execute` needs `code`, a string")
        #expect(done[2]["message"] as? String == "`complete` needs `code`, a string")
    }

    /// Found by the protocol fuzz target: a cursor too large for an Int
    /// trapped, a negative one was not clamped; `:quit` ended the process
    /// from inside the answer (now the session ends like `shutdown`, with
    /// its `done` sent and nothing answered after it). And the REPL
    /// target's: `tornado` before any `sensitivity` trapped on an
    /// exclusive access to the session's workspace.
    @Test func fuzzFindingsAnswerInsteadOfTrapping() throws {
        let out = try Self.records(
            [
                #"{"id":1,"type":"complete","code":"forec","cursor":1e300}"#,
                #"{"id":2,"type":"complete","code":"forec","cursor":-5}"#,
                #"{"id":3,"type":"execute","code":"tornado"}"#,
                #"{"id":4,"type":"execute","code":":quit"}"#,
                #"{"id":5,"type":"execute","code":"forecast"}"#,
            ], arguments: ["scenarios/baseline.r2s", "--trials", "2000"])
        let types = out.map { "\($0["type"]!):\($0["id"].map { "\($0)" } ?? "nil")" }
        #expect(
            types == ["completion:1", "done:1", "completion:2", "done:2", "output:3", "done:3", "done:4"], "\(types)")
        #expect(out[0]["matches"] as? [String] == ["forecast"] && out[0]["cursor_end"] as? Int == 5)
        // A cursor before the code completes the empty word at its start.
        #expect((out[2]["matches"] as? [String])?.contains("forecast") == true && out[2]["cursor_end"] as? Int == 0)
        let refusal = try #require((out[4]["data"] as? [String: Any])?["text/plain"] as? String)
        #expect(refusal.contains("no sensitivity analysis to draw yet") && refusal.contains("run `sensitivity` first"))
        #expect(out[5]["status"] as? String == "error" && out[6]["status"] as? String == "ok")
    }

    @Test func interruptCancelsTheRunningCellAndKeepsTheSession() throws {
        let out = try Self.records(
            [
                #"{"id":1,"type":"execute","code":":set trials 20M"}"#,
                #"{"id":2,"type":"execute","code":"forecast"}"#,
                #"{"id":3,"type":"interrupt"}"#,
                #"{"id":4,"type":"execute","code":":set trials 2000"}"#,
                #"{"id":5,"type":"execute","code":"p(release by 2026-06)"}"#,
            ], pause: 2, arguments: ["scenarios/baseline.r2s"])
        let done = out.filter { $0["type"] as? String == "done" }
        #expect(done.map { $0["status"] as? String } == ["ok", "cancelled", "ok", "ok", "ok"], "\(done)")
        let last = try #require(out.last { $0["type"] as? String == "output" }?["data"] as? [String: Any])
        #expect((last["text/plain"] as? String)?.hasPrefix("p(release by 2026-06) = ") == true)
    }

    /// `sensitivity` runs two short forecasts an input; an interrupt once
    /// went unheard in every one of them (each finished before its first
    /// check of the flag, 25 ms in), and the cell ran to its end. A run now
    /// looks before it starts.
    @Test func interruptStopsASensitivityAnalysis() throws {
        let out = try Self.records(
            [
                #"{"id":1,"type":"execute","code":":set trials 2000"}"#,
                #"{"id":2,"type":"execute","code":"sensitivity"}"#,
                #"{"id":3,"type":"interrupt"}"#,
                #"{"id":4,"type":"execute","code":"p(release by 2026-06)"}"#,
            ], pause: 2, arguments: ["scenarios/baseline.r2s"])
        let done = out.filter { $0["type"] as? String == "done" }
        #expect(done.map { $0["status"] as? String } == ["ok", "cancelled", "ok", "ok"], "\(done)")
        let cell = out.filter { $0["type"] as? String == "output" && $0["id"] as? Int == 2 }
        #expect(cell.map { ($0["data"] as? [String: Any])?["text/plain"] as? String } == ["cancelled"], "\(cell)")
    }
}
