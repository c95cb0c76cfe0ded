import R2Model
import Testing

@testable import R2Language

/// Evaluates `text` as the file at `path` (nil: typed in) with `files`
/// served by a `MemoryLoader`; returns the workspace, the items, and the
/// rendered diagnostics joined by blank lines.
private func including(
    _ text: String, at path: String? = "lib/main.r2s", files: [String: String],
    in start: Workspace = Workspace()
) -> (Workspace, [Item], String) {
    var workspace = start
    let file = SourceFile(name: path ?? "In[1]", text: text, path: path)
    let items = workspace.evaluate(file, loader: MemoryLoader(files))
    return (workspace, items, diagnostics(items).map { $0.render() }.joined(separator: "\n\n"))
}

/// A file with definitions of every kind, queries and expectations.
private let base = """
    scenario base
    as of 2025-08-14
    clock 2025-01 to 2026-12
    trials 5k
    seed 3
    chip h800 foreign perf 1 fail 1% cite seeds/v3.md
    fleet h800 2k to 4k cite seeds/fleet.md
    let need = 10k
    r2 start 2025-02 needs need chip-months
    pressure 20% from 2025-06
    event reban 30% between 2025-10 and 2026-06: pressure 90%
    forecast
    p(release by 2026-06)
    expect median release before 2025-03
    plot cdf to out/never.svg
    explain
    scenario other from base
    use base

    """

