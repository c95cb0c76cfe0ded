import Foundation
import R2Model

// The tables the input sampler (TrialMachine+Inputs.swift) reads, built once
// per machine from the compiled scenario.
extension TrialMachine {
    /// A slot that is a single lognormal or uniform draw with constant
    /// parameters: node `dst` gets exp(a + b Z) or a + b U, the same
    /// arithmetic as the input program's, so the same bits.
    struct Draw {
        var salt: UInt64
        var dst: Int32
        var a: Double
        var b: Double
    }

    /// A slot that is a single draw by inversion with constant parameters
    /// (a table, or the normal's): node `dst` gets a + b Q(U).
    struct QuantileDraw {
        var salt: UInt64
        /// The function's packed copy (`QuantileFunction.packed`).
        var table: UnsafeRawPointer
        var a: Double
        var b: Double
        var dst: Int32
    }

    /// Two lognormal draws with constant parameters in the exponential's
    /// range: nodes dst0, dst1 get exp(a + b Z), lane by lane.
    struct LognormalPair {
        var salt0: UInt64
        var salt1: UInt64
        var a: SIMD2<Double>
        var b: SIMD2<Double>
        var dst0: Int32
        var dst1: Int32
    }

    /// A slot's `monthWindow` of constant bounds (`low`, `span` as in
    /// `Step`) from word 1 + advance / gamma of its stream.
    struct SpanDraw {
        var salt: UInt64
        var advance: UInt64
        var low: Double
        var span: UInt64
        var dst: Int32
    }

    /// A slot's `mixture` (components at `offset` ..< offset + count of the
    /// mixture tables) from word 1 + advance / gamma of its stream.
    struct MixtureDraw {
        var salt: UInt64
        var advance: UInt64
        var offset: Int32
        var count: Int32
        var dst: Int32
    }

    /// What a step of a slot's program does: an `Instruction.Op`;
    /// `monthSpan`, a `monthWindow` of constant bounds (`low` and the month
    /// count `span` computed once, by the same arithmetic); or `stream`,
    /// which starts the stream of salt `span` past its first `a` words.
    enum StepOp: UInt8 {
        case normal, lognormal, uniform, beta, triangular, pert, interval90
        case table, mixture, monthWindow, monthSpan, stream
        case negate, add, subtract, multiply, divide, minimum, maximum

        init(_ op: Instruction.Op) {
            switch op {
            case .normal: self = .normal
            case .lognormal: self = .lognormal
            case .uniform: self = .uniform
            case .beta: self = .beta
            case .triangular: self = .triangular
            case .pert: self = .pert
            case .interval90: self = .interval90
            case .table: self = .table
            case .mixture: self = .mixture
            case .monthWindow: self = .monthWindow
            case .negate: self = .negate
            case .add: self = .add
            case .subtract: self = .subtract
            case .multiply: self = .multiply
            case .divide: self = .divide
            case .minimum: self = .minimum
            case .maximum: self = .maximum
            }
        }
    }

    /// One instruction of a slot's program, as `execute` runs it.
    struct Step {
        var op: StepOp
        var dst: Int32
        var a: Int32
        var b: Int32
        var c: Int32
        var low = 0.0
        var span: UInt64 = 0
    }

    /// An event's draws: its stream, nodes, and, when its window is
    /// constant, the window's first month and month count (`span` 0: not
    /// constant, or no month).
    struct EventPlan {
        var salt: UInt64
        var probabilityNode: Int32
        var windowStartNode: Int32
        var windowEndNode: Int32
        var low = 0.0
        var span: UInt64 = 0
    }

    /// The input sampler's tables: the single draws with constant
    /// parameters by kind (any order within a kind gives the same nodes:
    /// each reads constants and its own stream), the other random slots'
    /// programs, and the events.
    struct InputTables {
        var quantileDraws: UnsafeMutablePointer<QuantileDraw>
        var quantileDrawCount: Int
        var lognormalPairs: UnsafeMutablePointer<LognormalPair>
        var lognormalPairCount: Int
        /// Lognormals always in the exponential's range, the other
        /// lognormals, then uniforms (a + b U, b = high - low): ends.
        var draws: UnsafeMutablePointer<Draw>
        var lognormalEnd: Int
        var guardedEnd: Int
        var uniformEnd: Int
        var spanDraws: UnsafeMutablePointer<SpanDraw>
        var spanDrawCount: Int
        var mixtureDraws: UnsafeMutablePointer<MixtureDraw>
        var mixtureDrawCount: Int
        /// The programs of the other random slots, in order.
        var steps: UnsafeMutablePointer<Step>
        var stepCount: Int
        var events: UnsafeMutablePointer<EventPlan>
        /// The standard normal's packed quantile function.
        var normal: UnsafeRawPointer
        /// `TrialMachine.trialKey`'s round keys.
        var philoxKeys: UnsafeMutablePointer<SIMD2<UInt64>>

