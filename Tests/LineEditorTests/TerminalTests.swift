import Testing

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct TerminalTests {
    @Test func localeEndsUpUTF8EvenFromC() {
        setlocale(LC_CTYPE, "C")
        #expect(Terminal.setUTF8Locale())
        #expect(Terminal.codesetIsUTF8())
    }

    @Test func widthIsPositive() {
        #expect(Terminal.width() > 0)
    }

    @Test func sigintSetsTheFlagUntilTaken() {
        InterruptFlag.shared.install()
        _ = InterruptFlag.shared.take()
        // To the process, not this thread: dispatch worker threads block signals.
        kill(getpid(), SIGINT)
        for _ in 0..<200 where !InterruptFlag.shared.isSet { usleep(5_000) }
        #expect(InterruptFlag.shared.isSet)
        #expect(InterruptFlag.shared.take())
        #expect(!InterruptFlag.shared.isSet)
        #expect(!InterruptFlag.shared.take())
    }
}
