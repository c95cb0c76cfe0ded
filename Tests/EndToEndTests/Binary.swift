import Foundation

/// Runs the built `r2cast` binary and captures what it prints.
enum Binary {
    /// The package root (two folders above this file's folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The r2cast built beside the test bundle (any scratch path), else .build/debug.
    static var path: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("r2cast").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("r2cast").path
        if FileManager.default.isExecutableFile(atPath: bundle) { return bundle }
        return root.appendingPathComponent(".build/debug/r2cast").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `r2cast ARGS` in the package root with `stdin` as its input.
    static func run(_ args: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Result {
        try runProgram(path, args, stdin: stdin, environment: environment)
    }

    static func runProgram(_ program: String, _ args: [String], stdin: String = "", environment: [String: String] = [:])
        throws -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = args
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "CI")
        // Output is 80 columns wide unless a test says otherwise.
        env.removeValue(forKey: "COLUMNS")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither can fill and block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A scratch folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
