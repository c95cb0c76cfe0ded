/// Path arithmetic for `include` on `/`-separated text (R2Language has no
/// Foundation): where an included file lies and the name it is reported
/// under. Steps are removed by text alone, so `x/link/..` is `x` even when
/// `link` is a symbolic link; the loader's identity of a file is what tells
/// two spellings of one file apart.
package enum IncludePath {
    /// The folder of `path`: "" for a bare name (the current directory),
    /// "/" for a file at the root.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`, its file name.
    package static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` with its file name replaced by `name`, as a suggestion is shown.
    static func replacingFileName(of path: String, with name: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }

    /// `written` resolved against the folder of the file `including` (nil:
    /// typed or piped text, whose paths are relative to the current
    /// directory): `baseline.r2s` included from `scenarios/x.r2s` is
    /// `scenarios/baseline.r2s`. An absolute path stands as it is.
    static func resolve(_ written: String, from including: String?) -> String {
        let base = including.map(folder(of:)) ?? ""
        if written.hasPrefix("/") || base.isEmpty { return normalised(written) }
        return normalised(base + "/" + written)
    }

    /// `path` without empty and `.` steps and with `name/..` pairs removed.
    package static func normalised(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
