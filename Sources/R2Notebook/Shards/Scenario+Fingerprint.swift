import R2Model

extension Scenario {
    /// A digest of everything that determines the scenario's forecast (its
    /// inputs, clock, trials and seed, not where its statements were written),
    /// to tell whether two shards come from the same scenario. Stable for one
    /// build of r2cast.
    public var fingerprint: String {
        var s = self
        s.variables = s.variables.map {
            var v = $0; v.provenance = Provenance(); return v
        }
        s.chips = s.chips.map {
            var c = $0
            c.provenance = Provenance()
            c.fleetProvenance = nil
            c.baseProvenance = nil
            return c
        }
        s.asOfProvenance = nil
        s.correlations = s.correlations.map {
            var c = $0; c.provenance = Provenance(); return c
        }
        s.timeline = s.timeline.map {
            var e = $0; e.provenance = Provenance(); return e
        }
        s.events = s.events.map {
            var e = $0
            e.provenance = Provenance()
            e.changes = e.changes.map {
                var c = $0; c.provenance = Provenance(); return c
            }
            return e
        }
        s.r2.provenance = [:]
        // FNV-1a, 64 bits, over the value's description (dictionary-free once
        // provenance is gone, so it does not vary between processes).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in String(describing: s).utf8 {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
