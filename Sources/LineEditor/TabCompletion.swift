/// What Tab does with a completer's answer, decided apart from libedit.
enum TabCompletion: Equatable {
    /// Delete `deleteCount` characters (Unicode scalars, as libedit counts)
    /// before the cursor, then insert `insert`.
    case replace(deleteCount: Int, insert: String)
    /// Several candidates and nothing more to insert: show them.
    case list([String])
    /// No candidate: beep.
    case beep
    /// The word is already complete: nothing to do.
    case unchanged

    /// Plans Tab for `line` with the cursor at UTF-8 offset `cursor`.
    ///
    /// One candidate replaces the word and is followed by a space, unless it
    /// already ends in one or in `/` (a directory). Several insert their
    /// longest common prefix when it is longer than the word typed, and are
    /// listed otherwise.
    static func plan(line: String, cursor: Int, completion: Completion) -> TabCompletion {
        var seen = Set<String>()
        let candidates = completion.candidates.filter { seen.insert($0).inserted }
        guard !candidates.isEmpty else { return .beep }
        let utf8 = line.utf8
        let end = min(max(cursor, 0), utf8.count)
        let start = min(max(completion.replaceFrom, 0), end)
        guard
            let startIndex = utf8.index(utf8.startIndex, offsetBy: start).samePosition(
                in: line.unicodeScalars),
            let endIndex = utf8.index(utf8.startIndex, offsetBy: end).samePosition(in: line.unicodeScalars)
        else { return .beep }
        let typed = String(line.unicodeScalars[startIndex..<endIndex])
        let deleteCount = line.unicodeScalars[startIndex..<endIndex].count

        if candidates.count == 1 {
            let only = candidates[0]
            let isOpenEnded = only.last.map { $0 == "/" || $0.isWhitespace } ?? true
            let insert = isOpenEnded ? only : only + " "
            return insert == typed ? .unchanged : .replace(deleteCount: deleteCount, insert: insert)
        }
        let prefix = longestCommonPrefix(candidates)
        if prefix.utf8.count > typed.utf8.count && prefix != typed {
            return .replace(deleteCount: deleteCount, insert: prefix)
        }
        return .list(candidates)
    }

    /// The longest prefix, in whole characters, that all `strings` share.
    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            prefix = prefix.commonPrefix(with: string)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }
}

extension Substring {
    fileprivate func commonPrefix(with other: String) -> Substring {
        var mine = startIndex
        var theirs = other.startIndex
        while mine < endIndex, theirs < other.endIndex, self[mine] == other[theirs] {
            formIndex(after: &mine)
            other.formIndex(after: &theirs)
        }
        return self[startIndex..<mine]
    }
}
