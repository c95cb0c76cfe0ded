import R2Engine
import R2Model

extension Scenario {
    /// A copy with input `kind` fixed at `value` in every trial (for
    /// sensitivity); nil when the slot has no value to pin.
    func pinning(_ kind: InputSlot.Kind, to value: Double) -> Scenario? {
        var s = self
        let c = Value.constant(value)
        switch kind {
        case .variable(let i):
            guard i < s.variables.count else { return nil }
            s.variables[i].value = c
        case .fleet(let chip):
            guard chip < s.chips.count else { return nil }
            s.chips[chip].fleet = c
        case .timelineValue(let entry):
            guard entry < s.timeline.count, let pinned = s.timeline[entry].setting.pinned(c) else { return nil }
            s.timeline[entry].setting = pinned
        case .timelineFrom(let entry):
            guard entry < s.timeline.count else { return nil }
            s.timeline[entry].from = c
        case .r2(let field):
            switch field {
            case .start: s.r2.start = c
            case .needs: s.r2.needs = c
            case .post: s.r2.post = c
            case .holdProbability: s.r2.holdProbability = c
            case .holdMonths: s.r2.holdMonths = c
            case .switchAfter: s.r2.switchAfter = c
            case .portMonths: s.r2.portMonths = c
            case .restart: s.r2.restart = c
            case .fold: s.r2.fold = c
            }
        case .eventProbability(let e):
            guard e < s.events.count else { return nil }
            s.events[e].probability = c
        case .eventWindowStart(let e):
            guard e < s.events.count else { return nil }
            s.events[e].windowStart = c
        case .eventWindowEnd(let e):
            guard e < s.events.count else { return nil }
            s.events[e].windowEnd = c
        case .eventChangeValue(let e, let j):
            guard e < s.events.count, j < s.events[e].changes.count,
                let pinned = s.events[e].changes[j].setting.pinned(c)
            else { return nil }
            s.events[e].changes[j].setting = pinned
        case .eventChangeFrom(let e, let j):
            guard e < s.events.count, j < s.events[e].changes.count else { return nil }
            s.events[e].changes[j].from = c
        case .base(let chip):
            guard chip < s.chips.count else { return nil }
            s.chips[chip].base = c
        }
        return s
    }
}

extension TimelineSetting {
    fileprivate func pinned(_ c: Value) -> TimelineSetting? {
        switch self {
        case .number: return .number(c)
        case .export(.licensed): return .export(.licensed(c))
        case .export: return nil
        }
    }
}
