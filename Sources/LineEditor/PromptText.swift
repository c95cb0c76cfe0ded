/// Turns a prompt that may hold ANSI escape sequences into the form libedit
/// measures correctly: each run of escapes is wrapped in a pair of
/// ``marker`` characters (set with EL_PROMPT_ESC), so it takes no columns.
enum PromptText {
    /// The EL_PROMPT_ESC marker; it cannot appear in the prompt itself.
    static let marker: Unicode.Scalar = "\u{1}"

    /// The prompt as handed to libedit. libedit drops a marked literal at the
    /// very end of a prompt, so a prompt that ends in an escape gets a space
    /// after it.
    static func forLibEdit(_ prompt: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = prompt.unicodeScalars[...]
        var endsInEscape = false
        while let first = scalars.first {
            if first == marker {
                scalars.removeFirst()
                continue
            }
            if first == "\u{1B}" {
                out.append(marker)
                while scalars.first == "\u{1B}" {
                    out.append(contentsOf: takeEscape(&scalars))
                }
                out.append(marker)
                endsInEscape = true
            } else {
                out.append(scalars.removeFirst())
                endsInEscape = false
            }
        }
        if endsInEscape { out.append(" ") }
        return String(out)
    }

    /// Removes one escape sequence from the front: CSI (`ESC [` ... final
    /// byte), OSC (`ESC ]` ... BEL or `ESC \`), or ESC and one character.
    private static func takeEscape(_ scalars: inout Substring.UnicodeScalarView) -> [Unicode.Scalar] {
        var taken = [scalars.removeFirst()]
        guard let kind = scalars.first else { return taken }
        taken.append(scalars.removeFirst())
        switch kind {
        case "[":
            while let next = scalars.first {
                taken.append(scalars.removeFirst())
                if (0x40...0x7E).contains(next.value) { break }
            }
        case "]":
            while let next = scalars.first {
                if next == "\u{1B}" {
                    taken.append(scalars.removeFirst())
                    if scalars.first == "\\" { taken.append(scalars.removeFirst()) }
                    break
                }
                taken.append(scalars.removeFirst())
                if next == "\u{7}" { break }
            }
        default:
            break
        }
        return taken
    }
}
