import LineEditor
import R2Forecast

#if canImport(Glibc)
import Glibc
#endif

/// What the executable needs to know of the terminal, without importing
/// the libedit wrapper itself.
public enum Console {
    /// Standard input and output are both terminals.
    public static var isInteractive: Bool { Terminal.isInteractive() }

    /// Standard error is a terminal (for progress bars).
    public static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// The terminal's width in columns (80 when unknown).
    public static var width: Int { Terminal.width() }

    /// The Ctrl-C flag, polled by runs to cancel.
    public static func installInterruptFlag() { InterruptFlag.shared.install() }
    public static var interrupted: Bool { InterruptFlag.shared.isSet }

    /// The history file: $R2CAST_HISTORY, else the XDG state folder.
    public static func historyPath(environment: [String: String]) -> String {
        HistoryLocation.defaultPath(environment: environment)
    }
}
