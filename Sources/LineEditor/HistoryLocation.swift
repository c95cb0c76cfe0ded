#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL keeps its line history.
public enum HistoryLocation {
    /// `$R2CAST_HISTORY`, else `$XDG_STATE_HOME/r2cast/history`, else
    /// `~/.local/state/r2cast/history`. Creates the file's directory (mode
    /// 0700) when it is missing; a failure there only means history is not kept.
    public static func defaultPath(environment: [String: String]) -> String {
        let path = resolve(environment: environment)
        createDirectories(for: path)
        return path
    }

    /// The path alone, touching nothing.
    static func resolve(environment: [String: String]) -> String {
        if let explicit = environment["R2CAST_HISTORY"], !explicit.isEmpty {
            return explicit
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "r2cast/history")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? homeFromPasswd() ?? "."
        return join(home, ".local/state/r2cast/history")
    }

    private static func join(_ directory: String, _ rest: String) -> String {
        directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
    }

    private static func homeFromPasswd() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }

    /// `mkdir -p` of every directory above `path`.
    static func createDirectories(for path: String) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        for part in parts {
            prefix += part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return }
            prefix += "/"
        }
    }
}
