import Foundation
import Testing

/// `r2cast run` on a scenario using all five mechanisms of model v2: both
/// readings of the release and the sector's yearly share, in text and JSON,
/// identical across threads and shard splits.
@Suite(.serialized) struct ModelV2RunTests {
    static let file = "Tests/EndToEndTests/Golden/model-v2-all.r2s"

    @Test func printsBothReadingsAndTheSectorsYearlyShare() throws {
        let r = try Binary.run(["run", Self.file])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Forecast for everything  (8,000 trials, seed 3, "))
        #expect(lines[1] == "            given no flagship before 2025-09-01 (as of)")
        #expect(lines.contains { $0.hasPrefix("Flagship    median ") })
        #expect(
            lines.contains {
                $0.hasPrefix("R2 (named)  by 2027-12: released ") && $0.contains("folded ") && $0.contains("pending ")
            })
        #expect(lines.contains { $0.hasPrefix("Sector      year       mean    p10    p50    p90") })
        for year in ["2025", "2026", "2027"] {
            #expect(lines.contains { $0.hasPrefix("            \(year) ") }, "no row for \(year)")
        }
    }

    @Test func theJSONCarriesBothReadingsAndTheSector() throws {
        let r = try Binary.run(["run", Self.file, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let forecast = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect((forecast["observations"] as? [String]) == ["no flagship before 2025-09-01 (as of)"])
        let kept = try #require(forecast["kept"] as? Int)
        #expect(kept > 0 && kept < 8000)
        let named = try #require(forecast["named_release"] as? [String: Any])
        let released = try #require(named["released"] as? Double)
        let folded = try #require(named["folded"] as? Double)
        let pending = try #require(named["pending"] as? Double)
        #expect(abs(released + folded + pending - 1) < 1e-9)
        #expect(folded > 0)
        let sector = try #require(forecast["sector"] as? [[String: Any]])
        #expect(sector.map { $0["year"] as? Int } == [2025, 2026, 2027])
        for year in sector {
            let p10 = try #require(year["p10"] as? Double)
            let p50 = try #require(year["p50"] as? Double)
            let p90 = try #require(year["p90"] as? Double)
            #expect(0 <= p10 && p10 <= p50 && p50 <= p90 && p90 <= 1)
            #expect(year["partial"] as? Bool == false)
        }
    }

    @Test func threadsAndShardsGiveTheSameBytes() throws {
        let one = try Binary.run(["run", Self.file, "--threads", "1"])
        let three = try Binary.run(["run", Self.file, "--threads", "3"])
        #expect(one.stdout == three.stdout)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts: [String] = []
        for i in 0..<3 {
            let out = folder.appendingPathComponent("part\(i).json").path
            let r = try Binary.run(["run", Self.file, "--shard", "\(i + 1)/3", "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            parts.append(out)
        }
        let merged = try Binary.run(["merge"] + parts)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(one.stdout.hasSuffix(merged.stdout), "\(merged.stdout)")
    }
}
