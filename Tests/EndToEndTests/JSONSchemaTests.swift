import Foundation
import Testing

/// `r2cast run --json` against docs/json-schema.json: one object a line,
/// every query kind and every diagnostic, each valid against the schema.
@Suite(.serialized) struct JSONSchemaTests {
    /// A file that asks every kind of query, a warning and an error.
    static let everything = """
        include "scenarios/baseline.r2s"
        forecast to ±1%
        p(release by 2026-06)
        median release
        mean named release
        quantile release 10%, 90%
        quantile adoption at 2026-12
        adoption at 2026-12
        sector share in 2026
        installed share at 2026-12
        censored
        expect p(release by 2026-06) above 50%
        scenario hawk from baseline
        pressure 95% from 2025-09
        expect median release in hawk later than baseline
        compare baseline hawk
        use baseline
        sensitivity
        tornado
        hist release
        cdf named release
        fan adoption
        fan sector
        trace 3
        trace where release after 2026-06
        explain ascend_fail
        ascend_output_2025 / 12
        mean ascend_fail
        observe no release by 2025-10
        scenario later from baseline
        unobserve all
        fail h800 50% to 90%
        fleet h80 3k

        """

    @Test func everyLineIsValidAgainstTheSchema() throws {
        let folder = try Binary.temporaryFolder()
        let file = folder.appendingPathComponent("every.r2s")
        try Self.everything.replacingOccurrences(
            of: "scenarios/baseline.r2s", with: Binary.root.appendingPathComponent("scenarios/baseline.r2s").path
        )
        .write(to: file, atomically: true, encoding: .utf8)
        let plot = folder.appendingPathComponent("p.svg").path
        try (Self.everything + "plot release in hawk to \"\(plot)\"\n").replacingOccurrences(
            of: "scenarios/baseline.r2s", with: Binary.root.appendingPathComponent("scenarios/baseline.r2s").path
        ).write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["run", file.path, "--json", "--trials", "2000"])
        #expect(r.status == 1, "the file has an error on purpose")
        #expect(r.stderr.isEmpty, "with --json, everything is in the stream: \(r.stderr)")
        let schemaData = try Data(contentsOf: Binary.root.appendingPathComponent("docs/json-schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let validator = SchemaValidator(root: schema)
        var kinds: [String: Int] = [:]
        for line in r.stdout.split(separator: "\n") {
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let object = try #require(value as? [String: Any], "\(line)")
            let kind = try #require(object["query"] as? String, "no query member: \(line)")
            kinds[kind, default: 0] += 1
            let problems = validator.problems(value, schema, at: "$")
            #expect(problems.isEmpty, "\(kind): \(problems.prefix(5).joined(separator: "; "))\n\(line.prefix(400))")
        }
        // Every kind came out at least once.
        for kind in [
            "forecast", "metric", "quantiles", "expect", "compare", "sensitivity", "chart", "trace", "explain", "value",
            "observe", "unobserve", "note", "plot", "diagnostic",
        ] {
            #expect(kinds[kind] != nil, "no \(kind) in the stream: \(kinds)")
        }
        // A diagnostic's position is numbers, and it names itself.
        let diagnostics = r.stdout.split(separator: "\n").filter { $0.contains("\"query\":\"diagnostic\"") }
        #expect(diagnostics.contains { $0.contains("\"severity\":\"warning\"") })
        #expect(
            diagnostics.contains {
                $0.contains("\"severity\":\"error\"") && $0.contains("\"line\":") && $0.contains("\"column\":7")
            })
    }

