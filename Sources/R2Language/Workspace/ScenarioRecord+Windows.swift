import R2Model

/// An event's window or a `from` date, with where it is written, so that
/// one the clock leaves out is warned of: the engine acts on a date before
/// the clock's start from its first month, and never on one after its end
/// (docs/MODEL.md, "Time"). The statement still applies.
///
/// The check needs the clock the scenario will run with, and a file may
/// state `clock` after its events. So a window declared once the scenario
/// has stated its clock is checked at once; one declared before waits for
/// the `clock` statement, which checks every window against the new clock,
/// or, in a scenario that never states one, for the first query that runs
/// the scenario, which checks it against the default clock.
struct DatedWindow: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// The window of the event so named (declaring it again replaces it).
        case event(String)
        /// The `from DATE` of a setting.
        case from
    }

    var kind: Kind
    /// The first and last months any draw of it can fall in, as absolute
    /// continuous months (infinite on a side where its draws have no bound:
    /// an uncertain window is warned of only when all of it is outside).
    var earliest: Double
    var latest: Double
    var file: SourceFile
    var range: SourceRange
    /// Checked against the clock (see above).
    var checked = false

    /// The warning when no month it can fall in is one of `clock`'s.
    func warning(for clock: Clock) -> Diagnostic? {
        let (first, last) = (CalendarDateText.month(clock.start), CalendarDateText.month(clock.end))
        let shown = "\(first) to \(last)"
        let (what, subject) = kind == .from ? ("date", "the setting") : ("window", "the event")
        let message: DiagnosticMessage
        let widened: String?
        if latest.rounded(.down) < Double(clock.start) {
            message = .outsideTheClock(what, "before", shown, "\(subject) applies from \(first)")
            widened = Self.month(earliest.isFinite ? earliest : latest).map { "\($0) to \(last)" }
        } else if earliest.rounded(.down) > Double(clock.end) {
            let effect = kind == .from ? "the setting never applies" : "the event never takes effect"
            message = .outsideTheClock(what, "after", shown, effect)
            widened = Self.month(latest.isFinite ? latest : earliest).map { "\(first) to \($0)" }
        } else {
            return nil
        }
        let help = widened.map { "widen the clock to include it: `clock \($0)`" }
        return Diagnostic(message, in: file, at: range, help: help)
    }

    /// `YYYY-MM` of the month holding `date`, when a clock can hold it.
    static func month(_ date: Double) -> String? {
        let whole = date.rounded(.down)
        guard whole >= 12, whole < 12 * 10_000 else { return nil }
        return CalendarDateText.month(Int(whole))
    }
}

extension ScenarioRecord {
    /// Keeps the window from `start` to `end` (one date for a `from`),
    /// written at `range` of `file`, in place of the event's earlier one;
    /// checks it at once when the scenario has stated its clock.
    mutating func noteWindow(
        _ kind: DatedWindow.Kind, _ start: Value, _ end: Value, at range: SourceRange, in file: SourceFile
    ) {
        let e = elaborator
        let first = ClampWarnings.support(e.resolved(start), constant: e.constant, resolve: e.resolved)
        let last = ClampWarnings.support(e.resolved(end), constant: e.constant, resolve: e.resolved)
        var window = DatedWindow(
            kind: kind, earliest: Swift.min(first.0, last.0), latest: Swift.max(first.1, last.1), file: file,
            range: range)
        if case .event = kind { windows.removeAll { $0.kind == kind } }
        if clockStated {
            window.checked = true
            if let warning = window.warning(for: scenario.clock) { ClampWarnings.report(warning) }
        }
        windows.append(window)
    }

    /// Sets the clock a `clock` statement states and checks every window
    /// against it (a window checked against the same clock is not again).
    mutating func stateClock(_ clock: Clock) {
        let unchanged = clockStated && scenario.clock == clock
        scenario.clock = clock
        clockStated = true
        for i in windows.indices {
            if !(unchanged && windows[i].checked), let warning = windows[i].warning(for: clock) {
                ClampWarnings.report(warning)
            }
            windows[i].checked = true
        }
    }

    /// The warnings of the windows still waiting for a check, against the
    /// clock the scenario runs with; they are checked from now on.
    mutating func checkWaitingWindows() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for i in windows.indices where !windows[i].checked {
            windows[i].checked = true
            if let warning = windows[i].warning(for: scenario.clock) { warnings.append(warning) }
        }
        return warnings
    }
}

extension Workspace {
    /// Checks the waiting windows of the scenarios `query` runs: `scenario`
    /// (the one it is about), or those it compares, and the one an
    /// expectation measures against. A window a derived scenario shares with
    /// its parent is warned of once.
    mutating func checkWaitingWindows(of query: Query, on scenario: String) {
        var names = [scenario]
        switch query {
        case .compare(let scenarios, _, _):
            names = scenarios
        case .expect(let expectation):
            switch expectation.bound {
            case .aboveScenario(let other, _), .belowScenario(let other, _): names.append(other)
            default: break
            }
        default:
            break
        }
        var reported: Set<Diagnostic> = []
        for name in names {
            guard let index = recordIndex(named: name) else { continue }
            for warning in records[index].checkWaitingWindows() {
                if reported.insert(warning).inserted { ClampWarnings.report(warning) }
            }
        }
    }
}
