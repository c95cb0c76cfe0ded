import Testing

@testable import R2Language

/// Lines and columns of UTF-8 offsets, as diagnostics show them.
@Suite struct SourceFileTests {
    let file = SourceFile(name: "x.r2s", text: "ab\nçd\r\n\nlast")

    @Test func linesAndColumnsCountCharactersNotBytes() {
        // a=0 b=1 \n=2 | ç=3,4 d=5 \r=6 \n=7 | \n=8 | l=9 a=10 s=11 t=12, end=13
        let expected: [(Int, Int, Int)] = [
            (0, 1, 1), (2, 1, 3), (3, 2, 1), (5, 2, 2), (7, 2, 4), (8, 3, 1), (9, 4, 1), (13, 4, 5),
        ]
        for (offset, line, column) in expected {
            #expect(file.location(of: offset) == SourceLocation(line: line, column: column), "offset \(offset)")
        }
    }

    @Test func offsetsOutsideTheTextAreClamped() {
        #expect(file.location(of: -4) == SourceLocation(line: 1, column: 1))
        #expect(file.location(of: 99) == SourceLocation(line: 4, column: 5))
        #expect(SourceFile(name: "e", text: "").location(of: 0) == SourceLocation(line: 1, column: 1))
    }

    @Test func lineTextDropsTheWindowsLineEnding() {
        #expect(file.lineText(containing: 4) == "çd")
        #expect(file.lineText(containing: 8) == "")
    }
}
