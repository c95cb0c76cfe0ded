import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// Draws shown for a value typed at the prompt: the engine's draws of
    /// it in trials 0 ..< 20,000 under the scenario's seed, the same numbers
    /// those trials of a forecast use.
    static let valueDraws = 20_000

    /// `x`, `ascend_output_2025 / 12`, `mean x`: the distribution of a
    /// value, in its own units.
    func value(_ v: ValueQuery, _ scenario: Scenario, _ q: ResolvedQuery) -> CellOutput {
        let unit = ValueUnit(v.dimension)
        var members: [(String, JSONValue)] = [
            ("query", "value"), ("text", .string(q.text)), ("unit", .string(unit.name)),
        ]
        let seed = configuration.seed ?? scenario.seed
        guard
            v.constant == nil,
            let draws = Engine.samples(
                v.value, variables: scenario.variables, correlations: scenario.correlations, draws: Self.valueDraws,
                seed: seed)
        else {
            let x = v.constant ?? .nan
            members.append(("constant", .finite(x)))
            return CellOutput(
                plainText: "\(q.text) = \(unit.text(x, share: false)) (a constant)", json: .object(members))
        }
        let sorted = draws.sorted()
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let variance = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, n - 1)
        let se = (variance / n).squareRoot()
        // A number whose draws all lie in [0, 1] reads as a share.
        let share = v.dimension == .number && sorted.first! >= 0 && sorted.last! <= 1
        func quantile(_ p: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((p * n).rounded(.up)) - 1))] }
        members += [
            ("mean", .finite(mean)), ("se", .finite(se)), ("p10", .finite(quantile(0.1))),
            ("p50", .finite(quantile(0.5))),
            ("p90", .finite(quantile(0.9))), ("draws", .number(n)), ("seed", .number(Double(seed))),
        ]
        if share { members[2] = ("unit", "share") }
        let show = { (x: Double) in unit.text(x, share: share) }
        let errorText =
            v.dimension == .date || v.dimension == .duration
            ? Format.days(se) : share ? Format.percent(se, digits: se < 0.001 ? 3 : 2) : show(se)
        if v.meanOnly {
            return CellOutput(
                plainText: "\(q.text) = \(show(mean)) (±\(errorText), \(Format.count(sorted.count)) draws)",
                json: .object(members))
        }
        var lines = [
            "\(q.text)  (\(Format.count(sorted.count)) draws, seed \(seed)\(share ? ", a share" : unit.suffix))"
        ]
        lines.append(
            "  p10 \(show(quantile(0.1)))   p50 \(show(quantile(0.5)))   p90 \(show(quantile(0.9)))   mean \(show(mean)) (±\(errorText))"
        )
        let (low, high) = (quantile(0.01), quantile(0.99))
        lines.append("  " + Self.sparkline(sorted, from: low, to: high) + "  \(show(low)) .. \(show(high)) (p1 .. p99)")
        return CellOutput(plainText: lines.joined(separator: "\n"), json: .object(members))
    }

    /// A one-line histogram of `sorted` between `low` and `high`.
    static func sparkline(_ sorted: [Double], from low: Double, to high: Double, bins: Int = 32) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        guard high > low else { return String(repeating: "█", count: 1) }
        var counts = [Int](repeating: 0, count: bins)
        for x in sorted where x >= low && x <= high {
            counts[min(bins - 1, Int((x - low) / (high - low) * Double(bins)))] += 1
        }
        let top = Double(counts.max() ?? 1)
        return String(
            counts.map { c in
                c == 0 ? " " : blocks[min(blocks.count - 1, Int(Double(c) / top * Double(blocks.count - 1)))]
            })
    }

    /// `:lets`: the `let` names of the current scenario, with their statements.
    func letsListing() -> String {
        guard let scenario = workspace.currentScenario, !scenario.variables.isEmpty else {
            return "no `let` names in \(currentScenarioName)"
        }
        // A name bound again shadows the earlier binding: list the last.
        var seen = Set<String>()
        let shown = scenario.variables.reversed().filter { seen.insert($0.name).inserted }.reversed()
        let width = shown.map(\.name.count).max() ?? 0
        return shown.map { v in
            // The definition as written, without `let NAME =` and citations.
            var text = Substring(v.provenance.text)
            if let equals = text.firstIndex(of: "=") { text = text[text.index(after: equals)...] }
            if let cite = text.range(of: " cite ") { text = text[..<cite.lowerBound] }
            // A definition written over several lines is one line of the
            // table (it broke the columns): comments off, spaces as one.
            let definition = text.split(separator: "\n").map { $0.split(separator: "#").first ?? "" }
                .joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return Format.pad(v.name, width) + " = " + definition
                + (v.provenance.location.isEmpty ? "" : "  (\(v.provenance.location))")
        }.joined(separator: "\n")
    }
}

/// How a value's numbers are written, by its dimension.
struct ValueUnit {
    var dimension: R2Language.Dimension
    init(_ dimension: R2Language.Dimension) { self.dimension = dimension }

    var name: String {
        switch dimension {
        case .number: return "number"
        case .duration: return "months"
        case .date: return "date"
        case .rate: return "per month"
        }
    }

    /// After the draws count: what the numbers are.
    var suffix: String {
        switch dimension {
        case .number: return ""
        case .duration: return ", a duration"
        case .date: return ", a date"
        case .rate: return ", per month"
        }
    }

    func text(_ x: Double, share: Bool) -> String {
        guard x.isFinite else { return "n/a" }
        switch dimension {
        case .number: return share ? Format.percent(x) : Format.quantity(x)
        case .duration: return Format.months(x)
        case .date: return CalendarDate.day(monthsAfter: 0, x).description
        case .rate: return Format.quantity(x) + " per month"
        }
    }
}
