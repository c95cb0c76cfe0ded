import Foundation

/// Finds scenario files: each path is a `.r2s` file or a folder searched
/// recursively (snapshot folders excluded), in sorted order.
public enum ScenarioFiles {
    public struct NotFound: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): no such file or folder" }
    }

    public static func collect(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw NotFound(path: path) }
            if !isDir.boolValue {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".r2s") && !$0.contains("__snapshots__") }
                .sorted()
            files += found.map { base + "/" + $0 }
        }
        return files
    }
}
