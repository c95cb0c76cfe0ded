import R2Model
import Testing

@testable import R2Engine

/// `Engine.shareOutside`, the sampler behind the language's clamp warnings
/// for values with no closed form: against shares known in closed form,
/// within 4 standard errors of a proportion from 20,000 draws.
@Suite struct TailShareTests {
    static let draws = 20_000

    static func within4SE(_ estimate: Double?, _ exact: Double) -> Bool {
        guard let estimate else { return false }
        let se = (exact * (1 - exact) / Double(draws)).squareRoot()
        return abs(estimate - exact) <= 4 * se
    }

    @Test func aSumOfTwoNormalsMatchesItsClosedForm() {
        // N(0.5, 0.2) + N(0.5, 0.2) = N(1, 0.2 sqrt 2): above 1 half the
        // time, below 0 with Phi(-3.5355) = 0.000204.
        let x = Value.normal(mean: .constant(0.5), sd: .constant(0.2))
        let share = Engine.shareOutside(.binary(.add, x, x), variables: [], low: 0, high: 1, draws: Self.draws)
        #expect(Self.within4SE(share, 0.500204))
    }

    @Test func aProductOfUniformsMatchesItsClosedForm() {
        // P(U V > 1) for U on (0, 1), V on (0, 2): 1/2 - ln(2)/2 = 0.15343.
        let u = Value.uniform(low: .constant(0), high: .constant(1))
        let v = Value.uniform(low: .constant(0), high: .constant(2))
        let share = Engine.shareOutside(.binary(.multiply, u, v), variables: [], low: 0, high: 1, draws: Self.draws)
        #expect(Self.within4SE(share, 0.5 - 0.5 * 0.6931471805599453))
    }

    @Test func aVariableIsOneDrawWhereverItAppears() {
        // x - x is 0 in every trial when x is one draw; two independent
        // draws of N(0, 1) would differ by more than 0.001 almost always.
        let x = Variable(name: "x", value: .normal(mean: .constant(0), sd: .constant(1)))
        let difference = Value.binary(.subtract, .variable(0), .variable(0))
        #expect(
            Engine.shareOutside(difference, variables: [x], low: -0.001, high: 0.001, draws: Self.draws) == 0)
        let independent = Value.binary(.subtract, x.value, x.value)
        #expect(
            Engine.shareOutside(independent, variables: [x], low: -0.001, high: 0.001, draws: Self.draws)! > 0.99)
    }

    @Test func aValueNamesItsVariablesInWrittenOrder() {
        let v = Value.binary(
            .add,
            .pert(low: .variable(3), mode: .constant(1), high: .negate(.variable(0))),
            .mixture(components: [.variable(3), .interval90(low: .constant(1), high: .variable(7))], weights: [1, 1]))
        #expect(v.namedVariables == [3, 0, 3, 7])
        #expect(Value.normal(mean: .constant(0), sd: .constant(1)).namedVariables.isEmpty)
    }

    /// Only the variables a value depends on, directly or through others,
    /// are drawn: the rest may be anything, even values that could not be
    /// compiled (a reference past the end), and the estimate is the same
    /// bits as with them constant, since each variable keeps its stream.
    @Test func onlyTheVariablesTheValueDependsOnAreDrawn() {
        let n = Value.normal(mean: .constant(0.5), sd: .constant(0.3))
        let chained = [
            Variable(name: "unused", value: .binary(.add, .variable(99), n)),
            Variable(name: "a", value: n),
            Variable(name: "b", value: .binary(.multiply, .variable(1), n)),
        ]
        let value = Value.binary(.add, .variable(2), .uniform(low: .constant(0), high: .constant(0.5)))
        let share = Engine.shareOutside(value, variables: chained, low: 0, high: 1, draws: Self.draws)
        var constant = chained
        constant[0].value = .constant(0)
        #expect(share != nil)
        #expect(share == Engine.shareOutside(value, variables: constant, low: 0, high: 1, draws: Self.draws))
        // Without `a`, which `b` names, the value is drawn differently.
        constant[1].value = .constant(0.5)
        #expect(share != Engine.shareOutside(value, variables: constant, low: 0, high: 1, draws: Self.draws))
    }

    @Test func constantsAndEmptyEstimatesAreNil() {
        #expect(Engine.shareOutside(.constant(2), variables: [], low: 0, high: 1, draws: Self.draws) == nil)
        let u = Value.uniform(low: .constant(0), high: .constant(1))
        #expect(Engine.shareOutside(u, variables: [], low: 0, high: 1, draws: 0) == nil)
        // The same seed gives the same estimate.
        let x = Value.binary(.multiply, u, .normal(mean: .constant(1), sd: .constant(1)))
        #expect(
            Engine.shareOutside(x, variables: [], low: 0, high: 1, draws: 1000)
                == Engine.shareOutside(x, variables: [], low: 0, high: 1, draws: 1000))
    }
}
