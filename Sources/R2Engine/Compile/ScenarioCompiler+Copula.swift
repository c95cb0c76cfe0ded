import Foundation
import R2Model

extension ScenarioCompiler {
    /// The variables whose values the copula draws: both ends of every
    /// correlation between two distributions. A variable pinned to a
    /// constant (as sensitivity pins inputs) drops out with its
    /// correlations, and a partner left with no other correlation draws
    /// from its own stream again: were it kept, its slot (which draws
    /// nothing itself) would hold zero.
    var correlatedVariables: Set<Int> {
        func random(_ v: Int) -> Bool {
            v >= 0 && v < scenario.variables.count && scenario.variables[v].value.constantValue() == nil
        }
        var set = Set<Int>()
        for c in scenario.correlations where random(c.first) && random(c.second) {
            set.insert(c.first)
            set.insert(c.second)
        }
        return set
    }

    /// A node the copula writes, for correlated variable `i`: no
    /// instructions, so its slot draws nothing from its own stream.
    mutating func copulaSlot(_ i: Int) -> Int32 {
        nodes.append(0)
        nodeIsConstant.append(false)
        let node = Int32(nodes.count - 1)
        let start = Int32(program.count)
        inputs.append(
            InputSlot(
                kind: .variable(i), label: "let \(scenario.variables[i].name)", stream: StreamID.variable(i),
                isRandom: true, node: node, programStart: start, programEnd: start))
        return node
    }

    /// The copula of the correlated variables, or nil when there are none.
    mutating func copula() throws(CompileError) -> CompiledCopula? {
        let kept = correlatedVariables
        let correlations = scenario.correlations.filter { kept.contains($0.first) && kept.contains($0.second) }
        guard !correlations.isEmpty else { return nil }
        var seen = Set<[Int]>()
        for c in correlations {
            guard c.first != c.second else {
                throw CompileError(path: "correlations", message: "an input cannot be correlated with itself")
            }
            guard c.coefficient > -1 && c.coefficient < 1 else {
                throw CompileError(
                    path: "correlations", message: "a rank correlation must lie strictly between -1 and 1")
            }
            guard seen.insert([min(c.first, c.second), max(c.first, c.second)]).inserted else {
                throw CompileError(path: "correlations", message: "the same pair is correlated twice")
            }
        }
        let matrix = CorrelationMatrix(correlations)
        guard let cholesky = matrix.cholesky else {
            throw CompileError(
                path: "correlations",
                message: "the correlations are not possible together (the matrix is not positive definite)")
        }
        var marginals: [Marginal] = []
        for v in matrix.variables {
            marginals.append(try marginal(scenario.variables[v].value, path: "variables[\(v)]"))
        }
        // The beta tables the marginals point into stay alive with the copula.
        var tables: [InverseTable] = []
        func keep(_ m: Marginal) {
            switch m {
            case .beta(let a, let b, _, _, _?): if let t = InverseTable.beta(a, b) { tables.append(t) }
            case .mixture(let parts, _): parts.forEach(keep)
            default: break
            }
        }
        marginals.forEach(keep)
        return CompiledCopula(
            nodes: matrix.variables.map { variableNodes[$0] }, marginals: marginals, cholesky: cholesky,
            tables: tables)
    }

    /// `m` times c > 0: its quantile at u is c times m's (F(x) = F_m(x / c)),
    /// written as the same kind with scaled parameters.
    func scaled(_ m: Marginal, by c: Double, path: String) throws(CompileError) -> Marginal {
        switch m {
        case .constant(let x): return .constant(c * x)
        case .normal(let mu, let sigma): return .normal(mu: c * mu, sigma: c * sigma)
        case .lognormal(let mu, let sigma): return .lognormal(mu: mu + log(c), sigma: sigma)
        case .uniform(let low, let high): return .uniform(low: c * low, high: c * high)
        case .beta(let a, let b, let low, let width, let table):
            return .beta(a: a, b: b, low: c * low, width: c * width, table: table)
        case .triangular(let low, let mode, let high): return .triangular(low: c * low, mode: c * mode, high: c * high)
        case .monthWindow:
            throw CompileError(path: path, message: "a date window cannot be scaled by a unit")
        case .mixture(let parts, let cumulative):
            var scaledParts: [Marginal] = []
            for part in parts { scaledParts.append(try scaled(part, by: c, path: path)) }
            return .mixture(scaledParts, cumulative: cumulative)
        }
    }

    /// The distribution of a correlated input: one distribution of
    /// constant parameters (a mixture's components may be constants).
    func marginal(_ value: Value, path: String, inMixture: Bool = false) throws(CompileError) -> Marginal {
        func c(_ v: Value) throws(CompileError) -> Double {
            guard let x = v.constantValue(variables: scenario.variables.map(\.value)) else {
                throw CompileError(path: path, message: "a correlated input's parameters must be constants")
            }
            return x
        }
        // A unit's factor (`2 to 6 weeks`): the same distribution scaled.
        if !inMixture, let (inner, factor) = value.unitScaled {
            return try scaled(marginal(inner, path: path), by: factor, path: path)
        }
        switch value {
        case .constant(let x) where inMixture: return .constant(x)
        case .normal(let m, let s): return .normal(mu: try c(m), sigma: try c(s))
        case .lognormal(let m, let s): return .lognormal(mu: try c(m), sigma: try c(s))
        case .uniform(let a, let b): return .uniform(low: try c(a), high: try c(b))
        case .beta(let a, let b):
            let (x, y) = (try c(a), try c(b))
            guard x > 0 && y > 0 else { throw CompileError(path: path, message: "a beta needs positive shapes") }
            return .beta(a: x, b: y, low: 0, width: 1, table: InverseTable.beta(x, y)?.function)
        case .triangular(let a, let m, let b): return .triangular(low: try c(a), mode: try c(m), high: try c(b))
        case .pert(let a, let m, let b):
            let (low, high) = (try c(a), try c(b))
            guard high > low else { return .constant(low) }
            let mode = Swift.min(Swift.max(try c(m), low), high)
            let alpha = 1 + 4 * (mode - low) / (high - low)
            let beta = 1 + 4 * (high - mode) / (high - low)
            return .beta(
                a: alpha, b: beta, low: low, width: high - low, table: InverseTable.beta(alpha, beta)?.function)
        case .interval90(let a, let b):
            let (x, y) = (try c(a), try c(b))
            if x > 0 && y > 0 {
                return .lognormal(mu: 0.5 * (log(x) + log(y)), sigma: (log(y) - log(x)) / (2 * RandomStream.z95))
            }
            return .normal(mu: 0.5 * (x + y), sigma: (y - x) / (2 * RandomStream.z95))
        case .monthWindow(let a, let b):
            let window = LaneMachine.window(try c(a), try c(b))
            guard window.span > 0 else { throw CompileError(path: path, message: "the date window is not a number") }
            return .monthWindow(low: window.low, span: Double(window.span))
        case .mixture(let components, let weights) where !inMixture:
            let total = weights.reduce(0, +)
            guard total > 0, components.count == weights.count else {
                throw CompileError(path: path, message: "a mixture needs positive weights")
            }
            var parts: [Marginal] = []
            for component in components { parts.append(try marginal(component, path: path, inMixture: true)) }
            var cumulative: [Double] = []
            var sum = 0.0
            for w in weights {
                sum += w
                cumulative.append(sum / total)
            }
            cumulative[cumulative.count - 1] = 1
            return .mixture(parts, cumulative: cumulative)
        default:
            throw CompileError(
                path: path,
                message:
                    "a correlated input must be one distribution (arithmetic over distributions cannot be correlated)")
        }
    }
}