    /// A file that cannot be read is a diagnostic in the stream too (it was
    /// `{"error": ...}`, with no `query`, against the schema).
    @Test func anUnreadableFileIsADiagnostic() throws {
        let missing = try Binary.temporaryFolder().appendingPathComponent("nope.r2s").path
        let r = try Binary.run(["run", missing, "--json"])
        #expect(r.status == 1)
        let schemaData = try Data(contentsOf: Binary.root.appendingPathComponent("docs/json-schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let value = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        #expect(SchemaValidator(root: schema).problems(value, schema, at: "$").isEmpty, "\(r.stdout)")
        let object = try #require(value as? [String: Any])
        #expect(object["query"] as? String == "diagnostic")
        #expect(object["id"] as? String == "file.unreadable")
        #expect(object["message"] as? String == "cannot read \(missing): no such file")
        #expect(object["file"] as? String == missing)
    }

    /// The validator itself catches what it must.
    @Test func theValidatorRejectsWhatTheSchemaForbids() {
        let schema: [String: Any] = [
            "$defs": ["n": ["type": ["number", "null"]]],
            "oneOf": [
                [
                    "type": "object", "required": ["query", "x"],
                    "properties": ["query": ["const": "a"], "x": ["$ref": "#/$defs/n"]], "additionalProperties": false,
                ],
                ["type": "object", "required": ["query"], "properties": ["query": ["const": "b"]]],
            ],
        ]
        let v = SchemaValidator(root: schema)
        #expect(v.problems(["query": "a", "x": 1.5] as [String: Any], schema, at: "$").isEmpty)
        #expect(v.problems(["query": "a", "x": NSNull()] as [String: Any], schema, at: "$").isEmpty)
        #expect(!v.problems(["query": "a", "x": "1.5%"] as [String: Any], schema, at: "$").isEmpty)
        #expect(!v.problems(["query": "a"] as [String: Any], schema, at: "$").isEmpty)
        #expect(!v.problems(["query": "a", "x": 1, "y": 2] as [String: Any], schema, at: "$").isEmpty)
        #expect(!v.problems(["query": "c"] as [String: Any], schema, at: "$").isEmpty)
    }
}

/// A JSON Schema validator for the keywords docs/json-schema.json uses:
/// $ref (local), type, const, enum, required, properties,
/// additionalProperties, items, minItems, minimum, maximum, oneOf, anyOf,
/// not, pattern. Returns the problems found (empty: valid).
struct SchemaValidator {
    let root: [String: Any]

    func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let dict = node as? [String: Any], let next = dict[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    func typeName(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let n = v as? NSNumber {
            if String(cString: n.objCType) == "c" { return "boolean" }
            return n.doubleValue == n.doubleValue.rounded() && abs(n.doubleValue) < 1e15 ? "integer" : "number"
        }
        if v is String { return "string" }
        if v is [Any] { return "array" }
        if v is [String: Any] { return "object" }
        return "unknown"
    }

    func problems(_ v: Any, _ schema: [String: Any], at path: String) -> [String] {
        var out: [String] = []
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { return ["\(path): unresolved \(ref)"] }
            out += problems(v, target, at: path)
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String].compactMap { $0 }
            let t = typeName(v)
            let ok = allowed.contains(t) || (t == "integer" && allowed.contains("number"))
            if !ok { out.append("\(path): \(t), expected \(allowed.joined(separator: "|"))") }
        }
        if let c = schema["const"], !equal(c, v) { out.append("\(path): not the constant \(c)") }
        if let e = schema["enum"] as? [Any], !e.contains(where: { equal($0, v) }) {
            out.append("\(path): \(v) not in \(e)")
        }
        if let n = v as? NSNumber, typeName(v) != "boolean" {
            if let m = (schema["minimum"] as? NSNumber)?.doubleValue, n.doubleValue < m {
                out.append("\(path): below \(m)")
            }
            if let m = (schema["maximum"] as? NSNumber)?.doubleValue, n.doubleValue > m {
                out.append("\(path): above \(m)")
            }
        }
        if let s = v as? String, let p = schema["pattern"] as? String,
            s.range(of: p, options: .regularExpression) == nil
        {
            out.append("\(path): `\(s)` does not match \(p)")
        }
        if let object = v as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                out.append("\(path): missing \(key)")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, value) in object {
                if let sub = properties[key] as? [String: Any] {
                    out += problems(value, sub, at: path + "." + key)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed, typeName(extra) == "boolean" {
                        out.append("\(path): unexpected \(key)")
                    }
                    if let sub = extra as? [String: Any] { out += problems(value, sub, at: path + "." + key) }
                }
            }
        }
        if let array = v as? [Any] {
            if let min = (schema["minItems"] as? NSNumber)?.intValue, array.count < min {
                out.append("\(path): fewer than \(min) items")
            }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { out += problems(item, items, at: "\(path)[\(i)]") }
            }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { problems(v, $0, at: path).isEmpty }.count
            if matching != 1 { out.append("\(path): matches \(matching) of oneOf, not 1") }
        }
        if let options = schema["anyOf"] as? [[String: Any]],
            !options.contains(where: { problems(v, $0, at: path).isEmpty })
        {
            out.append("\(path): matches none of anyOf")
        }
        if let not = schema["not"] as? [String: Any], problems(v, not, at: path).isEmpty {
            out.append("\(path): matches `not`")
        }
        return out
    }

    func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        if a is NSNull && b is NSNull { return true }
        return false
    }
}
