import R2Model

/// One entry of the help catalogue: what `:help NAME` prints and what
/// docs/LANGUAGE.md lists for a statement, query or kind of quantity.
public struct HelpTopic: Hashable, Sendable {
    /// The word the topic is looked up by, such as `chip` or `as of`.
    public var name: String
    public var category: Category
    /// The statement's syntax on one line.
    public var syntax: String
    /// What the statement means, in one paragraph.
    public var meaning: String
    /// A runnable example (one or more lines).
    public var example: String

    public init(_ name: String, _ category: Category, syntax: String, meaning: String, example: String) {
        self.name = name
        self.category = category
        self.syntax = syntax
        self.meaning = meaning
        self.example = example
    }

    public enum Category: String, Hashable, Sendable, CaseIterable {
        case quantities = "Quantities"
        case declarations = "Declarations"
        case queries = "Queries"
    }

    /// The topic as `:help` prints it, the meaning filled to `width`
    /// columns (the syntax and the example keep their lines).
    public func text(width: Int = .max) -> String {
        "\(syntax)\n\n\(meaning.wordWrapped(width: width).joined(separator: "\n"))\n\nExample:\n"
            + example.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }
}
