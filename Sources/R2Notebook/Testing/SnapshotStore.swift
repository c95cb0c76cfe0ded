import Foundation
import R2Forecast

/// Golden snapshots of a scenario file's forecasts, stored beside it as
/// `__snapshots__/NAME.json`. At a fixed seed they are exact; drift beyond
/// the tolerance (kept for other platforms' libm) is a failure.
public struct SnapshotStore {
    public let path: String

    /// Release dates may move by a day and shares by 0.1 points before a
    /// run counts as drifted.
    public static let dayTolerance = 1.0
    public static let shareTolerance = 0.001
    public static let toleranceText = "1 day for release dates, 0.1 points for shares"

    public init(scenarioPath: String) {
        let url = URL(fileURLWithPath: scenarioPath)
        let name = url.deletingPathExtension().lastPathComponent
        path = url.deletingLastPathComponent().appendingPathComponent("__snapshots__").appendingPathComponent(name + ".json").path
    }

    public func record(_ forecasts: [JSONValue]) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = "[\n" + forecasts.map(\.serialized).joined(separator: ",\n") + "\n]\n"
        try? AtomicFile.write(text, to: path)
    }

    /// A readable diff of what moved beyond the tolerance, or nil when
    /// nothing did (or there is no snapshot yet).
    public func drift(_ forecasts: [JSONValue]) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
            let stored = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return nil }
        let current = forecasts.compactMap { try? JSONSerialization.jsonObject(with: Data($0.serialized.utf8)) as? [String: Any] }
        var lines: [String] = []
        if stored.count != current.count {
            lines.append("the file made \(stored.count) forecasts when recorded, \(current.count) now")
        }
        for (i, (old, new)) in zip(stored, current).enumerated() {
            let name = (new["scenario"] as? String) ?? "?"
            let label = "forecast \(i + 1) (\(name))"
            let oldRelease = old["release"] as? [String: Any] ?? [:]
            let newRelease = new["release"] as? [String: Any] ?? [:]
            for key in ["p10", "p50", "p90"] {
                let a = oldRelease[key] as? String, b = newRelease[key] as? String
                if a == b { continue }
                if let a, let b, let da = Self.day(a), let db = Self.day(b), abs(db - da) <= Self.dayTolerance { continue }
                let delta = zip([a], [b]).compactMap { x, y -> String? in
                    guard let x, let y, let dx = Self.day(x), let dy = Self.day(y) else { return nil }
                    let d = Int(dy - dx)
                    return " (\(d >= 0 ? "+" : "")\(d) days)"
                }.first ?? ""
                lines.append("\(label): release \(key) \(a ?? "after the horizon") -> \(b ?? "after the horizon")\(delta)")
            }
            if let a = oldRelease["censored"] as? Double, let b = newRelease["censored"] as? Double, abs(a - b) > Self.shareTolerance {
                lines.append("\(label): censored \(Format.percent(a)) -> \(Format.percent(b))")
            }
            let oldAdoption = old["adoption"] as? [[String: Any]] ?? []
            let newAdoption = new["adoption"] as? [[String: Any]] ?? []
            for (o, n) in zip(oldAdoption, newAdoption) {
                if let a = o["mean"] as? Double, let b = n["mean"] as? Double, abs(a - b) > Self.shareTolerance {
                    lines.append("\(label): adoption mean at \(n["month"] as? String ?? "?") \(Format.percent(a)) -> \(Format.percent(b))")
                }
            }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Days since an epoch for a `YYYY-MM-DD` date.
    static func day(_ s: String) -> Double? {
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        // Days from civil (Howard Hinnant's algorithm).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Double(era * 146097 + doe)
    }
}
