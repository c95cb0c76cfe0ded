/// What `r2cast test` found in one scenario file.
public struct FileTestResult: Sendable {
    public var path: String
    public var expectations: [ExpectationResult]
    /// Rendered diagnostics: a file with any is a failure.
    public var errors: [String]
    public var seconds: Double
    /// Set when a snapshot drifted: a readable diff.
    public var snapshotDrift: String?
    /// With `--seeds K`: the expectations that do not hold for every seed.
    public var seedSweep: SeedSweep?

    public var failed: Bool {
        !errors.isEmpty || snapshotDrift != nil || expectations.contains { $0.status == .failed }
    }
}
