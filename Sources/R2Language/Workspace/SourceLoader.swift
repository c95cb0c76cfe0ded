/// How `include` reaches files. R2Language reads no file itself, so that
/// parsing and elaboration stay free of the file system; whoever evaluates
/// files from disk hands one of these in (R2Notebook's `FileSourceLoader`),
/// and tests serve files from memory.
public protocol SourceLoader {
    /// One name per file whatever the spelling (`scenarios/../scenarios/a.r2s`,
    /// `/work/scenarios/a.r2s`), so that a second include of a file is seen
    /// to be one and an include cycle is caught.
    func identity(of path: String) -> String
    /// The text of the file at `path` (relative to the current directory, or
    /// absolute), or why it cannot be read.
    func read(_ path: String) -> Result<String, SourceLoadFailure>
    /// The names of the files in `folder` ("" is the current directory), for
    /// the "did you mean" of a missing file.
    func fileNames(in folder: String) -> [String]
}

/// Why a file could not be read.
public enum SourceLoadFailure: Error, Hashable, Sendable {
    case noSuchFile
    case folder
    /// A device, pipe or socket: never read (it may not end).
    case special
    case unreadable

    /// As shown after "cannot read PATH: ".
    public var reason: String {
        switch self {
        case .noSuchFile: return "no such file"
        case .folder: return "it is a folder"
        case .special: return "not a regular file"
        case .unreadable: return "permission denied"
        }
    }
}
