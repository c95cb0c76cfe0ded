import Foundation
import R2Language

/// How `:save` writes `include` paths (and `:export FILE.ipynb` its `:load`
/// and `include` paths) so that the saved file runs from where it is saved: a relative path, written relative to the folder it was
/// typed or loaded in, is rewritten relative to the saved file's folder (or
/// made absolute when the two share nothing but the root). Absolute paths
/// stay as written.
struct IncludeRelocation {
    /// The saved file's folder: absolute, symbolic links resolved.
    let savedFolder: URL

    init(savedPath: String) {
        savedFolder = URL(fileURLWithPath: savedPath).deletingLastPathComponent().standardizedFileURL
            .resolvingSymlinksInPath()
    }

    /// `text`, written in `folder` (relative to the current directory, ""
    /// for the current directory itself), with the path of every `include`
    /// statement rewritten for the saved file. Everything else is kept.
    func relocate(_ text: String, writtenIn folder: String) -> String {
        var replacements: [(range: SourceRange, path: String)] = []
        for case .success(let statement) in Parser.parse(SourceFile(name: "", text: text)) {
            guard case .include(let target) = statement.statement, !target.path.hasPrefix("/") else {
                continue
            }
            let base = URL(fileURLWithPath: folder.isEmpty ? "." : folder, isDirectory: true)
            replacements.append(
                (target.range, path(for: URL(fileURLWithPath: target.path, relativeTo: base))))
        }
        var bytes = Array(text.utf8)
        for (range, path) in replacements.reversed() {
            bytes.replaceSubrange(range.start..<range.end, with: Array(Self.quoted(path).utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `include` statement that brings in the file at `path` (relative
    /// to the current directory, or absolute).
    func includeStatement(for path: String) -> String {
        "include " + Self.quoted(relocated(path))
    }

    /// `path` (relative to the current directory, or absolute) as it reads
    /// from the saved file's folder; absolute paths stay as written.
    func relocated(_ path: String) -> String {
        path.hasPrefix("/") ? path : self.path(for: URL(fileURLWithPath: path))
    }

    /// `target` relative to the saved folder, or absolute when only the
    /// root is shared.
    private func path(for target: URL) -> String {
        let resolved = target.standardizedFileURL.resolvingSymlinksInPath()
        let from = savedFolder.pathComponents
        let to = resolved.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        guard common > 1 else { return resolved.path }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }

    /// A path as a quoted string of the language.
    private static func quoted(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
