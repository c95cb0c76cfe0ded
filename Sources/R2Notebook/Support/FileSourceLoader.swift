import Foundation
import R2Language

/// The files `include` and `:load` read, from disk. A file's identity is its
/// absolute path with symbolic links resolved, so two spellings of one file
/// are one include.
public struct FileSourceLoader: SourceLoader {
    public init() {}

    public func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func read(_ path: String) -> Result<String, SourceLoadFailure> {
        if let data = FileManager.default.contents(atPath: path) {
            return .success(String(decoding: data, as: UTF8.self))
        }
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) { return .failure(.noSuchFile) }
        return .failure(isDir.boolValue ? .folder : .unreadable)
    }

    public func fileNames(in folder: String) -> [String] {
        let base = folder.isEmpty ? "." : folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return names.filter { name in
            var isDir: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDir)
                && !isDir.boolValue
        }.sorted()
    }
}
