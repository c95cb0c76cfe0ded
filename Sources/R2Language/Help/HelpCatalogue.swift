/// Every help topic of the language, one per statement, query and kind of
/// quantity; the single source of `:help` and docs/LANGUAGE.md.
public enum HelpCatalogue {
    public static let topics: [HelpTopic] = quantities + declarations + queries

    /// The topic named `name` (case-insensitive; `as` finds `as of`).
    public static func topic(named name: String) -> HelpTopic? {
        let key = name.lowercased().trimmingSpaces
        return topics.first { $0.name == key || $0.name.split(separator: " ").first.map(String.init) == key }
    }

    /// The nearest topic name to a misspelt one, if any is near.
    public static func suggestion(for name: String) -> String? {
        Suggestion.nearest(to: name.lowercased(), in: topics.map(\.name))
    }

    /// Every topic name, in catalogue order.
    public static var names: [String] { topics.map(\.name) }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
