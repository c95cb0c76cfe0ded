/// Where a worker's buffers come from, the lane machine's and the
/// accumulator's alike: each in its own cache lines (128-byte aligned and
/// padded), so that two workers' buffers never share a line, each a
/// `LaneBuffer` that knows its count. The owner frees them all at once.
struct LaneArena {
    private(set) var pointers: [UnsafeMutableRawPointer] = []

    /// A copy of `values`.
    mutating func copy<T>(_ values: [T]) -> LaneBuffer<T> {
        let buffer = allocate(T.self, values.count)
        _ = UnsafeMutableBufferPointer(start: buffer.base, count: values.count).initialize(from: values)
        return buffer
    }

    /// `count` copies of `value`.
    mutating func filled<T>(_ count: Int, _ value: T) -> LaneBuffer<T> {
        let buffer = allocate(T.self, count)
        buffer.base.initialize(repeating: value, count: count)
        return buffer
    }

    private mutating func allocate<T>(_: T.Type, _ count: Int) -> LaneBuffer<T> {
        let bytes = (Swift.max(1, count) * MemoryLayout<T>.stride + 127) & ~127
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 128)
        pointers.append(raw)
        return LaneBuffer(base: raw.bindMemory(to: T.self, capacity: Swift.max(1, count)), count: count)
    }

    /// Frees every buffer (their elements are trivial: nothing to deinitialise).
    func free() {
        for p in pointers { p.deallocate() }
    }
}
