#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns a NUL-terminated copy of a string whose address C code may keep
/// until the next ``set(_:)`` (libedit's prompt callback returns it).
final class CStringBox {
    private(set) var pointer: UnsafeMutablePointer<CChar>

    init(_ text: String = "") {
        pointer = strdup(text)!
    }

    func set(_ text: String) {
        let fresh = strdup(text)!
        free(pointer)
        pointer = fresh
    }

    deinit { free(pointer) }
}
