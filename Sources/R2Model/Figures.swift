/// Whole numbers as every layer writes them: the language's messages,
/// the forecast's report and the notebook's lines all call this one.
public enum Figures {
    /// A whole number with its thousands grouped: 20000 -> "20,000".
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(d)
        }
        return (n < 0 ? "-" : "") + grouped
    }
}
