import Testing

@testable import R2Notebook

/// Counts as `--trials` and `:set` read them.
@Suite struct CountTextTests {
    @Test func readsTheLanguagesWaysOfWritingACount() {
        for (text, n) in [
            ("20000", 20_000), ("20_000", 20_000), ("20,000", 20_000), ("20k", 20_000), ("1.5M", 1_500_000),
            ("2K", 2000),
        ] {
            #expect(CountText.parse(text) == n, "\(text)")
        }
        for text in ["", "k", "1.5", "2.5x", "-3", "1e6", "0x10", "1.0001k"] {
            #expect(CountText.parse(text) == nil, "\(text)")
        }
    }

    @Test func setTrialsAcceptsThem() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        #expect(session.runCommand(":set trials 1.5k").cell?.failed == false)
        #expect(session.configuration.trials == 1500)
        #expect(
            session.runCommand(":set trials 60M").cell?.outputs.first?.plainText
                == "error: trials must be between 1 and 50,000,000")
    }

    /// A negative number is a whole number, only out of range: it was
    /// "`-5` is not a whole number".
    @Test func negativeSettingsSayTheRange() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        func said(_ command: String) -> String? { session.runCommand(command).cell?.outputs.first?.plainText }
        #expect(said(":set trials -5") == "error: trials must be between 1 and 50,000,000, not -5")
        #expect(said(":set seed -1") == "error: seed must be 0 or more, not -1")
        #expect(said(":set threads -2k") == "error: threads must be between 1 and 256, not -2k")
        #expect(said(":set trials -x") == "error: `-x` is not a whole number")
    }
}
