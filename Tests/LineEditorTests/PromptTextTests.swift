import Testing

@testable import LineEditor

@Suite struct PromptTextTests {
    @Test func plainPromptIsUnchanged() {
        #expect(PromptText.forLibEdit("In [1]: ") == "In [1]: ")
        #expect(PromptText.forLibEdit("   ...: ") == "   ...: ")
        #expect(PromptText.forLibEdit("é> ") == "é> ")
    }

    @Test func colourEscapesAreWrappedInMarkers() {
        #expect(
            PromptText.forLibEdit("\u{1B}[32mIn [1]:\u{1B}[0m ")
                == "\u{1}\u{1B}[32m\u{1}In [1]:\u{1}\u{1B}[0m\u{1} ")
    }

    @Test func adjacentEscapesShareOnePair() {
        #expect(PromptText.forLibEdit("\u{1B}[1m\u{1B}[32m>x") == "\u{1}\u{1B}[1m\u{1B}[32m\u{1}>x")
    }

    @Test func promptEndingInAnEscapeGetsAVisibleSpace() {
        #expect(PromptText.forLibEdit("\u{1B}[32m>\u{1B}[0m") == "\u{1}\u{1B}[32m\u{1}>\u{1}\u{1B}[0m\u{1} ")
    }

    @Test func oscTitleSequenceIsOneEscape() {
        #expect(PromptText.forLibEdit("\u{1B}]0;r2cast\u{7}> ") == "\u{1}\u{1B}]0;r2cast\u{7}\u{1}> ")
        #expect(PromptText.forLibEdit("\u{1B}]0;t\u{1B}\\> ") == "\u{1}\u{1B}]0;t\u{1B}\\\u{1}> ")
    }

    @Test func strayMarkersAreDropped() {
        #expect(PromptText.forLibEdit("a\u{1}b> ") == "ab> ")
    }
}