        /// The tables of `compiled` (nodes in `written` are computed by the
        /// program; the others hold constants), allocated in `arena`.
        static func make(_ compiled: CompiledScenario, seed: UInt64, written: Set<Int32>, _ arena: inout Arena)
            -> InputTables
        {
            let n = compiled.initialNodes
            // One packed copy per function drawn from.
            var packedCopies: [UnsafeMutableRawPointer: UnsafeRawPointer] = [:]
            func packed(_ f: QuantileFunction) -> UnsafeRawPointer {
                let key = UnsafeMutableRawPointer(f.intervals)
                if let p = packedCopies[key] { return p }
                let p = f.packed()
                arena.pointers.append(p)
                packedCopies[key] = UnsafeRawPointer(p)
                return UnsafeRawPointer(p)
            }
            let normal = packed(InverseTable.standardNormal.function)
            let zBound = Self.normalBound
            var quantileDraws: [QuantileDraw] = []
            var safeLognormals: [Draw] = []
            var guardedLognormals: [Draw] = []
            var uniforms: [Draw] = []
            var spanDraws: [SpanDraw] = []
            var mixtureDraws: [MixtureDraw] = []
            // Nodes computed by the single draws, spans and mixtures.
            var drawnNodes: Set<Int32> = []
            /// Adds `ins` (from word 1 of the stream `salt`) to the single
            /// draws when it is one with constant parameters.
            func addDraw(_ ins: Instruction, _ salt: UInt64) -> Bool {
                let operands = ins.op == .table ? [ins.b, ins.c] : [ins.a, ins.b]
                if operands.contains(where: written.contains) { return false }
                switch ins.op {
                case .table:
                    quantileDraws.append(
                        QuantileDraw(
                            salt: salt, table: packed(compiled.tables[Int(ins.a)].function),
                            a: n[Int(ins.b)], b: n[Int(ins.c)], dst: ins.dst))
                case .normal:
                    quantileDraws.append(
                        QuantileDraw(salt: salt, table: normal, a: n[Int(ins.a)], b: n[Int(ins.b)], dst: ins.dst))
                case .lognormal:
                    let a = n[Int(ins.a)]
                    let b = n[Int(ins.b)]
                    let draw = Draw(salt: salt, dst: ins.dst, a: a, b: b)
                    // |a + b Z| <= (|a| + |b| zBound) (1 + 2^-52)^2:
                    // far within 700 with this margin.
                    if (abs(a) + abs(b) * zBound) * 1.001 + 1 <= 700 {
                        safeLognormals.append(draw)
                    } else {
                        guardedLognormals.append(draw)
                    }
                case .uniform:
                    let low = n[Int(ins.a)]
                    uniforms.append(Draw(salt: salt, dst: ins.dst, a: low, b: n[Int(ins.b)] - low))
                default:
                    return false
                }
                drawnNodes.insert(ins.dst)
                return true
            }
            var steps: [Step] = []
            let arithmetic: Set<Instruction.Op> = [.negate, .add, .subtract, .multiply, .divide, .minimum, .maximum]
            for index in compiled.randomSlots {
                let s = compiled.inputs[Int(index)]
                let salt = RandomStream.salt(s.stream)
                var start = Int(s.programStart)
                let end = Int(s.programEnd)
                // Its first instruction, word 1 of the stream, is drawn with
                // the single draws when it can be: every node it reads is a
                // constant, and the nodes it writes are read only by later
                // instructions (of this slot or later slots).
                var drawn: Int32 = 0
                if start < end && addDraw(compiled.program[start], salt) {
                    start += 1
                    drawn = 1
                }
                var program = compiled.program[start..<end]
                // When the slot's only other draw is its next instruction, a
                // month window of constant bounds or a mixture of nodes
                // already drawn, it joins the draws (after the above: the
                // slot's later instructions are arithmetic, run after).
                if let first = program.first, !program.dropFirst().contains(where: { !arithmetic.contains($0.op) }) {
                    let advance = UInt64(drawn) &* RandomStream.gamma
                    let ready = { (node: Int32) in !written.contains(node) || drawnNodes.contains(node) }
                    if first.op == .monthWindow && !written.contains(first.a) && !written.contains(first.b) {
                        let window = Self.window(n[Int(first.a)], n[Int(first.b)])
                        if window.span != 0 {
                            spanDraws.append(
                                SpanDraw(salt: salt, advance: advance, low: window.low, span: window.span, dst: first.dst))
                            drawnNodes.insert(first.dst)
                            program = program.dropFirst()
                        }
                    } else if first.op == .mixture
                        && (0..<Int(first.b)).allSatisfy({ ready(compiled.mixtureNodes[Int(first.a) + $0]) })
                    {
                        mixtureDraws.append(
                            MixtureDraw(salt: salt, advance: advance, offset: first.a, count: first.b, dst: first.dst))
                        drawnNodes.insert(first.dst)
                        program = program.dropFirst()
                    }
                }
                if program.contains(where: { !arithmetic.contains($0.op) }) {
                    steps.append(Step(op: .stream, dst: -1, a: drawn, b: -1, c: -1, span: salt))
                }
                for ins in program {
                    var step = Step(op: StepOp(ins.op), dst: ins.dst, a: ins.a, b: ins.b, c: ins.c)
                    if ins.op == .monthWindow && !written.contains(ins.a) && !written.contains(ins.b) {
                        let window = Self.window(n[Int(ins.a)], n[Int(ins.b)])
                        if window.span != 0 {
                            step.op = .monthSpan
                            (step.low, step.span) = window
                        }
                    }
                    steps.append(step)
                }
            }
            var events: [EventPlan] = []
            for ev in compiled.events {
                var plan = EventPlan(
                    salt: RandomStream.salt(ev.stream), probabilityNode: ev.probabilityNode,
                    windowStartNode: ev.windowStartNode, windowEndNode: ev.windowEndNode)
                if !written.contains(ev.windowStartNode) && !written.contains(ev.windowEndNode) {
                    (plan.low, plan.span) = Self.window(n[Int(ev.windowStartNode)], n[Int(ev.windowEndNode)])
                }
                events.append(plan)
            }
            var pairs: [LognormalPair] = []
            while safeLognormals.count >= 2 {
                let d0 = safeLognormals.removeFirst()
                let d1 = safeLognormals.removeFirst()
                pairs.append(
                    LognormalPair(
                        salt0: d0.salt, salt1: d1.salt, a: SIMD2(d0.a, d1.a), b: SIMD2(d0.b, d1.b),
                        dst0: d0.dst, dst1: d1.dst))
            }
            let draws = safeLognormals + guardedLognormals + uniforms
            let tables = InputTables(
                quantileDraws: arena.copy(quantileDraws), quantileDrawCount: quantileDraws.count,
                lognormalPairs: arena.copy(pairs), lognormalPairCount: pairs.count,
                draws: arena.copy(draws), lognormalEnd: safeLognormals.count,
                guardedEnd: safeLognormals.count + guardedLognormals.count, uniformEnd: draws.count,
                spanDraws: arena.copy(spanDraws), spanDrawCount: spanDraws.count,
                mixtureDraws: arena.copy(mixtureDraws), mixtureDrawCount: mixtureDraws.count,
                steps: arena.copy(steps), stepCount: steps.count,
                events: arena.copy(events), normal: normal,
                philoxKeys: arena.copy(TrialMachine.philoxKeys(seed: seed)))
            return tables
        }

        /// |Z| <= normalBound for every normal the normal's table gives.
        static let normalBound = InverseTable.standardNormal.function.magnitudeBound()

        /// `monthWindow(from:to:)`'s first month and month count, computed
        /// by its arithmetic; span 0 when it gives NaN (no draw).
        static func window(_ from: Double, _ to: Double) -> (low: Double, span: UInt64) {
            let lo = Swift.min(from, to).rounded(.down)
            let hi = Swift.max(from, to).rounded(.down)
            guard lo.isFinite, hi.isFinite, hi - lo < 0x1p52 else { return (0, 0) }
            return (lo, UInt64(hi - lo) + 1)
        }
    }
}
