import R2Forecast

/// JUnit XML for CI systems: one test suite per scenario file, one test
/// case per expectation; a file that failed to evaluate is one error case.
public struct JUnitReport: Sendable {
    public struct FileResult: Sendable {
        public var path: String
        public var expectations: [ExpectationResult]
        /// Rendered diagnostics when the file did not evaluate.
        public var errors: [String]
        public var seconds: Double
        /// Failures that are no expectation's (snapshot drift, `--strict`
        /// on a file that checks nothing): a failed test case each, named.
        public var failures: [(name: String, message: String)]
        /// With `--seeds K`: each expectation that failed with some seed.
        public var seedSweep: SeedSweep?
        public init(
            path: String, expectations: [ExpectationResult], errors: [String],
            failures: [(name: String, message: String)] = [], seconds: Double, seedSweep: SeedSweep? = nil
        ) {
            self.path = path
            self.expectations = expectations
            self.errors = errors
            self.failures = failures
            self.seconds = seconds
            self.seedSweep = seedSweep
        }

        /// Test cases: the expectations, the evaluation when it failed, the other failures.
        var testCount: Int { expectations.count + (errors.isEmpty ? 0 : 1) + failures.count }
        var failureCount: Int { expectations.filter { $0.status == .failed }.count + failures.count }
    }

    public var files: [FileResult]
    public init(files: [FileResult]) { self.files = files }

    public var xml: String {
        let tests = files.reduce(0) { $0 + $1.testCount }
        let failures = files.reduce(0) { $0 + $1.failureCount }
        let errors = files.filter { !$0.errors.isEmpty }.count
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        out.append("<testsuites name=\"r2cast\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">")
        for file in files {
            out.append(
                "  <testsuite name=\"\(esc(file.path))\" tests=\"\(file.testCount)\" failures=\"\(file.failureCount)\" errors=\"\(file.errors.isEmpty ? 0 : 1)\" time=\"\(seconds(file.seconds))\">"
            )
            if !file.errors.isEmpty {
                out.append("    <testcase classname=\"\(esc(file.path))\" name=\"evaluate\">")
                out.append(
                    "      <error message=\"the file did not evaluate\">\(esc(file.errors.joined(separator: "\n")))</error>"
                )
                out.append("    </testcase>")
            }
            for e in file.expectations {
                out.append(
                    "    <testcase classname=\"\(esc(file.path))\" name=\"\(esc(e.location + " " + e.statement))\">")
                // The run it was checked on, to reproduce it, and the other
                // seeds (`--seeds K`) it failed with.
                let swept = file.seedSweep?.entry(at: e.location)
                // The verdict's lines, with what the other seeds found.
                let text = e.line + (swept.map { "\n" + $0.line } ?? "")
                if e.seed != nil || e.trials != nil || file.seedSweep != nil {
                    out.append("      <properties>")
                    if let seed = e.seed { out.append("        <property name=\"seed\" value=\"\(seed)\"/>") }
                    if let trials = e.trials { out.append("        <property name=\"trials\" value=\"\(trials)\"/>") }
                    if let sweep = file.seedSweep {
                        out.append("        <property name=\"other_seeds\" value=\"\(sweep.more)\"/>")
                        out.append(
                            "        <property name=\"fails_with_seeds\" value=\"\(esc((swept?.failingSeeds ?? []).joined(separator: ", ")))\"/>"
                        )
                    }
                    out.append("      </properties>")
                }
                if e.status == .failed {
                    out.append(
                        "      <failure message=\"\(esc("estimate \(e.estimate), expected \(e.bound)"))\">\(esc(text))</failure>"
                    )
                } else if e.isFragile || swept != nil || e.warning != nil {
                    out.append("      <system-out>\(esc(text))</system-out>")
                }
                out.append("    </testcase>")
            }
            for failure in file.failures {
                out.append("    <testcase classname=\"\(esc(file.path))\" name=\"\(esc(failure.name))\">")
                let first = failure.message.split(separator: "\n").first.map(String.init) ?? failure.message
                out.append("      <failure message=\"\(esc(first))\">\(esc(failure.message))</failure>")
                out.append("    </testcase>")
            }
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

    private func seconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }

    private func esc(_ s: String) -> String { XMLText.escape(s) }
}
