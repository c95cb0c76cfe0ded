/// What `r2cast test` found in one scenario file.
public struct FileTestResult: Sendable {
    public var path: String
    public var expectations: [ExpectationResult]
    /// Rendered diagnostics: a file with any is a failure.
    public var errors: [String]
    public var seconds: Double
    /// Set when a snapshot drifted: a readable diff.
    public var snapshotDrift: String?
    /// Failures that are no expectation's (`--strict` on a file that
    /// checks nothing), each a JUnit test case of its own.
    public var otherFailures: [(name: String, message: String)] = []
    /// With `--seeds K`: the expectations that do not hold for every seed.
    public var seedSweep: SeedSweep?

    public var failed: Bool {
        !errors.isEmpty || !otherFailures.isEmpty || snapshotDrift != nil
            || expectations.contains { $0.status == .failed }
    }
}
