/// A whole count as people write it and the language reads it: `20000`,
/// `20_000`, `20,000`, `20k`, `1.5M`. Used by `--trials` and `:set`.
public enum CountText {
    /// The count, or nil when `text` is not a whole number in this form.
    public static func parse(_ text: String) -> Int? {
        var digits = text.filter { $0 != "_" && $0 != "," }
        var scale = 1.0
        if let last = digits.last, "kKmM".contains(last) {
            scale = last == "k" || last == "K" ? 1e3 : 1e6
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(digits),
            (value * scale).rounded() == value * scale, value * scale < 1e15
        else { return nil }
        return Int(value * scale)
    }
}
