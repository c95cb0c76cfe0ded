import R2Language
import Testing

@testable import R2Notebook

/// The session runs a scenario once per run key and builds its report once,
/// whatever number of queries and expectations read it.
@Suite("Run and report caches")
struct RunCacheTests {
    @Test func queriesAndExpectationsOfOneRunShareOneReport() throws {
        let text =
            holdScenario(trials: "2k") + """
                forecast
                p(release by 2025-06)
                expect median release before 2025-12
                expect p(release by 2025-06) above 50%

                """
        let (session, e) = evaluate(text)
        #expect(!e.failed)
        #expect(session.cache.count == 1)
        #expect(session.reports.count == 1)
        // The cached report is the one the queries read: the same release
        // distribution object answers a later query without a new sort.
        let key = try #require(session.reports.keys.first)
        let cached = try #require(session.reports[key])
        _ = session.evaluate(SourceFile(name: "more.r2s", text: "p(release by 2025-09)\n"))
        #expect(session.reports.count == 1)
        #expect(session.reports[key]?.release.count == cached.release.count)
    }

    @Test func anObservationMakesANewRunAndReport() {
        let (session, _) = evaluate(holdScenario(trials: "2k") + "forecast\n")
        _ = session.evaluate(SourceFile(name: "obs.r2s", text: "observe no release by 2025-03\nforecast\n"))
        #expect(session.cache.count == 2)
        #expect(session.reports.count == 2)
        #expect(Set(session.reports.keys.map(\.observations)) == [[], ["observe no release by 2025-03"]])
    }

    @Test func resetEmptiesBothCaches() {
        let (session, _) = evaluate(holdScenario(trials: "2k") + "forecast\n")
        _ = session.runCommand(":reset")
        #expect(session.cache.isEmpty && session.reports.isEmpty)
    }

    /// Past `cachedTrialLimit` trials the caches start again, so a long
    /// session of large runs does not keep every one.
    @Test func theCachesAreBoundedBySize() {
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.cachedTrialLimit = 5000
        _ = evaluate(holdScenario(trials: "2k") + "forecast\n", in: session)
        _ = session.evaluate(SourceFile(name: "b.r2s", text: "trials 2.5k\nforecast\n"))
        #expect(session.cache.count == 2 && session.reports.count == 2)
        _ = session.evaluate(SourceFile(name: "c.r2s", text: "trials 3k\nforecast\n"))
        // 2k + 2.5k + 3k would pass the limit: the caches hold the last run only.
        #expect(session.cache.count == 1 && session.reports.count == 1)
        #expect(session.cache.keys.first?.trials == 3000)
    }
}
