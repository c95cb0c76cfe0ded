import Foundation

/// Whole lines to standard output and standard error (a newline added when
/// the text has none), written at once: the REPL's errors and every
/// command of r2cast print through these two.
public enum Lines {
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Writes a line to standard error.
func printError(_ text: String) { Lines.error(text) }
