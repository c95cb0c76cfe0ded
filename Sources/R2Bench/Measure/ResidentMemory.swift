import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The process's resident memory, from /proc/self/status (Linux). Peaks are
/// made per measurement by resetting the high-water mark (clear_refs 5)
/// before it, and by making the allocator hand large blocks back to the
/// system on free, so a measurement does not reuse an earlier one's pages.
public enum ResidentMemory {
    /// Current resident set size in bytes (VmRSS), nil where unknown.
    public static var current: Int? { field("VmRSS:") }

    /// Peak resident set size in bytes since start or the last reset (VmHWM).
    public static var peak: Int? { field("VmHWM:") }

    /// Resets the peak to the current size; false where the kernel refuses.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// Makes every allocation of 128 KiB or more a mapping of its own that
    /// is returned to the system when freed (glibc otherwise raises this
    /// threshold as large blocks are freed and keeps them in the heap).
    public static func returnLargeBlocksOnFree() {
        // mallopt is glibc's, and not in Swift's Glibc module: look it up.
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 128 * 1024)
        _ = mallopt(trimThreshold, 128 * 1024)
        #endif
    }

    /// The growth of resident memory while `body` runs: peak minus the size
    /// before (nil where /proc is unavailable).
    public static func growth<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (value: T, bytes: Int?) {
        let reset = resetPeak()
        let before = current
        let peakBefore = peak
        let value = try body()
        guard let before, let after = peak else { return (value, nil) }
        // Without a reset, the high-water mark only shows growth past the old peak.
        let base = reset ? before : Swift.max(before, peakBefore ?? before)
        return (value, Swift.max(0, after - base))
    }

    /// A `kB` field of /proc/self/status in bytes.
    static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
