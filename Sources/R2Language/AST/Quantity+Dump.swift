extension Quantity: CustomStringConvertible {
    /// A compact S-expression: `(to 2000 (per-month 4000))`.
    public var description: String { dump }

    var dump: String {
        switch kind {
        case .number(let x): return NumberText.plain(x)
        case .date(let d): return d.description
        case .name(let name): return name
        case .unit(let e, let unit): return "(\(unit.rawValue) \(e.dump))"
        case .negate(let e): return "(- \(e.dump))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(a.dump) \(b.dump))"
        case .interval(let a, let b): return "(to \(a.dump) \(b.dump))"
        case .window(let a, let b): return "(between \(a.dump) \(b.dump))"
        case .call(let f, let args):
            let parts = args.map { arg in
                arg.weight.map { "(@ \(arg.value.dump) \($0.dump))" } ?? arg.value.dump
            }
            return "(" + ([f.rawValue] + parts).joined(separator: " ") + ")"
        }
    }
}

extension Optional where Wrapped == Quantity {
    /// ` KEYWORD expr` when present, nothing otherwise.
    func dump(_ keyword: String) -> String {
        map { " \(keyword) \($0.dump)" } ?? ""
    }
}
