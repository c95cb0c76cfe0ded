/// Where an evaluation stands among included files: the loader that reads
/// them, the files being evaluated (outermost first), which an include of
/// one of them would turn into a cycle, and whether this file was included
/// (then its queries are skipped).
struct Inclusion {
    /// A file being evaluated: its loader identity and the name it is shown under.
    struct Link {
        var identity: String
        var name: String
    }

    var loader: (any SourceLoader)?
    var chain: [Link] = []
    var isIncluded = false
    /// The evidence cards read so far in this evaluation, shared by the
    /// files it includes: a file cites the same cards many times.
    let cards = CardShelf()
}

/// Evidence cards by the path they were looked for at (nil: none there),
/// for one evaluation: a later evaluation reads them afresh, so an edited
/// card counts at the next load.
final class CardShelf {
    private var cards: [String: EvidenceCard?] = [:]

    func card(at path: String, loader: any SourceLoader) -> EvidenceCard? {
        if let known = cards[path] { return known }
        var card: EvidenceCard?
        if case .success(let text) = loader.read(path) { card = EvidenceCard(text: text) }
        cards[path] = card
        return card
    }
}
