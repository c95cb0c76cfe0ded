#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp, removed with its contents on deinit.
final class TemporaryDirectory {
    struct Failed: Error {}
    let path: String

    init() throws {
        var template = Array("/tmp/r2cast-le-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failed() }
        path = String(cString: made)
    }

    deinit { remove(path) }

    private func remove(_ path: String) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
                }
                if name == "." || name == ".." { continue }
                remove(path + "/" + name)
            }
            closedir(dir)
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
