import Testing

@testable import LineEditor

@Suite struct CandidateColumnsTests {
    @Test func candidatesRunDownThenAcross() {
        let lines = CandidateColumns.lines(["a", "bb", "c", "d", "e"], width: 10)
        // Column width 4 (longest 2 + 2): three columns, two rows.
        #expect(lines == ["a   c   e", "bb  d"])
    }

    @Test func aNarrowTerminalGivesOneColumn() {
        #expect(CandidateColumns.lines(["forecast", "fan"], width: 5) == ["forecast", "fan"])
    }

    @Test func wideCharactersCountTwoColumns() {
        // Widths come from wcwidth, which needs a UTF-8 locale (the editor sets one).
        Terminal.setUTF8Locale()
        #expect(CandidateColumns.displayWidth("日本") == 4)
        #expect(CandidateColumns.displayWidth("éclair") == 6)
    }

    @Test func longListsAreCut() {
        let many = (0..<(CandidateColumns.limit + 5)).map { "w\($0)" }
        let lines = CandidateColumns.lines(many, width: 80)
        #expect(lines.last == "(5 more)")
    }
}
