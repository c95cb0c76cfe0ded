import R2Model

/// What the project reads of an evidence card in seeds/ (docs/EVIDENCE.md):
/// the date it reports (`- Date: 2025-08-14`, or a month, `2025-08`, or a
/// year, `2025`, with `00` for an unknown part) and its reliability grade
/// (`- Grade: P`, M, A or L).
public struct EvidenceCard: Hashable, Sendable {
    /// The day by which the card's report was certainly out: the day it
    /// states; for a month-only date the month's last day, for a year-only
    /// date the 31st of December (a report of "August 2025" may have come
    /// after the 14th, so a scenario as of 2025-08-14 may not use it).
    public var date: CalendarDate?
    /// The date as the card writes it (`2025-08`), for messages.
    public var dateText: String?
    public var grade: Grade?

    public enum Grade: String, Hashable, Sendable, CaseIterable {
        /// Primary: the company or the government itself.
        case primary = "P"
        /// A major outlet.
        case major = "M"
        /// An analyst's estimate relayed by an outlet.
        case analyst = "A"
        /// Low quality or unverified: a judgement, not evidence.
        case low = "L"
    }

    /// Reads the first `- Date:` and `- Grade:` lines (leading spaces
    /// allowed) and stops there: lines are cut at newline bytes, so a card
    /// with CRLF line ends reads the same, and the rest of a long card is
    /// never scanned (a file cites tens of cards, read on every load).
    public init(text: String) {
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let l = Substring(bytes).drop { $0 == " " }
            if date == nil, l.hasPrefix("- Date:") {
                let value = l.dropFirst("- Date:".count).drop { $0 == " " }
                let token = String(value.prefix { $0.isNumber || $0 == "-" })
                dateText = token
                date = Self.certain(token)
            } else if grade == nil, l.hasPrefix("- Grade:") {
                let value = l.dropFirst("- Grade:".count).drop { $0 == " " }
                grade = value.first.flatMap { Grade(rawValue: String($0)) }
            }
            if date != nil && grade != nil { break }
        }
    }

    /// `2025-08-14` as written; `2025-08` and `2025-08-00` as 2025-08-31;
    /// `2025` and `2025-00-00` as 2025-12-31.
    static func certain(_ token: String) -> CalendarDate? {
        let parts = token.split(separator: "-").map { Int($0) }
        guard let first = parts.first, let year = first else { return nil }
        let month = parts.count > 1 ? (parts[1] ?? 0) : 0
        let day = parts.count > 2 ? (parts[2] ?? 0) : 0
        guard month >= 1 else { return CalendarDate(year: year, month: 12, day: 31) }
        guard day >= 1 else {
            return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(year: year, month: month))
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The paths where a card cited as `path` from the file at `citing` may
    /// lie: beside the citing file, then in each folder above it, then as
    /// written (so `seeds/x.md` cited from `scenarios/baseline.r2s` is found
    /// in the project's seeds/ when run from the project's root).
    public static func candidatePaths(_ path: String, citing: String?) -> [String] {
        if path.hasPrefix("/") { return [path] }
        var paths: [String] = []
        var folder = citing.map(IncludePath.folder(of:)) ?? ""
        while !folder.isEmpty && folder != "/" {
            paths.append(folder + "/" + path)
            folder = IncludePath.folder(of: folder)
        }
        paths.append(path)
        return paths
    }
}
