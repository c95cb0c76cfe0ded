@testable import R2Language

/// Files served from memory for `include`, keyed by path as resolved
/// (relative to a current directory `cwd`, or absolute). A folder is any
/// prefix of a file's path; `unreadable` lists files that exist but cannot
/// be read.
struct MemoryLoader: SourceLoader {
    var files: [String: String]
    var unreadable: Set<String> = []
    var cwd = "/work"

    init(_ files: [String: String], unreadable: Set<String> = []) {
        self.files = [:]
        for (path, text) in files { self.files[IncludePath.normalised(path)] = text }
        self.unreadable = unreadable
    }

    func identity(of path: String) -> String {
        IncludePath.normalised(path.hasPrefix("/") ? path : cwd + "/" + path)
    }

    func read(_ path: String) -> Result<String, SourceLoadFailure> {
        let key = IncludePath.normalised(path)
        if unreadable.contains(key) { return .failure(.unreadable) }
        if let text = files[key] { return .success(text) }
        if files.keys.contains(where: { $0.hasPrefix(key + "/") }) { return .failure(.folder) }
        return .failure(.noSuchFile)
    }

    func fileNames(in folder: String) -> [String] {
        files.keys.filter { IncludePath.folder(of: $0) == folder }.map(IncludePath.fileName(of:)).sorted()
    }
}
