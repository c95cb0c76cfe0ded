/// One bar of a tornado: how far the output moves when one input goes from
/// its 10th to its 90th percentile with the others held.
public struct TornadoBar: Hashable, Sendable {
    public var label: String
    /// The output with the input at its 10th and its 90th percentile.
    public var low: Double
    public var high: Double
    public init(label: String, low: Double, high: Double) {
        self.label = label
        self.low = low
        self.high = high
    }
    public var swing: Double { abs(high - low) }
}

/// The tornado chart of a sensitivity analysis, widest bar first.
public enum TornadoPlot {
    /// - Parameters:
    ///   - base: the output with every input as sampled.
    ///   - format: how an output value is written (a date, a percentage).
    public static func render(
        title: String, base: Double, bars: [TornadoBar], style: Style, format: (Double) -> String
    ) -> String {
        let sorted = bars.sorted { $0.swing > $1.swing }
        let values = sorted.map { "\(format($0.low)) .. \(format($0.high))" }
        let valuesWidth = Swift.max(16, values.map(\.count).max() ?? 0)
        let usable = Swift.max(40, style.width - 1)
        let longest = sorted.map(\.label.count).max() ?? 0
        // Labels beside the bars when they fit with bars of 4 a side;
        // otherwise each label on its own line above its bar.
        let beside = longest <= usable - (3 + 8 + 2 + valuesWidth)
        let labelWidth = beside ? longest : 0
        let lead = beside ? labelWidth + 3 : 2
        let half = Swift.max(4, Swift.min(30, (usable - lead - 2 - valuesWidth) / 2))
        let extent = Swift.max(sorted.map { Swift.max(abs($0.low - base), abs($0.high - base)) }.max() ?? 0, 1e-12)
        var lines = title.wordWrapped(width: usable, first: "", rest: "  ")
        lines.append(String(repeating: " ", count: lead + half) + "│ base " + format(base))
        // Which end is which: the first value is the output with the input
        // at its 10th percentile, the second at its 90th (a bar's left end is
        // the lower output, whichever percentile gives it).
        lines.append(String(repeating: " ", count: lead + 2 * half + 2) + "input at p10 .. at p90")
        for (bar, shown) in zip(sorted, values) {
            let left = Swift.min(bar.low, bar.high) - base
            let right = Swift.max(bar.low, bar.high) - base
            let l = Int((Swift.max(0, -left) / extent * Double(half)).rounded())
            let r = Int((Swift.max(0, right) / extent * Double(half)).rounded())
            let bar1 = String(repeating: " ", count: half - l) + String(repeating: "█", count: l)
            let bar2 = String(repeating: "█", count: r) + String(repeating: " ", count: half - r)
            if beside {
                lines.append("\(Format.pad(bar.label, labelWidth))   \(style.cyan(bar1))│\(style.cyan(bar2)) \(shown)")
            } else {
                lines.append(bar.label.count <= usable ? bar.label : String(bar.label.prefix(usable - 1)) + "…")
                lines.append("  \(style.cyan(bar1))│\(style.cyan(bar2)) \(shown)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
