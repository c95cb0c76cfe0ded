import Foundation
import R2Model

extension ScenarioCompiler {
    /// Compiles one top-level input slot: its instructions are contiguous and
    /// drawn from the slot's own stream. Returns the node of its value.
    mutating func slot(
        _ value: Value, _ kind: InputSlot.Kind, _ label: String, _ stream: UInt32, _ path: String
    ) throws(CompileError) -> Int32 {
        let start = Int32(program.count)
        let limit: Int
        if case .variable(let i) = kind { limit = i } else { limit = variableNodes.count }
        let node = try self.node(value, variableLimit: limit, path: path)
        inputs.append(
            InputSlot(
                kind: kind, label: label, stream: stream, isRandom: !nodeIsConstant[Int(node)],
                node: node, programStart: start, programEnd: Int32(program.count)))
        return node
    }

    mutating func constant(_ x: Double) -> Int32 {
        nodes.append(x)
        nodeIsConstant.append(true)
        return Int32(nodes.count - 1)
    }

    mutating func emit(_ op: Instruction.Op, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1) -> Int32 {
        nodes.append(0)
        nodeIsConstant.append(false)
        let dst = Int32(nodes.count - 1)
        program.append(Instruction(op, dst: dst, a, b, c))
        return dst
    }

    func isConstant(_ n: Int32) -> Bool { nodeIsConstant[Int(n)] }

    /// The index of `t` among the scenario's tables (each table once).
    mutating func table(_ t: InverseTable) -> Int32 {
        if let i = tables.firstIndex(where: { $0 === t }) { return Int32(i) }
        tables.append(t)
        return Int32(tables.count - 1)
    }

    /// The node holding `value`; variables below `variableLimit` may be used.
    mutating func node(_ value: Value, variableLimit: Int, path: String) throws(CompileError) -> Int32 {
        func sub(_ v: Value) throws(CompileError) -> Int32 {
            try node(v, variableLimit: variableLimit, path: path)
        }
        switch value {
        case .constant(let x):
            return constant(x)
        case .variable(let i):
            guard i >= 0 && i < variableLimit && i < variableNodes.count else {
                throw CompileError(
                    path: path,
                    message: "variable \(i) is undefined here (only earlier variables may be used)")
            }
            return variableNodes[i]
        case .normal(let m, let s):
            return emit(.normal, try sub(m), try sub(s))
        case .lognormal(let m, let s):
            return emit(.lognormal, try sub(m), try sub(s))
        case .uniform(let lo, let hi):
            return emit(.uniform, try sub(lo), try sub(hi))
        case .beta(let a, let b):
            let x = try sub(a)
            let y = try sub(b)
            if isConstant(x) && isConstant(y), let t = InverseTable.beta(nodes[Int(x)], nodes[Int(y)]) {
                return emit(.table, table(t), constant(0), constant(1))
            }
            return emit(.beta, x, y)
        case .triangular(let lo, let mode, let hi):
            return emit(.triangular, try sub(lo), try sub(mode), try sub(hi))
        case .pert(let lo, let mode, let hi):
            let a = try sub(lo)
            let m = try sub(mode)
            let b = try sub(hi)
            guard isConstant(a) && isConstant(m) && isConstant(b) else { return emit(.pert, a, m, b) }
            // Constant bounds: the beta's shapes are computed here, by the
            // same arithmetic as the sampler, and it is drawn by inversion.
            let low = nodes[Int(a)]
            let high = nodes[Int(b)]
            guard high > low else { return constant(low) }
            let mode = Swift.min(Swift.max(nodes[Int(m)], low), high)
            let width = high - low
            let alpha = 1 + 4 * (mode - low) / width
            let beta = 1 + 4 * (high - mode) / width
            guard let t = InverseTable.beta(alpha, beta) else { return emit(.pert, a, m, b) }
            return emit(.table, table(t), constant(low), constant(width))
        case .interval90(let lo, let hi):
            let a = try sub(lo)
            let b = try sub(hi)
            guard isConstant(a) && isConstant(b) else { return emit(.interval90, a, b) }
            // Constant bounds: the lognormal's (or normal's) parameters are
            // computed once here, by the same arithmetic as the sampler.
            let x = nodes[Int(a)]
            let y = nodes[Int(b)]
            if x > 0 && y > 0 {
                let lx = log(x)
                let ly = log(y)
                return emit(
                    .lognormal, constant(0.5 * (lx + ly)), constant((ly - lx) / (2 * RandomStream.z95)))
            }
            return emit(.normal, constant(0.5 * (x + y)), constant((y - x) / (2 * RandomStream.z95)))
        case .monthWindow(let from, let to):
            return emit(.monthWindow, try sub(from), try sub(to))
        case .mixture(let components, let weights):
            return try mixture(components, weights, variableLimit: variableLimit, path: path)
        case .negate(let v):
            let a = try sub(v)
            if isConstant(a) { return constant(-nodes[Int(a)]) }
            return emit(.negate, a)
        case .binary(let op, let x, let y):
            let a = try sub(x)
            let b = try sub(y)
            if isConstant(a) && isConstant(b) { return constant(op.apply(nodes[Int(a)], nodes[Int(b)])) }
            let code: Instruction.Op
            switch op {
            case .add: code = .add
            case .subtract: code = .subtract
            case .multiply: code = .multiply
            case .divide: code = .divide
            case .minimum: code = .minimum
            case .maximum: code = .maximum
            }
            return emit(code, a, b)
        }
    }

    /// Every component is evaluated (in order, from the slot's stream), then
    /// one is picked with probability proportional to its weight.
    mutating func mixture(
        _ components: [Value], _ weights: [Double], variableLimit: Int, path: String
    ) throws(CompileError) -> Int32 {
        guard !components.isEmpty, components.count == weights.count else {
            throw CompileError(path: path, message: "a mixture needs one weight per component")
        }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw CompileError(path: path, message: "mixture weights must be finite and not negative")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else {
            throw CompileError(path: path, message: "mixture weights add up to zero")
        }
        var componentNodes: [Int32] = []
        for v in components {
            componentNodes.append(try node(v, variableLimit: variableLimit, path: path))
        }
        let offset = Int32(mixtureNodes.count)
        var cumulative = 0.0
        for (n, w) in zip(componentNodes, weights) {
            cumulative += w
            mixtureNodes.append(n)
            mixtureCumulative.append(cumulative / total)
        }
        mixtureCumulative[mixtureCumulative.count - 1] = 1
        return emit(.mixture, offset, Int32(components.count))
    }
}
