extension Workspace {
    /// Evaluates the statements of `file` in order like `evaluate(_:)`, but
    /// hands each outcome to `body` together with the workspace as it stands
    /// right after that statement, so a query runs against the scenarios as
    /// they were where it was written. `body` returns false to stop.
    public mutating func evaluate(_ file: SourceFile, each body: (Item, Workspace) -> Bool) {
        for result in Parser.parse(file) {
            let item: Item
            switch result {
            case .failure(let diagnostic):
                item = .diagnostic(diagnostic)
            case .success(let statement):
                var candidate = self
                do throws(Failure) {
                    item = try candidate.apply(statement, in: file)
                    self = candidate
                } catch {
                    item = .diagnostic(error.diagnostic(in: file))
                }
            }
            if !body(item, self) { return }
        }
    }
}
