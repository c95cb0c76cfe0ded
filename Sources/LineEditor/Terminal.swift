import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the controlling terminal and the character locale.
public enum Terminal {
    /// Whether standard input and standard output are both terminals.
    public static func isInteractive() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Columns of the terminal on standard output, else `$COLUMNS`, else 80.
    public static func width() -> Int {
        let columns = Int(r2_terminal_columns(STDOUT_FILENO))
        if columns > 0 { return columns }
        if let text = getenv("COLUMNS"), let value = Int(String(cString: text)), value > 0 {
            return value
        }
        return 80
    }

    /// Takes LC_CTYPE from the environment and, when its codeset is not
    /// UTF-8 (the C or POSIX locale), switches to C.UTF-8: in a single-byte
    /// locale libedit silently drops non-ASCII input. Returns whether the
    /// character locale is UTF-8 afterwards.
    @discardableResult
    public static func setUTF8Locale() -> Bool {
        setlocale(LC_CTYPE, "")
        if codesetIsUTF8() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if codesetIsUTF8() { return true }
        }
        return false
    }

    static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
