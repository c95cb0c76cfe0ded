import R2Model

extension Workspace {
    /// No knowledge from the future (docs/EVIDENCE.md): a scenario dated
    /// `as of D` may not cite a card whose own date is after D. Checked when
    /// a statement with `cite` applies to such a scenario (at the card's
    /// path) and when `as of` dates a scenario that already cites (at the
    /// `as of`). Cards are read through the inclusion's loader, once each
    /// per evaluation; one that cannot be read, or that states no date, is
    /// not checked here.
    func checkKnowledge(_ statement: ParsedStatement, in file: SourceFile, _ inclusion: Inclusion) throws(Failure) {
        guard let loader = inclusion.loader, let scenario = currentScenario, let asOf = scenario.knownAsOf else {
            return
        }
        func card(_ path: String, citing: String?) -> (path: String, card: EvidenceCard)? {
            // From the citing file's absolute path (the loader's identity),
            // so that the folders above it are searched whatever the
            // working folder: `r2cast test x.r2s` run beside the file once
            // found no card and checked nothing.
            for candidate in EvidenceCard.candidatePaths(path, citing: citing.map { loader.identity(of: $0) }) {
                if let card = inclusion.cards.card(at: candidate, loader: loader) { return (candidate, card) }
            }
            return nil
        }
        func isLater(_ c: EvidenceCard) -> Bool {
            guard let date = c.date else { return false }
            return date.continuousMonth > asOf.continuousMonth
        }
        if case .asOf = statement.statement {
            for p in scenario.citingProvenances {
                for path in p.cites {
                    let citing = p.location.split(separator: ":").dropLast().joined(separator: ":")
                    guard let (_, c) = card(path, citing: citing), isLater(c) else { continue }
                    throw Failure(
                        .knowledgeFromTheFuture(path, c.dateText ?? "", asOf.description), at: statement.range,
                        help:
                            "a scenario as of \(asOf) uses only what that date knew: move `as of`, or drop the citation",
                        note: "cited at \(p.location): `\(p.text)`")
                }
            }
            return
        }
        for cite in statement.cites {
            guard let (_, c) = card(cite.path, citing: file.path), isLater(c) else { continue }
            throw Failure(
                .knowledgeFromTheFuture(cite.path, c.dateText ?? "", asOf.description), at: cite.range,
                help: "a scenario as of \(asOf) uses only what that date knew: cite cards dated on or before it")
        }
    }
}

extension Scenario {
    /// Every provenance of the scenario that cites evidence.
    var citingProvenances: [Provenance] {
        var all: [Provenance] = variables.map(\.provenance)
        for chip in chips {
            all.append(chip.provenance)
            if let p = chip.fleetProvenance { all.append(p) }
            if let p = chip.baseProvenance { all.append(p) }
        }
        all += timeline.map(\.provenance)
        all += r2.provenance.values.sorted { $0.location < $1.location }
        all += events.map(\.provenance)
        all += correlations.map(\.provenance)
        return all.filter { !$0.cites.isEmpty }
    }
}
