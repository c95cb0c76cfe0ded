extension Workspace {
    /// `include PATH`: evaluates the definitions of the file at PATH
    /// (relative to the folder of `file`) into this workspace, as if written
    /// in place, and leaves current the scenario current at its end. Its
    /// queries and expectations are skipped, so nothing prints. A file
    /// already in the workspace is skipped; one still being evaluated closes
    /// a cycle.
    ///
    /// Returns the diagnostics of the included file, each where it arose (a
    /// missing file or a cycle at the path, the included file's own in that
    /// file, with a note naming this include): any error makes the statement
    /// fail and the caller drop every change the include made; warnings alone
    /// do not.
    mutating func include(
        _ target: Citation, at statement: ParsedStatement, in file: SourceFile, _ inclusion: Inclusion
    ) -> [Diagnostic] {
        guard let loader = inclusion.loader else {
            return [Failure(.includeUnavailable, at: target.range).diagnostic(in: file)]
        }
        let path = IncludePath.resolve(target.path, from: file.path)
        let identity = loader.identity(of: path)
        if let first = inclusion.chain.firstIndex(where: { $0.identity == identity }) {
            let names = inclusion.chain[first...].map(\.name) + [path]
            return [Failure(.includeCycle(names), at: target.range).diagnostic(in: file)]
        }
        guard includedFiles.insert(identity).inserted else {
            skippedIncludes.insert(identity)
            return []
        }
        let text: String
        switch loader.read(path) {
        case .success(let read):
            text = read
        case .failure(let failure):
            let help = failure == .noSuchFile ? Self.nearFile(to: path, written: target.path, loader) : nil
            let problem = Failure(.cannotInclude(path, failure.reason), at: target.range, help: help)
            return [problem.diagnostic(in: file)]
        }
        var inner = inclusion
        inner.chain.append(Inclusion.Link(identity: identity, name: path))
        inner.isIncluded = true
        let location = "\(file.name):\(file.location(of: statement.range.start))"
        var problems: [Diagnostic] = []
        evaluate(SourceFile(name: path, text: text, path: path), inner) { item, _ in
            if case .diagnostic(let diagnostic) = item {
                problems.append(diagnostic.included(from: location))
            }
            return true
        }
        return problems
    }

    /// "did you mean ...?" for a missing file, when its folder holds a file
    /// of a near name (or of the same name with `.r2s`), shown as it would
    /// be written in place of `written`.
    private static func nearFile(to path: String, written: String, _ loader: any SourceLoader) -> String? {
        let name = IncludePath.fileName(of: path)
        let names = loader.fileNames(in: IncludePath.folder(of: path))
        let near = names.contains(name + ".r2s") ? name + ".r2s" : Suggestion.nearest(to: name, in: names)
        return near.map { "did you mean `\(IncludePath.replacingFileName(of: written, with: $0))`?" }
    }
}
