import R2Language
import R2Model

extension Session {
    /// How a file is already in the session.
    public enum Holding: Sendable, Equatable {
        /// A cell loaded it (`:load`, or an earlier file of `r2cast run`);
        /// the text of its latest load.
        case loaded(text: String)
        /// An `include` brought it in and no cell loaded it.
        case included
    }

    /// How the file at `path` is already in the session, nil when it is not.
    public func holding(path: String) -> Holding? {
        let identity = loader.identity(of: path)
        var latest: String?
        for cell in notebook.cells {
            if case .loaded(let p) = cell.kind, loader.identity(of: p) == identity { latest = cell.input }
        }
        if let latest { return .loaded(text: latest) }
        return workspace.includedFiles.contains(identity) ? .included : nil
    }

    /// `:load` of a file this session loaded before: its definitions are
    /// replaced where they stood. The workspace is built again from the
    /// session's cells in order (statements only: queries are not run
    /// again, observations stay), each loaded file once, at its first
    /// load, with its latest text (the new one for this file), so that
    /// the session holds exactly what a fresh session evaluating the same
    /// cells would: an unchanged file changes nothing, bit for bit, however
    /// many times it is reloaded.
    ///
    /// A file that came in by an `include` (and was never loaded) is
    /// reloaded the same way: the rebuild reads it again where it was
    /// included. Loading it as a new file would apply its statements a
    /// second time.
    ///
    /// Returns the cell's summary and whether the file came in by an
    /// include, or nil when the file is not in the session.
    func reload(path: String, text: String) -> (summary: String, included: Bool)? {
        guard let holding = holding(path: path) else { return nil }
        let identity = loader.identity(of: path)
        let included = holding == .included
        var earlier: String?
        if case .loaded(let text) = holding { earlier = text }
        let current = workspace.currentScenario?.name
        // A file stands where it was first loaded, with the text of its
        // latest load (this one's for this file): evaluating it again at
        // each reload's cell would apply its statements twice (a chip
        // declared again, a dated input added again), which is not what any
        // fresh session holds. One that something brought in already (an
        // include) is not evaluated again either.
        let firstLoads = notebook.firstLoads(identity: { loader.identity(of: $0) }, replacing: (identity, text))
        var rebuilt = Workspace(tailSampler: .engine)
        for cell in notebook.cells {
            switch cell.kind {
            case .loaded(let p):
                guard let newest = firstLoads[cell.number], !rebuilt.includedFiles.contains(loader.identity(of: p))
                else { continue }
                _ = rebuilt.evaluate(SourceFile(name: p, text: newest, path: p), loader: loader)
            case .statements:
                _ = rebuilt.evaluate(SourceFile(name: "In[\(cell.number)]", text: cell.input), loader: loader)
            case .command:
                // `:use` is the one command that changes the workspace.
                let line = cell.input.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix(":use ") { _ = rebuilt.evaluate("use " + line.dropFirst(5), name: ":use") }
            }
        }
        if let current, rebuilt.scenario(named: current) != nil, rebuilt.currentScenario?.name != current {
            _ = rebuilt.evaluate("use \(current)", name: ":load")
        }
        workspace = rebuilt
        cache.removeAll()
        reports.removeAll()
        lastTornado = nil
        // Observations are the session's, not the file's: they stay, and
        // the summary says so rather than let "as a fresh session's" hide them.
        let observed = observations.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map {
            "\($0.value.count) on `\($0.key)`"
        }
        let kept = observed.isEmpty ? "" : "; observations still in force: " + observed.joined(separator: ", ")
        guard let earlier else {
            return (
                "reloaded \(path), which an `include` brought in: its definitions read again where it was included "
                    + "(its queries are not run)\(kept)", true
            )
        }
        let before = Self.statementTexts(earlier, path)
        let after = Self.statementTexts(text, path)
        let removed = before.subtracting(after).count
        let added = after.subtracting(before).count
        if removed == 0 && added == 0 {
            return (
                "reloaded \(path): unchanged (\(after.count) statements), the workspace is as a fresh session's\(kept)",
                false
            )
        }
        return (
            "reloaded \(path): \(added) statement\(added == 1 ? "" : "s") added or changed, \(removed) removed or changed; "
                + "its definitions replaced where it was loaded (its queries are not run again)\(kept)", false
        )
    }

    /// The texts of a file's statements, for what a reload changed.
    static func statementTexts(_ text: String, _ path: String) -> Set<String> {
        let file = SourceFile(name: path, text: text, path: path)
        var texts = Set<String>()
        for case .success(let statement) in Parser.parse(file) { texts.insert(file.text(in: statement.range)) }
        return texts
    }
}
