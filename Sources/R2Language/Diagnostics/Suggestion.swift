/// "Did you mean ...?" suggestions: the known name nearest to a misspelt one.
public enum Suggestion {
    /// The candidate nearest to `name` by edit distance, if near enough to
    /// be a plausible typo (about one edit in three characters).
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        let limit = max(1, min(3, (name.count + 2) / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance =
                candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
            let replacesAll = distance >= max(name.count, candidate.count)
            if distance <= limit, !replacesAll, best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The help text for a suggestion, or nil when there is none.
    public static func help(for name: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: name, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// "did you mean" the number `written` stands for (`digitsForLookalikes`),
    /// followed by `suffix` (`%` for `2O%`); nil when it stands for none.
    public static func numberHelp(for written: String, suffix: String = "") -> String? {
        digitsForLookalikes(written).map { "did you mean `\($0)\(suffix)`? `\(written)` has a letter for a digit" }
    }

    /// `word` with each letter that looks like a digit (O and o for 0, l
    /// and I for 1) turned into it, when `word` is a number written so:
    /// it starts with a digit, holds at least one such letter, and
    /// otherwise only digits and `.` (`2O` -> `20`, `1l` -> `11`).
    public static func digitsForLookalikes(_ word: String) -> String? {
        let lookalikes: [Character: Character] = ["O": "0", "o": "0", "l": "1", "I": "1"]
        guard let first = word.first, first.isASCII, first.isNumber,
            word.contains(where: { lookalikes[$0] != nil }),
            word.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || lookalikes[$0] != nil })
        else { return nil }
        return String(word.map { lookalikes[$0] ?? $0 })
    }

    /// Levenshtein distance between two strings, by character.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
