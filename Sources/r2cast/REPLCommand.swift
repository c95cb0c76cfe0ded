import ArgumentParser
import Foundation
import R2Forecast
import R2Notebook
import R2REPL

struct REPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract:
            "The interactive notebook (the default). Reads statements and :commands plainly when standard input is not a terminal."
    )

    @Argument(help: "Scenario files to load before the session starts.")
    var files: [String] = []

    @OptionGroup var simulation: SimulationFlags

    @Flag(help: "Without a terminal: go on after an error instead of stopping (the exit status is still 1).")
    var keepGoing = false

    func validate() throws {
        try simulation.checkTrials()
    }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        if Console.isInteractive {
            throw ExitCode(interactive(env))
        }
        throw ExitCode(script())
    }

    private func interactive(_ env: [String: String]) -> Int32 {
        let style = Style(colors: Style.colorsAllowed(isTerminal: true, environment: env), width: Console.width)
        Console.installInterruptFlag()
        let configuration = SessionConfiguration(
            trials: simulation.trials, seed: simulation.seed,
            threads: simulation.threads ?? SessionConfiguration().threads,
            style: style, showsProgress: true, isInterrupted: { Console.interrupted })
        let session = Session(configuration: configuration)
        let repl = REPL(session: session, historyPath: Console.historyPath(environment: env), style: style)
        let banner =
            "r2cast \(R2Cast.configuration.version): forecasts of DeepSeek's R2. :help for help, Ctrl-D to leave."
        return repl.run(banner: banner, loading: files)
    }

    /// Statements and :commands from a pipe or file: no banner, prompts,
    /// colour or history.
    private func script() -> Int32 {
        let session = Session(
            configuration: SessionConfiguration(
                trials: simulation.trials, seed: simulation.seed,
                threads: simulation.threads ?? SessionConfiguration().threads))
        var failed = false
        for file in files {
            let cell = session.load(path: file, stopAtFirstError: !keepGoing)
            Output.print(cell.outputs)
            if cell.failed {
                failed = true
                if !keepGoing { return 1 }
            }
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        let evaluation = session.evaluateScript(text, name: "<stdin>", stopAtFirstError: !keepGoing)
        Output.print(evaluation.outputs)
        return failed || evaluation.failed ? 1 : 0
    }
}
