import R2Model

// What the machine's read-only tables hold (the inputs' draws and programs,
// the events, the timeline entries) and how they are built from a compiled
// scenario.
extension LaneMachine {
    /// A single draw whose parameters are constants: node `dst` gets
    /// a + b X with X = Q(word) of `table` (a normal or a table's shape),
    /// e^(a + b X) when `exponential`, a + b U for a uniform (its table unused).
    struct Draw {
        var salt: UInt32
        var counter: UInt32
        var kind: DrawKind
        var table: LaneTable
        var a: Float
        var b: Float
        var dst: Int32
    }

    enum DrawKind: UInt8 {
        /// `exponentialInRange`: a + b X stays in [-87, 88] for every word
        /// (`LaneMath.expInRange` applies).
        case quantile, exponentialInRange, exponential, uniform
    }

    /// The largest |X| the standard normal's lane table gives (its end
    /// cells, computed exactly, reach 6.23; checked by a test).
    static let normalBound: Float = 6.5

    /// One instruction of a random slot's program: `op` over nodes a, b, c
    /// into `dst`; its word `counter` of the slot's stream (`salt`), or for
    /// the draws made lane by lane in double precision, the SplitMix64
    /// stream `salt64` of the lane's key.
    struct Step {
        var op: Instruction.Op
        var dst: Int32
        var a: Int32
        var b: Int32
        var c: Int32
        var salt: UInt32
        var counter: UInt32
        var salt64: UInt64
        /// A month window of constant bounds drawn in lanes: its first
        /// month and month count (`span` 0: drawn lane by lane).
        var low: Float = 0
        var span: UInt32 = 0
    }

    /// An event's draws: the occurrence from word 0 of its stream, the
    /// month from the SplitMix64 stream `salt64`; when its window is
    /// constant, the window's first month and month count (`span` 0: not
    /// constant, or no month).
    struct EventPlan {
        var salt: UInt32
        var salt64: UInt64
        var probabilityNode: Int32
        var windowStartNode: Int32
        var windowEndNode: Int32
        var low = 0.0
        var span: UInt64 = 0
    }

    /// A timeline entry as the group applies it: state[slot] = the value of
    /// `node`, clamped.
    struct EntryRun {
        var stateSlot: Int32
        var node: Int32
        var effect: UInt8
        var clamp: Clamp
    }

    /// What applying a timeline entry changes besides its state slot.
    enum Effect {
        /// A perf: the capacity sums are recomputed (and the suppliers listed).
        static let capacity: UInt8 = 1
        /// A buy, make, yield or export status: the suppliers are listed again.
        static let supply: UInt8 = 2
        /// A programme input (model v2): read again, and a lowered `needs`
        /// may complete training.
        static let programme: UInt8 = 4
    }

    /// The single draws with constant parameters and the steps of the
    /// other random slots' programs. A slot's instruction j uses word j of
    /// the slot's stream (or, drawn lane by lane, the SplitMix64 stream of
    /// the slot's salt mixed with j): instructions never share a draw.
    static func inputPlan(_ compiled: CompiledScenario, written: Set<Int32>) -> ([Draw], [Step]) {
        let n = compiled.initialNodes
        var draws: [Draw] = []
        var steps: [Step] = []
        for index in compiled.randomSlots {
            let s = compiled.inputs[Int(index)]
            let salt = LaneRandom.salt(s.stream)
            let salt64 = RandomStream.salt(s.stream)
            for (j, ins) in compiled.program[Int(s.programStart)..<Int(s.programEnd)].enumerated() {
                let counter = UInt32(j)
                let constant = { (node: Int32) in !written.contains(node) }
                var draw: Draw?
                switch ins.op {
                case .normal where constant(ins.a) && constant(ins.b):
                    draw = Draw(
                        salt: salt, counter: counter, kind: .quantile, table: .standardNormal,
                        a: Float(n[Int(ins.a)]), b: Float(n[Int(ins.b)]), dst: ins.dst)
                case .lognormal where constant(ins.a) && constant(ins.b):
                    let (a, b) = (Float(n[Int(ins.a)]), Float(n[Int(ins.b)]))
                    let reach = Self.normalBound * abs(b)
                    let inRange = a - reach >= -87 && a + reach <= 88
                    draw = Draw(
                        salt: salt, counter: counter, kind: inRange ? .exponentialInRange : .exponential,
                        table: .standardNormal, a: a, b: b, dst: ins.dst)
                case .uniform where constant(ins.a) && constant(ins.b):
                    let low = n[Int(ins.a)]
                    draw = Draw(
                        salt: salt, counter: counter, kind: .uniform, table: .standardNormal, a: Float(low),
                        b: Float(n[Int(ins.b)] - low), dst: ins.dst)
                case .table where constant(ins.b) && constant(ins.c):
                    draw = Draw(
                        salt: salt, counter: counter, kind: .quantile, table: compiled.tables[Int(ins.a)].lanes,
                        a: Float(n[Int(ins.b)]), b: Float(n[Int(ins.c)]), dst: ins.dst)
                default:
                    break
                }
                if let d = draw {
                    draws.append(d)
                } else {
                    var step = Step(
                        op: ins.op, dst: ins.dst, a: ins.a, b: ins.b, c: ins.c, salt: salt, counter: counter,
                        salt64: RandomStream.mix(salt64 &+ UInt64(j)))
                    if ins.op == .monthWindow && constant(ins.a) && constant(ins.b) {
                        let window = Self.window(n[Int(ins.a)], n[Int(ins.b)])
                        // Whole months below 2^24 are exact floats; spans below 2^9
                        // keep (w >> 9) span below 2^32.
                        if window.span > 0 && window.span < 512 && abs(window.low) < 0x1p24 {
                            step.low = Float(window.low)
                            step.span = UInt32(window.span)
                        }
                    }
                    steps.append(step)
                }
            }
        }
        // By kind (each reads only constants and its own stream: any order
        // gives the same nodes), so that each kind has a loop of its own.
        return (draws.sorted { $0.kind.rawValue < $1.kind.rawValue }, steps)
    }

    /// `monthWindow(from:to:)`'s first month and month count, computed by
    /// its arithmetic; span 0 when it gives NaN (no draw).
    static func window(_ from: Double, _ to: Double) -> (low: Double, span: UInt64) {
        let lo = Swift.min(from, to).rounded(.down)
        let hi = Swift.max(from, to).rounded(.down)
        guard lo.isFinite, hi.isFinite, hi - lo < 0x1p52 else { return (0, 0) }
        return (lo, UInt64(hi - lo) + 1)
    }
}
