/// One step of the per-trial input program: computes node `dst` from the
/// nodes `a`, `b`, `c` (indices into the node values), drawing from the
/// slot's random stream when the operation is a distribution.
@usableFromInline
struct Instruction: Sendable, Hashable {
    @usableFromInline
    enum Op: UInt8, Sendable {
        case normal, lognormal, uniform, beta, triangular, pert, interval90
        /// `n[b] + n[c] * Q(U)` with Q the quantile function of table `a`
        /// (a beta or PERT whose shapes are constant).
        case table
        /// `a`: offset into the mixture tables, `b`: component count.
        case mixture
        case monthWindow
        case negate, add, subtract, multiply, divide, minimum, maximum
    }

    @usableFromInline var op: Op
    @usableFromInline var dst: Int32
    @usableFromInline var a: Int32
    @usableFromInline var b: Int32
    @usableFromInline var c: Int32

    init(_ op: Op, dst: Int32, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1) {
        self.op = op
        self.dst = dst
        self.a = a
        self.b = b
        self.c = c
    }
}
