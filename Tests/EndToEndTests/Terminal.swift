import Foundation

/// Drives the REPL through a pseudo-terminal with `script -qfec`, typing
/// keys with pauses between them (characters written together with ^C are
/// flushed by the tty).
enum PseudoTerminal {
    /// One keystroke group and the pause after it, in seconds.
    struct Key {
        var text: String
        var pause: Double
        static func type(_ s: String, pause: Double = 0.4) -> Key { Key(text: s, pause: pause) }
        static func enter(_ s: String, pause: Double = 1.0) -> Key { Key(text: s + "\r", pause: pause) }
        static let ctrlC = Key(text: "\u{03}", pause: 0.6)
        static let ctrlD = Key(text: "\u{04}", pause: 0.8)
        static let tab = Key(text: "\t", pause: 0.5)
        static let up = Key(text: "\u{1B}[A", pause: 0.5)
    }

    /// Runs `r2cast ARGS` on a terminal, typing `keys`; returns everything
    /// the terminal showed, with carriage returns removed.
    /// With `resize`, the terminal starts `columns.0` wide and becomes
    /// `columns.1` wide `after` seconds in (stty on the terminal itself,
    /// which tells r2cast with SIGWINCH as a window resize does).
    static func session(
        _ args: [String], keys: [Key], startup: Double = 1.5, environment: [String: String],
        resize: (columns: (Int, Int), after: Double)? = nil
    ) throws -> (
        output: String, status: Int32
    ) {
        var script = "sleep \(startup); "
        for key in keys {
            let octal = key.text.utf8.map { String(format: "\\%03o", $0) }.joined()
            script += "printf '\(octal)'; sleep \(key.pause); "
        }
        let quotedArgs = ([Binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
        var env = environment
        env["TERM"] = env["TERM"] ?? "xterm"
        // The same shell everywhere: CI machines often have no SHELL.
        env["SHELL"] = "/bin/sh"
        // `exec`: script runs the command through $SHELL, and a shell left
        // waiting in the terminal's process group (dash does not exec the
        // last command) dies of the Ctrl-C meant for r2cast: status 130.
        var inner = "exec \(quotedArgs)"
        if let resize {
            inner =
                "stty cols \(resize.columns.0); (sleep \(resize.after); stty cols \(resize.columns.1) < /dev/tty) & "
                + inner
        }
        let command = "(\(script)) | script -qfec \"\(inner)\" /dev/null"
        let r = try Binary.runProgram("/bin/bash", ["-c", command], environment: env)
        return (r.stdout.replacingOccurrences(of: "\r", with: ""), r.status)
    }
}
