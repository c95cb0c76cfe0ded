import R2Model

extension LaneMachine {
    /// How the group draws one correlated input from its normal z (model v2,
    /// docs/MODEL.md "Correlated inputs"): in lanes for the usual kinds, lane
    /// by lane (`Marginal.quantile` of Phi(z)) for the rest.
    struct CopulaPlan {
        enum Kind: UInt8 {
            /// a + b z
            case normal
            /// e^(a + b z)
            case lognormal
            /// a + b Q(Phi(z)), Q the table's (a beta or PERT)
            case table
            /// a + b Phi(z)
            case uniform
            /// `Marginal.quantile(Phi(z))` lane by lane
            case other
        }
        var kind: Kind
        var a: Float
        var b: Float
        var table: LaneTable
        /// Index into the copula's marginals (for `other`).
        var marginal: Int32
        var node: Int32
    }

    static func copulaPlans(_ copula: CompiledCopula?) -> [CopulaPlan] {
        guard let copula else { return [] }
        return copula.marginals.enumerated().map { i, m in
            var plan = CopulaPlan(
                kind: .other, a: 0, b: 0, table: .standardNormal, marginal: Int32(i), node: copula.nodes[i])
            switch m {
            case .normal(let mu, let sigma): (plan.kind, plan.a, plan.b) = (.normal, Float(mu), Float(sigma))
            case .lognormal(let mu, let sigma): (plan.kind, plan.a, plan.b) = (.lognormal, Float(mu), Float(sigma))
            case .uniform(let low, let high): (plan.kind, plan.a, plan.b) = (.uniform, Float(low), Float(high - low))
            case .beta(let a, let b, let low, let width, _?):
                // The shapes' table, cached for the process (its lane cells too).
                if let table = InverseTable.beta(a, b) {
                    (plan.kind, plan.a, plan.b) = (.table, Float(low), Float(width))
                    plan.table = table.lanes
                }
            default: break
            }
            return plan
        }
    }

    /// The correlated inputs of the group: k standard normals e_j (word j of
    /// each trial's copula stream through the normal's lane table), z = C e
    /// in lanes, and each input F^{-1}(Phi(z)) into its node.
    @inline(never)
    func drawCorrelated(_ keys: LaneRandom.Keys) {
        let k = copulaCount
        let e = copulaNormals
        let base = keys.base(copulaSalt)
        for j in 0..<k { e[j] = normal.sample(keys.word(base, UInt32(truncatingIfNeeded: j))) }
        for i in 0..<k {
            var z = LaneFloat()
            for j in 0...i { z += LaneFloat(repeating: copulaCholesky[i &* k &+ j]) * e[j] }
            let plan = copulaPlans + i
            let a = LaneFloat(repeating: plan.pointee.a)
            let b = LaneFloat(repeating: plan.pointee.b)
            let x: LaneFloat
            switch plan.pointee.kind {
            case .normal: x = a + b * z
            case .lognormal: x = LaneMath.exp(a + b * z)
            case .uniform: x = a + b * Self.phi(z)
            case .table: x = a + b * plan.pointee.table.sample(Self.word(Self.phi(z)))
            case .other:
                let u = Self.phi(z)
                var y = LaneFloat()
                let marginal = Int(truncatingIfNeeded: plan.pointee.marginal)
                copula!.marginals.withUnsafeBufferPointer { m in
                    for l in 0..<Self.width { y[l] = Float(m[marginal].quantile(Double(u[l]))) }
                }
                x = y
            }
            nodes[Int(truncatingIfNeeded: plan.pointee.node)] = x
        }
    }

    /// Phi(z) in lanes: 1 - erfc(z / sqrt 2) / 2 by Abramowitz and Stegun
    /// 7.1.26 (absolute error below 1.5e-7, the resolution of a
    /// single-precision probability near 1).
    @inline(__always)
    static func phi(_ z: LaneFloat) -> LaneFloat {
        let x = LaneMath.select(z .< LaneFloat(), -z, z) * 0.70710678
        let t = 1 / (1 + 0.3275911 * x)
        var p = LaneFloat(repeating: 1.061405429)
        p = p * t - 1.453152027
        p = p * t + 1.421413741
        p = p * t - 0.284496736
        p = p * t + 0.254829592
        let half = 0.5 * p * t * LaneMath.exp(-(x * x))
        return LaneMath.select(z .< LaneFloat(), half, 1 - half)
    }

    /// A probability in [0, 1] as a 32-bit word for a lane table: its top
    /// 23 bits are u 2^23 rounded (at most 2^23 - 1), the resolution of the
    /// engine's own uniform draws, by the 2^23 addition that leaves a whole
    /// number below 2^23 in a float's low bits.
    @inline(__always)
    static func word(_ u: LaneFloat) -> LaneWord {
        let top = LaneFloat(repeating: 0x1p23 - 1)
        let scaled = LaneMath.select(u .> LaneFloat(), LaneMath.select(u * 0x1p23 .< top, u * 0x1p23, top), LaneFloat())
        let k = unsafeBitCast(scaled + 0x1p23, to: LaneWord.self) & LaneWord(repeating: 0x7F_FFFF)
        return k &<< 9
    }
}
