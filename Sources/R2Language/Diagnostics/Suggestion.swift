import R2Model

/// "Did you mean ...?" suggestions: the known name nearest to a misspelt one.
public enum Suggestion {
    /// The candidate `name` most likely stands for: one that differs only
    /// in case; else the only one that `name` (of `shortestPrefix`
    /// characters or more) starts, as `ban` starts `banned`; else the
    /// nearest by edit distance, if near enough to be a plausible typo
    /// (about one edit in three characters).
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        let limit = max(1, min(3, (name.count + 2) / 3))
        var best: (name: String, distance: Int)?
        var started: Set<String> = []
        for candidate in candidates where candidate != name {
            let other = candidate.lowercased()
            if name.count >= shortestPrefix, other.count > lowered.count, other.hasPrefix(lowered) {
                started.insert(candidate)
            }
            let distance = other == lowered ? 0 : editDistance(lowered, other)
            let replacesAll = distance >= max(name.count, candidate.count)
            if distance <= limit, !replacesAll, best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        if let best, best.distance == 0 { return best.name }
        if started.count == 1, let only = started.first { return only }
        return best?.name
    }

    /// The fewest characters a word needs to stand for a longer one it
    /// starts: fewer would start too many (`b` or `ba` would be anything).
    static let shortestPrefix = 3

    /// The help text for a suggestion, or nil when there is none.
    public static func help(for name: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: name, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// "did you mean" the number `written` stands for (`digitsForLookalikes`),
    /// followed by `suffix` (`%` for `2O%`); nil when it stands for none.
    public static func numberHelp(for written: String, suffix: String = "") -> String? {
        digitsForLookalikes(written).map { "did you mean `\($0)\(suffix)`? `\(written)` has a letter for a digit" }
    }

    /// Letters that look like digits: O and o for 0, l and I for 1.
    static let lookalikes: [Character: Character] = ["O": "0", "o": "0", "l": "1", "I": "1"]

    /// `word` with each letter that looks like a digit (`lookalikes`)
    /// turned into it, when `word` is a number written so: it starts with
    /// a digit, holds at least one such letter, and otherwise only digits
    /// and `.` (`2O` -> `20`, `1l` -> `11`).
    public static func digitsForLookalikes(_ word: String) -> String? {
        guard let first = word.first, first.isASCII, first.isNumber,
            word.contains(where: { lookalikes[$0] != nil }),
            word.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || lookalikes[$0] != nil })
        else { return nil }
        return String(word.map { lookalikes[$0] ?? $0 })
    }

    /// `word` with its lookalike letters turned into digits, when it is a
    /// date written so: `YYYY-MM` or `YYYY-MM-DD` with at least one such
    /// letter, a date that exists once they are read as digits (`2O25-03`
    /// -> `2025-03`, `2025-O3` -> `2025-03`).
    public static func dateForLookalikes(_ word: String) -> String? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            word.contains(where: { lookalikes[$0] != nil }),
            word.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" || lookalikes[$0] != nil })
        else { return nil }
        let digits = String(word.map { lookalikes[$0] ?? $0 })
        let numbers = digits.split(separator: "-").map { Int($0)! }
        guard CalendarDate(year: numbers[0], month: numbers[1], day: numbers.count == 3 ? numbers[2] : nil) != nil
        else { return nil }
        return digits
    }

    /// "did you mean" the date `written` stands for (`dateForLookalikes`).
    public static func dateHelp(for written: String) -> String? {
        dateForLookalikes(written).map { "did you mean `\($0)`? `\(written)` has a letter for a digit" }
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
