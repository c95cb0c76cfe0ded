extension Workspace {
    /// Evaluates the statements of `file` in order like `evaluate(_:)`, but
    /// hands each outcome to `body` together with the workspace as it stands
    /// right after that statement, so a query runs against the scenarios as
    /// they were where it was written. `body` returns false to stop.
    ///
    /// A file read from a path (`file.path`) counts as included, so that a
    /// later `include` of it does not apply its definitions a second time.
    public mutating func evaluate(
        _ file: SourceFile, loader: (any SourceLoader)? = nil, each body: (Item, Workspace) -> Bool
    ) {
        var inclusion = Inclusion(loader: loader)
        if let path = file.path, let loader {
            let identity = loader.identity(of: path)
            includedFiles.insert(identity)
            inclusion.chain.append(Inclusion.Link(identity: identity, name: file.name))
        }
        evaluate(file, inclusion, each: body)
    }

    /// The statements of `file`, in or out of an included file: an included
    /// file's queries are skipped, so that including it only defines.
    mutating func evaluate(_ file: SourceFile, _ inclusion: Inclusion, each body: (Item, Workspace) -> Bool) {
        // A NUL byte: not a scenario but a binary file (a program, an
        // image). One error at its first, not one for each line it breaks.
        if let nul = file.text.utf8.firstIndex(of: 0) {
            let offset = file.text.utf8.distance(from: file.text.utf8.startIndex, to: nul)
            let diagnostic = Diagnostic(
                .notText, in: file, at: SourceRange(start: offset, end: offset + 1),
                help: "a scenario file is text; this one is not read")
            _ = body(.diagnostic(diagnostic), self)
            return
        }
        for result in Parser.parse(file) {
            let items: [Item]
            switch result {
            case .failure(let diagnostic):
                items = [.diagnostic(diagnostic)]
            case .success(let statement):
                if inclusion.isIncluded, case .query = statement.statement { continue }
                items = step(statement, in: file, inclusion)
            }
            for item in items where !body(item, self) { return }
        }
    }

    /// Applies one statement all or nothing: its outcome, or what made it
    /// fail (several diagnostics only for an included file with several).
    private mutating func step(_ statement: ParsedStatement, in file: SourceFile, _ inclusion: Inclusion)
        -> [Item]
    {
        var candidate = self
        if case .include(let target) = statement.statement {
            let found = candidate.include(target, at: statement, in: file, inclusion)
            let warnings = found.filter { $0.severity != .error }
            guard warnings.count == found.count else { return found.map(Item.diagnostic) }
            self = candidate
            return [declared(StatementContext(file: file, statement: statement))] + warnings.map(Item.diagnostic)
        }
        // Warnings (values the engine will clamp, windows outside the
        // clock) follow the statement's item, or come before a query's.
        let warnings = ClampWarnings.Sink()
        let outcome = ClampWarnings.$sampler.withValue(tailSampler) {
            ClampWarnings.$sink.withValue(warnings) { () -> Result<Item, Failure> in
                do throws(Failure) {
                    let item = try candidate.apply(statement, in: file)
                    try candidate.checkKnowledge(statement, in: file, inclusion)
                    return .success(item)
                } catch {
                    return .failure(error)
                }
            }
        }
        switch outcome {
        case .success(let item):
            self = candidate
            let found =
                warnings.failures.map { Item.diagnostic($0.diagnostic(in: file)) }
                + warnings.diagnostics.map(Item.diagnostic)
            if case .query = item { return found + [item] }
            return [item] + found
        case .failure(let error):
            return ([error] + error.others).map { .diagnostic($0.diagnostic(in: file)) }
        }
    }
}
