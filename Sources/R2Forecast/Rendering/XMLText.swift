/// Text made safe for XML attributes and content (SVG plots, JUnit reports):
/// the five markup characters escaped, and the control characters XML 1.0
/// forbids (and ANSI escapes' ESC) dropped.
public enum XMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case let c where c.value < 0x20 && c != "\n" && c != "\t" && c != "\r": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
