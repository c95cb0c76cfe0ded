/// A small SVG writer: elements appended as text with escaped attributes.
struct SVGDocument {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, cls: String? = nil, title: String? = nil
    ) {
        let c = cls.map { " class=\"\(Self.escape($0))\"" } ?? ""
        let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
        body.append(
            "<rect\(c) x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(Swift.max(0, width)))\" height=\"\(n(Swift.max(0, height)))\" fill=\"\(fill)\">\(t)</rect>"
        )
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#333", dash: Bool = false) {
        let d = dash ? " stroke-dasharray=\"4 3\"" : ""
        body.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\"\(d)/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let p = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1) {
        let p = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body.append("<polygon points=\"\(p)\" fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\"/>")
    }

    mutating func text(
        _ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, bold: Bool = false
    ) {
        let w = bold ? " font-weight=\"bold\"" : ""
        body.append(
            "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\"\(w)>\(Self.escape(s))</text>"
        )
    }

    var rendered: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"sans-serif\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"white\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    private func n(_ x: Double) -> String { Format.fixed(x, digits: 1) }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
