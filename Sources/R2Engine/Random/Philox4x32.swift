/// The Philox4x32-10 counter-based block function (Salmon et al., Random123):
/// four 32-bit counter words and two 32-bit key words map to four 32-bit
/// outputs. Pure and stateless: the same (counter, key) always gives the same
/// block, on every platform.
public enum Philox4x32 {
    public typealias Counter = (UInt32, UInt32, UInt32, UInt32)

    /// One Philox4x32 block of ten rounds (the key is bumped between rounds).
    @inlinable @inline(__always)
    public static func block(_ counter: Counter, key0: UInt32, key1: UInt32) -> Counter {
        var x0 = counter.0
        var x1 = counter.1
        var x2 = counter.2
        var x3 = counter.3
        var k0 = key0
        var k1 = key1
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            let p0 = UInt64(0xD251_1F53) &* UInt64(x0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(x2)
            let n0 = UInt32(truncatingIfNeeded: p1 &>> 32) ^ x1 ^ k0
            let n2 = UInt32(truncatingIfNeeded: p0 &>> 32) ^ x3 ^ k1
            x1 = UInt32(truncatingIfNeeded: p1)
            x3 = UInt32(truncatingIfNeeded: p0)
            x0 = n0
            x2 = n2
        }
        return (x0, x1, x2, x3)
    }
}
