import R2Forecast

extension Notebook {
    /// `:export FILE.ipynb`: the session as a Jupyter notebook (nbformat
    /// 4.5) for the r2cast kernel: a Markdown title, then one code cell per
    /// statement cell or loaded file, with its outputs: each result as
    /// `display_data` (text, its JSON, its chart as SVG), each diagnostic as
    /// a `stream` on stderr. Commands are left out, as in the Markdown
    /// export, but for `:set` and `:use`, which change what follows.
    /// `:load` and `include` paths are rewritten to run from the folder of
    /// `path`, where the notebook is written (Jupyter starts its kernel
    /// there), as `:save` rewrites them.
    public func ipynb(title: String, path: String) -> String {
        let relocation = IncludeRelocation(savedPath: path)
        var cells: [JSONValue] = [
            .object([
                ("id", "title"), ("cell_type", "markdown"), ("metadata", .object([])),
                ("source", Self.sourceLines("# \(title)")),
            ])
        ]
        for cell in ipynbCells {
            let source: String
            if case .loaded(let loaded) = cell.kind {
                source = ":load \(relocation.relocated(loaded))"
            } else {
                source = relocation.relocate(cell.input, writtenIn: "")
            }
            let outputs: [JSONValue] = cell.outputs.map { output in
                if output.isDiagnostic {
                    return .object([
                        ("output_type", "stream"), ("name", "stderr"),
                        ("text", Self.sourceLines(output.plainText + "\n")),
                    ])
                }
                var data: [(String, JSONValue)] = [("text/plain", Self.sourceLines(output.plainText))]
                if let svg = output.svg { data.append(("image/svg+xml", Self.sourceLines(svg))) }
                if let json = output.json, case .object = json { data.append(("application/json", json)) }
                return .object([("output_type", "display_data"), ("data", .object(data)), ("metadata", .object([]))])
            }
            cells.append(
                .object([
                    ("id", .string("cell-\(cell.number)")), ("cell_type", "code"), ("metadata", .object([])),
                    ("source", Self.sourceLines(source)), ("outputs", .array(outputs)),
                    ("execution_count", .integer(cell.number)),
                ]))
        }
        let document: JSONValue = .object([
            ("cells", .array(cells)),
            (
                "metadata",
                .object([
                    ("kernelspec", .object([("name", "r2cast"), ("display_name", "r2cast"), ("language", "r2cast")])),
                    (
                        "language_info",
                        .object([
                            ("name", "r2cast"), ("file_extension", ".r2s"), ("mimetype", "text/x-r2cast"),
                        ])
                    ),
                ])
            ),
            ("nbformat", 4), ("nbformat_minor", 5),
        ])
        return document.serialized + "\n"
    }

    /// The cells a notebook export holds: commands are left out, but for
    /// `:set` (trials and seed change every later number) and `:use`,
    /// which the kernel runs as typed.
    public var ipynbCells: [Cell] {
        cells.filter { cell in
            let line = cell.input.trimmingCharacters(in: .whitespaces)
            return cell.kind != .command || line.hasPrefix(":set ") || line.hasPrefix(":use ")
        }
    }

    /// Text as nbformat's multiline string: lines, each but the last
    /// keeping its newline.
    static func sourceLines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for c in text {
            current.append(c)
            if c == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}
