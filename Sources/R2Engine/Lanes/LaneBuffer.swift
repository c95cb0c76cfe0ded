/// A buffer of the lane machine (a read-only table or a group's scratch):
/// its memory and how many elements it holds. Indexing and offsets are
/// checked against the count in debug builds (an `assert`, so the release
/// loop is the bare pointer's, with no bounds check); the sanitizer runs
/// (scripts/sanitize.sh) and the fuzz targets build in debug, where a
/// slip past the end traps at its source.
struct LaneBuffer<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    @inline(__always)
    subscript(_ i: Int) -> Element {
        get {
            assert(i >= 0 && i < count, "lane buffer index out of range")
            return base[i]
        }
        nonmutating set {
            assert(i >= 0 && i < count, "lane buffer index out of range")
            base[i] = newValue
        }
    }

    /// The address of element i (i == count: just past the end).
    @inline(__always)
    static func + (buffer: LaneBuffer, i: Int) -> UnsafeMutablePointer<Element> {
        assert(i >= 0 && i <= buffer.count, "lane buffer offset out of range")
        return buffer.base + i
    }

    /// The element at 0, for buffers of one.
    @inline(__always)
    var pointee: Element {
        get { self[0] }
        nonmutating set { self[0] = newValue }
    }

    /// Sets the first n elements to `value`.
    @inline(__always)
    func update(repeating value: Element, count n: Int) {
        assert(n >= 0 && n <= count, "lane buffer fill out of range")
        base.update(repeating: value, count: n)
    }

    /// Copies the first n elements of `source` here.
    @inline(__always)
    func update(from source: LaneBuffer, count n: Int) {
        assert(n >= 0 && n <= count && n <= source.count, "lane buffer copy out of range")
        base.update(from: source.base, count: n)
    }
}
