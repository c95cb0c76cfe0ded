import Testing

@testable import LineEditor

@Suite struct TabCompletionTests {
    @Test func oneCandidateReplacesTheWordAndAddsASpace() {
        let plan = TabCompletion.plan(
            line: "fo", cursor: 2, completion: Completion(replaceFrom: 0, candidates: ["forecast"]))
        #expect(plan == .replace(deleteCount: 2, insert: "forecast "))
    }

    @Test func oneDirectoryCandidateGetsNoSpace() {
        let plan = TabCompletion.plan(
            line: "run sc", cursor: 6, completion: Completion(replaceFrom: 4, candidates: ["scenarios/"]))
        #expect(plan == .replace(deleteCount: 2, insert: "scenarios/"))
    }

    @Test func aWordAlreadyCompleteDoesNothing() {
        let plan = TabCompletion.plan(
            line: "forecast ", cursor: 9, completion: Completion(replaceFrom: 0, candidates: ["forecast "]))
        #expect(plan == .unchanged)
    }

    @Test func severalCandidatesInsertTheirCommonPrefix() {
        let plan = TabCompletion.plan(
            line: "fan s", cursor: 5,
            completion: Completion(replaceFrom: 4, candidates: ["sensitivity", "sensor"]))
        #expect(plan == .replace(deleteCount: 1, insert: "sens"))
    }

    @Test func severalCandidatesWithNothingToAddAreListed() {
        let plan = TabCompletion.plan(
            line: "f", cursor: 1,
            completion: Completion(replaceFrom: 0, candidates: ["forecast", "fan", "fan"]))
        #expect(plan == .list(["forecast", "fan"]))
    }

    @Test func noCandidateBeeps() {
        let plan = TabCompletion.plan(line: "zz", cursor: 2, completion: .empty)
        #expect(plan == .beep)
    }

    @Test func deletionCountsCharactersNotBytes() {
        let plan = TabCompletion.plan(
            line: "é", cursor: 2, completion: Completion(replaceFrom: 0, candidates: ["éclair", "éclat"]))
        #expect(plan == .replace(deleteCount: 1, insert: "écla"))
    }

    @Test func offsetsInsideACharacterBeep() {
        let plan = TabCompletion.plan(
            line: "é", cursor: 1, completion: Completion(replaceFrom: 0, candidates: ["éclair"]))
        #expect(plan == .beep)
    }

    @Test(arguments: [
        (["abc", "abd"], "ab"), (["abc"], "abc"), (["x", "y"], ""), ([], ""),
        (["e\u{301}a", "e\u{301}b"], "e\u{301}"),
    ])
    func longestCommonPrefix(strings: [String], expected: String) {
        #expect(TabCompletion.longestCommonPrefix(strings) == expected)
    }
}
