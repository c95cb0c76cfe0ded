import ArgumentParser
import Foundation
import R2Forecast
import R2Notebook
import R2REPL

struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract:
            "A session for programs: JSON requests a line on standard input, JSON records a line on standard output (docs/PROTOCOL.md)."
    )

    @Argument(help: "Scenario files to load before the first request (their outputs are not sent).")
    var files: [String] = []

    @OptionGroup var simulation: SimulationFlags

    func validate() throws {
        try simulation.checkTrials()
    }

    func run() throws {
        Console.installInterruptFlag()
        let configuration = SessionConfiguration(
            trials: simulation.trials, seed: simulation.seed,
            threads: simulation.threads ?? SessionConfiguration().threads,
            style: Style(colors: false, width: 100), showsProgress: false, isInterrupted: { Console.interrupted })
        let session = Session(configuration: configuration)
        for file in files {
            let cell = session.load(path: file)
            // Problems loading go to the log, not to the record stream.
            for output in cell.outputs where output.isError { Output.stderr(output.plainText) }
        }
        let out = FileHandle.standardOutput
        let server = ProtocolServer(session: session) { line in out.write(Data(line.utf8)) }
        throw ExitCode(server.run { readLine(strippingNewline: true) })
    }
}
