extension Character {
    /// Columns the character takes on a terminal: 2 for East Asian wide and
    /// fullwidth characters and emoji, 0 for a lone combining mark or a
    /// control character, 1 otherwise (as wcwidth(3) counts them).
    public var displayWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if first.properties.isEmojiPresentation { return 2 }
        // A text-default emoji made to show as one (U+FE0F) is wide too.
        if unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}

extension StringProtocol {
    /// Columns the text takes on a terminal (see `Character.displayWidth`).
    public var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }
}
