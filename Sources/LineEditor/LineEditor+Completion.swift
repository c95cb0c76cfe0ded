import CLibEdit

extension LineEditor {
    /// Tab: asks ``completer`` and edits the line or lists the candidates.
    /// Returns a libedit CC_* code.
    func completeAtCursor(_ el: OpaquePointer) -> UInt8 {
        guard let completer, let info = el_line(el)?.pointee, let buffer = info.buffer else {
            return UInt8(CC_ERROR)
        }
        let length = info.lastchar.map { $0 - buffer } ?? 0
        let cursor = info.cursor.map { $0 - buffer } ?? length
        let bytes = UnsafeRawBufferPointer(start: buffer, count: max(length, 0))
        let line = String(decoding: bytes, as: UTF8.self)
        switch TabCompletion.plan(line: line, cursor: cursor, completion: completer(line, cursor)) {
        case .replace(let deleteCount, let insert):
            if deleteCount > 0 { el_deletestr(el, Int32(deleteCount)) }
            return el_insertstr(el, insert) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let candidates):
            let lines = CandidateColumns.lines(candidates, width: Terminal.width())
            r2_stdout_write("\n" + lines.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)
        case .beep:
            return UInt8(CC_ERROR)
        case .unchanged:
            return UInt8(CC_NORM)
        }
    }
}
