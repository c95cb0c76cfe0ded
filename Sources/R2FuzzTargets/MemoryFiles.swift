import R2Language

/// Scenario files in memory, for the fuzz targets: `include` and `:load`
/// read them and nothing else (an input cannot reach /proc or a device).
/// Paths are taken as written, `./` and `..` resolved, relative to `/fuzz`.
struct MemoryFiles: SourceLoader {
    var files: [String: String]

    init(files: [String: String]) {
        self.files = [:]
        for (path, text) in files { self.files[Self.absolute(path)] = text }
    }

    /// The main file's text and the files after it, each after a line
    /// `#%% NAME`.
    static func split(_ text: String) -> (main: String, files: [String: String]) {
        var main: [Substring] = []
        var files: [String: [Substring]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#%% ") {
                let name = String(line.dropFirst(4))
                current = name
                files[name, default: []] = []
            } else if let current {
                files[current, default: []].append(line)
            } else {
                main.append(line)
            }
        }
        return (main.joined(separator: "\n"), files.mapValues { $0.joined(separator: "\n") })
    }

    static func absolute(_ path: String) -> String {
        IncludePath.normalised(path.hasPrefix("/") ? path : "/fuzz/" + path)
    }

    func identity(of path: String) -> String { Self.absolute(path) }

    func read(_ path: String) -> Result<String, SourceLoadFailure> {
        let key = Self.absolute(path)
        if let text = files[key] { return .success(text) }
        if files.keys.contains(where: { $0.hasPrefix(key + "/") }) { return .failure(.folder) }
        return .failure(.noSuchFile)
    }

    func fileNames(in folder: String) -> [String] {
        let base = Self.absolute(folder.isEmpty ? "." : folder)
        return files.keys.filter { IncludePath.folder(of: $0) == base }.map(IncludePath.fileName(of:)).sorted()
    }
}
