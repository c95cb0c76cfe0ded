import R2Model

extension Elaborator {
    /// A precision as written: each target a share (a number, `±0.5%`) or a
    /// time (a duration, `±3 days`), each kind at most once, and a cap that
    /// is a whole number of blocks between the first check and the largest
    /// run.
    func precision(_ p: PrecisionSyntax) throws(Failure) -> Precision {
        var precision = Precision()
        for target in p.targets {
            let typed = try elaborate(target)
            guard let x = constant(typed.value) else { throw Failure(.notConstant("a precision"), at: target.range) }
            switch typed.dimension {
            case .number:
                guard precision.share == nil else { throw Failure(.precisionTwice("share"), at: target.range) }
                guard x > 0, x <= 0.5 else {
                    throw Failure(.precisionRange, at: target.range, help: "this is \(NumberText.percent(x))")
                }
                precision.share = x
            case .duration:
                guard precision.months == nil else { throw Failure(.precisionTwice("time"), at: target.range) }
                guard x > 0 else { throw Failure(.precisionRange, at: target.range, help: "a time such as `±3 days`") }
                precision.months = x
            default:
                throw Failure(
                    .expectedDimension("a share such as `±0.5%` or a time such as `±3 days`", found: typed.dimension),
                    at: target.range)
            }
        }
        if let cap = p.cap {
            let n = try constantInteger(cap, "the most trials")
            let block = Precision.blockSize
            guard n >= Double(Precision.firstCheck), n <= Double(Scenario.maximumTrials),
                Int(n) % block == 0
            else {
                throw Failure(
                    .precisionCap, at: cap.range,
                    help: "this is \(NumberText.plain(n)); a run to a precision adds blocks of 10,000 trials")
            }
            precision.cap = Int(n)
        }
        return precision
    }
}