@Suite("include")
struct IncludeTests {
    @Test func parseTree() {
        #expect(dump(#"include "baseline.r2s""#) == #"(include "baseline.r2s")"#)
        #expect(dump("include ../lib/base-2.r2s  # a comment") == #"(include "../lib/base-2.r2s")"#)
        #expect(dump(#"include "/abs/a b.r2s""#) == #"(include "/abs/a b.r2s")"#)
        #expect(
            dump("include") == """
                error: expected a file path, found the end of the statement
                 --> x.r2s:1:8
                  |
                1 | include
                  |        ^
                """)
        // An `include` without its path does not swallow the next line.
        #expect(dumps("include\nforecast").last == "(forecast)")
        #expect(
            dump(#"include "base.r2s" cite seeds/a.md"#) == """
                error: expected the end of the statement, found `cite`
                 --> x.r2s:1:20
                  |
                1 | include "base.r2s" cite seeds/a.md
                  |                    ^^^^ the included file's statements cite their own evidence
                """)
        #expect(
            dump(#"event e 10% at 2026-01: include "base.r2s""#) == """
                error: `include` cannot change inside an event
                 --> x.r2s:1:25
                  |
                1 | event e 10% at 2026-01: include "base.r2s"
                  |                         ^^^^^^^ an event can change export, pressure, buy, make, yield, perf, fail, r2 (needs, post, hold, restart, fold) and sector (ship, make, pressure)
                """)
    }

    @Test func definitionsArriveAndNothingElseRuns() throws {
        let (ws, items, problems) = including(#"include "base.r2s""#, files: ["lib/base.r2s": base])
        #expect(problems == "")
        // One item, the include itself: no query of the included file resolves.
        #expect(items.count == 1)
        #expect(queries(items).isEmpty)
        #expect(ws.scenarioNames == ["base", "other"])
        // After the include, the scenario current at the end of the file.
        #expect(ws.currentScenario?.name == "base")
        let s = try #require(ws.scenario(named: "base"))
        #expect(s.knownAsOf == CalendarDate(year: 2025, month: 8, day: 14))
        #expect(s.clock == Clock(start: 2025 * 12, end: 2026 * 12 + 11))
        #expect(s.trials == 5000)
        #expect(s.seed == 3)
        #expect(s.chips.map(\.name) == ["h800"])
        #expect(s.variables.map(\.name) == ["need"])
        #expect(s.events.map(\.name) == ["reban"])
        #expect(s.r2.start != nil && s.r2.needs != nil)
        // Provenance: the included file's own name and line, and its citations.
        #expect(s.chips[0].provenance.location == "lib/base.r2s:6")
        #expect(s.chips[0].provenance.cites == ["seeds/v3.md"])
        #expect(s.chips[0].fleetProvenance?.location == "lib/base.r2s:7")
        #expect(s.chips[0].fleetProvenance?.cites == ["seeds/fleet.md"])
    }

    @Test func statementsAfterTheIncludeExtendItsCurrentScenario() throws {
        let text = """
            include "base.r2s"
            fleet h800 9k
            scenario hawk from base
            pressure 95% from 2025-10
            """
        let (ws, _, problems) = including(text, files: ["lib/base.r2s": base])
        #expect(problems == "")
        #expect(ws.scenarioNames == ["base", "other", "hawk"])
        #expect(ws.scenario(named: "base")?.chips[0].fleet == .constant(9000))
        #expect(ws.scenario(named: "hawk")?.parent == "base")
        #expect(
            ws.scenario(named: "hawk")?.timeline.count == (ws.scenario(named: "base")?.timeline.count ?? 0)
                + 1)
    }

    @Test func pathsAreRelativeToTheIncludingFilesFolder() throws {
        let files = [
            "lib/common/base.r2s": "scenario base\nchip h800 foreign\n",
            "lib/asof/first.r2s": "include \"../common/base.r2s\"\nscenario first from base\n",
            "lib/asof/second.r2s": "include first.r2s\nscenario second from first\n",
        ]
        let (ws, _, problems) = including(#"include "asof/second.r2s""#, files: files)
        #expect(problems == "")
        #expect(ws.scenarioNames == ["base", "first", "second"])
        // Typed in (no file), a path is relative to the current directory.
        let (typed, _, typedProblems) = including(#"include "lib/asof/first.r2s""#, at: nil, files: files)
        #expect(typedProblems == "")
        #expect(typed.scenarioNames == ["base", "first"])
        // An absolute path stands as written.
        let (absolute, _, absoluteProblems) = including(
            #"include "/elsewhere/base.r2s""#, files: ["/elsewhere/base.r2s": "scenario far\n"])
        #expect(absoluteProblems == "")
        #expect(absolute.scenarioNames == ["far"])
    }

    @Test func aSecondIncludeOfOneFileIsANoOp() throws {
        let files = [
            "lib/base.r2s": "scenario base\nchip h800 foreign\nlet x = 1\nbuy h800 1k per month\n",
            "lib/a.r2s": "include base.r2s\nscenario a from base\n",
            "lib/b.r2s": "include ./base.r2s\nscenario b from base\n",
        ]
        let text = "include a.r2s\ninclude b.r2s\ninclude ../lib/base.r2s\n"
        let (ws, _, problems) = including(text, files: files)
        #expect(problems == "")
        #expect(ws.scenarioNames == ["base", "a", "b"])
        let s = try #require(ws.scenario(named: "base"))
        #expect(s.variables.count == 1)
        #expect(s.timeline.count == 1)
        #expect(ws.skippedIncludes == ["/work/lib/base.r2s"])
        // A skipped include changes nothing, not even the current scenario.
        #expect(ws.currentScenario?.name == "b")
        // A file evaluated from its path counts as included too.
        var loaded = Workspace()
        _ = loaded.evaluate(
            SourceFile(name: "lib/base.r2s", text: files["lib/base.r2s"]!, path: "lib/base.r2s"),
            loader: MemoryLoader(files))
        let (after, _, afterProblems) = including("include base.r2s\n", files: files, in: loaded)
        #expect(afterProblems == "")
        #expect(after.scenario(named: "base")?.variables.count == 1)
    }

    @Test func aCycleIsAnErrorNamingTheChain() {
        let files = [
            "a.r2s": "scenario a\ninclude b.r2s\n",
            "b.r2s": "# b\ninclude \"sub/../a.r2s\"\n",
        ]
        let (ws, _, problems) = including("include a.r2s\n", at: nil, files: files)
        #expect(
            problems == """
                error: include cycle: a.r2s → b.r2s → a.r2s
                 --> b.r2s:2:9
                  |
                2 | include "sub/../a.r2s"
                  |         ^^^^^^^^^^^^^^
                  = note: included from a.r2s:2:1, itself included from In[1]:1:1
                """)
        // The include failed as a whole: nothing of `a.r2s` is in.
        #expect(ws.scenarioNames.isEmpty)
        #expect(ws.includedFiles.isEmpty)
        // A file that includes itself.
        let (_, _, selfProblems) = including(
            "include self.r2s\n", at: "lib/self.r2s", files: ["lib/self.r2s": "include self.r2s\n"])
        #expect(
            selfProblems == """
                error: include cycle: lib/self.r2s → lib/self.r2s
                 --> lib/self.r2s:1:9
                  |
                1 | include self.r2s
                  |         ^^^^^^^^
                """)
    }

    @Test func aMissingFileSuggestsANearName() {
        let files = ["lib/baseline.r2s": "", "lib/nvidia-restored.r2s": ""]
        let (_, _, problems) = including("chip h800 foreign\ninclude \"baselin.r2s\"\n", files: files)
        #expect(
            problems == """
                error: cannot include `lib/baselin.r2s`: no such file
                 --> lib/main.r2s:2:9
                  |
                2 | include "baselin.r2s"
                  |         ^^^^^^^^^^^^^ did you mean `baseline.r2s`?
                """)
        // Without `.r2s`, and through a folder, as written.
        let (_, _, bare) = including("include ../lib/baseline\n", files: files)
        #expect(bare.hasSuffix("^^^^^^^^^^^^^^^ did you mean `../lib/baseline.r2s`?"))
        // Nothing near: no suggestion.
        let (_, _, far) = including("include zzz.r2s\n", files: files)
        #expect(
            far == """
                error: cannot include `lib/zzz.r2s`: no such file
                 --> lib/main.r2s:1:9
                  |
                1 | include zzz.r2s
                  |         ^^^^^^^
                """)
        // A folder and an unreadable file.
        let (_, _, folder) = including("include \"../lib\"\n", files: files)
        #expect(folder.hasPrefix("error: cannot include `lib`: it is a folder"))
        var ws = Workspace()
        let items = ws.evaluate(
            SourceFile(name: "m.r2s", text: "include x.r2s\n", path: "m.r2s"),
            loader: MemoryLoader(["x.r2s": ""], unreadable: ["x.r2s"]))
        #expect(diagnostics(items).first?.message.text == "cannot include `x.r2s`: permission denied")
    }

    @Test func anErrorInTheIncludedFileIsReportedThereAndTheIncludeFails() {
        let files = [
            "lib/bad.r2s": "scenario bad\nchip h800 foreign\nfleet h80 2k\npressure 120%\n",
            "lib/outer.r2s": "# outer\ninclude bad.r2s\n",
        ]
        let (ws, items, problems) = including("scenario mine\ninclude \"bad.r2s\"\nlet y = 2\n", files: files)
        #expect(
            problems == """
                error: unknown chip `h80`
                 --> lib/bad.r2s:3:7
                  |
                3 | fleet h80 2k
                  |       ^^^ did you mean `h800`?
                  = note: included from lib/main.r2s:2:1

                error: a probability must lie between 0% and 100%
                 --> lib/bad.r2s:4:10
                  |
                4 | pressure 120%
                  |          ^^^^ this is 120%
                  = note: included from lib/main.r2s:2:1
                """)
        // The include changed nothing, and evaluation went on after it.
        #expect(ws.scenarioNames == ["mine"])
        #expect(ws.currentScenario?.variables.map(\.name) == ["y"])
        #expect(items.count == 4)
        // Through two includes, the note names both, innermost first.
        let (_, _, nested) = including(
            "include outer.r2s\n",
            files: ["lib/bad.r2s": "fleet h80 2k\n", "lib/outer.r2s": files["lib/outer.r2s"]!])
        #expect(
            nested == """
                error: unknown chip `h80`
                 --> lib/bad.r2s:1:7
                  |
                1 | fleet h80 2k
                  |       ^^^ declare it first with `chip h80 foreign` or `chip h80 domestic`
                  = note: included from lib/outer.r2s:2:1, itself included from lib/main.r2s:1:1
                """)
    }

    @Test func withoutALoaderAnIncludeIsAnError() {
        #expect(
            errors("include base.r2s") == """
                error: `include` cannot read files here
                 --> x.r2s:1:9
                  |
                1 | include base.r2s
                  |         ^^^^^^^^
                """)
    }
}
