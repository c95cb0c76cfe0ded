import Testing

@testable import R2Engine

/// The lane machine's buffers carry their counts: within them they read
/// and write as the bare pointer does; past them a debug build traps (the
/// check is an `assert`, so a release build does not pay for it).
@Suite struct LaneBufferTests {
    @Test func readsAndWritesWithinItsCount() {
        var arena = LaneArena()
        let buffer = arena.copy([1.0, 2.0, 3.0])
        defer { arena.pointers.forEach { $0.deallocate() } }
        #expect(buffer.count == 3 && buffer[2] == 3)
        buffer[1] = 5
        buffer.update(repeating: 7, count: 1)
        #expect(Array(UnsafeBufferPointer(start: buffer.base, count: 3)) == [7, 5, 3])
        #expect((buffer + 3) == buffer.base + 3)
    }

    #if DEBUG
    @Test func anIndexPastTheCountTraps() async {
        await #expect(processExitsWith: .failure) {
            var arena = LaneArena()
            let buffer = arena.copy([1.0, 2.0, 3.0])
            _ = buffer[3]
        }
        await #expect(processExitsWith: .failure) {
            var arena = LaneArena()
            let buffer = arena.copy([Int32](repeating: 0, count: 4))
            buffer.update(repeating: 1, count: 5)
        }
    }
    #endif
}
