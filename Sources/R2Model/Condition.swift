/// Something already known, on which a forecast can be conditioned
/// (`observe ...`). Months are absolute.
public enum Condition: Hashable, Sendable {
    /// Release at or before `month` (a continuous absolute month), or, with
    /// `happened` false, no release by then.
    case release(by: Double, happened: Bool)
    /// Adoption A_t at the end of absolute month `month` compared with a threshold.
    case adoption(month: Int, comparison: Comparison, threshold: Double)
    /// A foreign chip's export status kind at absolute month `month`.
    case export(chip: Int, month: Int, status: ExportKind)
    /// Whether event `event` (an index into `Scenario.events`) fired.
    case event(Int, fired: Bool)
    /// The programme folded at or before `by` (a continuous absolute month;
    /// a fold happens at the start of its step), or, with `happened` false,
    /// had not folded by then (model v2).
    case folded(by: Double, happened: Bool)
}

public enum Comparison: String, Hashable, Sendable {
    case above, below
}

/// An export status without its licence probability.
public enum ExportKind: String, Hashable, Sendable {
    case allowed, licensed, banned
}

/// Which release a release query reads (model v2): the lab's next flagship
/// whatever its name, or R2 under its own name (never, once folded).
public enum ReleaseReading: String, Hashable, Sendable, Codable {
    case flagship, named
}
