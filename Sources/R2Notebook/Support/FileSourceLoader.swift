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
        // The type of what the path leads to, through symbolic links.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
        else {
            return .failure(FileManager.default.fileExists(atPath: path) ? .unreadable : .noSuchFile)
        }
        if type == .typeDirectory { return .failure(.folder) }
        if type == .typeSymbolicLink { return .failure(.noSuchFile) }  // a link to nothing
        // Devices, pipes and sockets may never end: a scenario is a file.
        guard type == .typeRegular else { return .failure(.special) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
        return .success(String(decoding: data, as: UTF8.self))
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
