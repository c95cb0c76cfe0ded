import Foundation
import LineEditor
import R2Language
import R2Notebook

/// Tab completion: `:commands`, help topics after `:help`, file paths
/// after `:load`, `:save`, `:export` and `include`, the names of one kind where only they can come
/// (scenarios after `use` or `in`, chips after `fleet`, ...), otherwise
/// statement keywords and the names the session knows (chips, scenarios,
/// `let` names, events).
package struct Completer {
    let session: Session

    package init(session: Session) {
        self.session = session
    }

    package func complete(line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8.prefix(cursor))
        var start = bytes.count
        while start > 0, !Self.isSeparator(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start...], as: UTF8.self)
        let before = String(decoding: bytes[..<start], as: UTF8.self)
        let head = before.split(separator: " ").first.map(String.init) ?? ""
        if head == ":load" {
            // Only what `:load` can read: scenario files, and folders to go into.
            return Completion(
                replaceFrom: start, candidates: Self.paths(matching: word).filter(Self.isScenarioOrFolder))
        }
        if [":save", ":export"].contains(head) {
            return Completion(replaceFrom: start, candidates: Self.paths(matching: word))
        }
        if head == "include", before.trimmingWhitespace() == "include" {
            return Completion(
                replaceFrom: start, candidates: Self.includePaths(matching: word).filter(Self.isScenarioOrFolder))
        }
        if head == ":help", before.trimmingWhitespace() == ":help" {
            // The topics: statements and queries (their first word), and the commands.
            let topics = Set(
                HelpCatalogue.topics.map { String($0.name.split(separator: " ")[0]) } + Session.commandNames)
            return Completion(
                replaceFrom: start, candidates: topics.filter { $0.hasPrefix(word) && $0 != word }.sorted())
        }
        if before.trimmingWhitespace().isEmpty && word.hasPrefix(":") {
            return Completion(replaceFrom: start, candidates: Session.commandNames.filter { $0.hasPrefix(word) })
        }
        let names = Set(expected(before: before, head: head) ?? session.completionNames + Workspace.keywords)
        return Completion(replaceFrom: start, candidates: names.filter { $0.hasPrefix(word) && $0 != word }.sorted())
    }

    /// The only names that can come next, when the words before tell:
    /// scenarios after `use`, `:use`, `in`, `than`, `scenario NAME from`
    /// and in `compare`; what `explain` takes after it; chips after the
    /// statements that take one; events after `observe event`. Nil:
    /// anything (keywords and every name).
    func expected(before: String, head: String) -> [String]? {
        // Inside `p(`: what a probability can be of.
        if before.hasSuffix("p(") { return Self.probabilityWords }
        // The statement being typed: after an event's `:` or `;`, the change.
        let clause =
            before.split(separator: ";").last.map { part in
                part.contains(":") && part.split(separator: " ").first == "event"
                    ? String(part.split(separator: ":").last ?? "") : String(part)
            } ?? before
        if let words = Self.keywordsAfter(clause.split(separator: " ").map(String.init)) { return words }
        let words = before.split(separator: " ").map(String.init)
        let workspace = session.workspace
        guard let last = words.last else { return nil }
        if head == "compare" || ["use", ":use", "in", "than"].contains(last) || (head == "scenario" && last == "from") {
            return workspace.scenarioNames
        }
        // What `explain` takes: a chip, a `let`, an event, r2 or pressure.
        if words.count == 1, last == "explain" {
            return workspace.chipNames + workspace.letNames + workspace.eventNames + ["r2", "pressure", "in"]
        }
        if words.count == 1, ["fleet", "buy", "make", "yield", "export", "perf", "fail"].contains(last) {
            return workspace.chipNames
        }
        if words.count >= 2, words[words.count - 2] == "observe", last == "event" { return workspace.eventNames }
        return nil
    }

    static let probabilityWords = [
        "release", "no", "named", "flagship", "folded", "not", "adoption", "sector", "installed",
    ]
    static let r2Clauses = ["start", "needs", "post", "hold", "switch", "restart", "fold", "from"]

    /// The keywords that alone can come after `words` (one statement so
    /// far): statuses after `export CHIP`, chart kinds after `plot`, clauses
    /// after `r2` (and after a clause's value), ...; nil when names or
    /// anything may come.
    static func keywordsAfter(_ words: [String]) -> [String]? {
        guard let first = words.first else { return nil }
        switch (first, words.count) {
        case ("export", 2): return ["allowed", "licensed", "banned"]
        case ("plot", 1): return PlotKind.allCases.map(\.rawValue)
        case ("hist", 1), ("cdf", 1): return ["release", "named"]
        case ("fan", 1): return ["adoption", "sector"]
        case ("sector", 1): return ["ship", "make", "pressure", "base", "share"]
        case ("observe", 1): return ["release", "no", "folded", "not", "adoption", "export", "event"]
        case ("chip", 2): return ["foreign", "domestic"]
        case ("r2", _):
            // After `r2` or after a clause's value: another clause.
            let last = words.last!
            if words.count == 1 { return r2Clauses }
            if !(r2Clauses + ["for", "after", "port", "to"]).contains(last) {
                return r2Clauses + ["to", "chip-months", "months", "per"]
            }
            return nil
        default: return nil
        }
    }

    /// A `.r2s` file or a folder (ending in `/`).
    static func isScenarioOrFolder(_ path: String) -> Bool {
        path.hasSuffix("/") || path.hasSuffix(".r2s") || path.hasSuffix(".r2s\"")
    }

    static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "(") || b == UInt8(ascii: ",")
            || b == UInt8(ascii: ";") || b == UInt8(ascii: "\t")
    }

    /// The path of an `include`, relative to the current directory as a
    /// typed `include` is: quoted when the typing started with `"`, and
    /// then closed after a file (not after a folder, to go on into it).
    /// The language does not expand `~`, so neither does this.
    static func includePaths(matching word: String) -> [String] {
        let quoted = word.hasPrefix("\"")
        let typed = quoted ? String(word.dropFirst()) : word
        if typed.hasPrefix("~") { return [] }
        guard quoted else { return paths(matching: typed) }
        return paths(matching: typed).map { path in
            "\"" + path + (path.hasSuffix("/") ? "" : "\"")
        }
    }

    /// Files and folders that start with `prefix` (folders end in `/`).
    static func paths(matching prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + prefix.dropFirst() : prefix
        let folder: String
        let stem: String
        if let slash = expanded.lastIndex(of: "/") {
            folder = String(expanded[...slash])
            stem = String(expanded[expanded.index(after: slash)...])
        } else {
            folder = ""
            stem = expanded
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let shownFolder =
            prefix.hasPrefix("~/") ? "~/" + folder.dropFirst(NSHomeDirectory().count + 1) : Substring(folder)
        return entries.filter { $0.hasPrefix(stem) && (!$0.hasPrefix(".") || stem.hasPrefix(".")) }.sorted().map {
            name in
            var isDir: ObjCBool = false
            let isFolder = FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDir) && isDir.boolValue
            return String(shownFolder) + name + (isFolder ? "/" : "")
        }
    }
}
