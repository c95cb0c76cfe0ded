import Foundation
import R2Forecast

/// Golden snapshots of a scenario file, stored beside it as
/// `__snapshots__/NAME.json`: the forecast summary of every scenario the file
/// defines (both readings of the release, adoption, the sector's years),
/// each with the trial count and seed it was recorded at. A check at other
/// settings replays the file at the recorded ones, so that Monte Carlo
/// noise is never reported as drift; at the same settings the forecasts are
/// the same bits, and the tolerance is kept only for other platforms' libm.
public struct SnapshotStore {
    public let path: String
    public let scenarioPath: String

    /// Release dates may move by a day and shares by 0.1 points before a
    /// run counts as drifted.
    public static let dayTolerance = 1.0
    public static let shareTolerance = 0.001
    public static let toleranceText = "1 day for release dates, 0.1 points for shares"

    public init(scenarioPath: String) {
        self.scenarioPath = scenarioPath
        let url = URL(fileURLWithPath: scenarioPath)
        let name = url.deletingPathExtension().lastPathComponent
        path =
            url.deletingLastPathComponent().appendingPathComponent("__snapshots__").appendingPathComponent(
                name + ".json"
            ).path
    }

    /// Writes the snapshot (atomically), creating `__snapshots__` if need be.
    public func record(_ forecasts: [JSONValue]) throws(AtomicFile.WriteError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: path, reason: "cannot make the folder \(folder)")
        }
        let text = "[\n" + forecasts.map(\.serialized).joined(separator: ",\n") + "\n]\n"
        try AtomicFile.write(text, to: path)
    }

    /// What is at `path`: nothing yet, a snapshot, or a file that is not
    /// one (a merge conflict's markers, a truncated copy), which must fail
    /// the check rather than pass as "no snapshot".
    enum Contents {
        case missing
        case forecasts([[String: Any]])
        case unusable(String)
    }

    var contents: Contents {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            return .unusable("it cannot be read as a file")
        }
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return .unusable("it is not JSON") }
        guard let list = json as? [[String: Any]] else { return .unusable("it is not a list of forecasts") }
        return .forecasts(list)
    }

    /// The stored forecasts, or nil when there is no usable snapshot.
    var stored: [[String: Any]]? {
        if case .forecasts(let list) = contents { return list }
        return nil
    }

    /// Why the file at `path` cannot be checked against, when it is there
    /// but is not a snapshot.
    public var problem: String? {
        guard case .unusable(let why) = contents else { return nil }
        return
            "the snapshot \(path) cannot be used: \(why); record it again with `r2cast test \(scenarioPath) --record`"
    }

    /// The trials and seed the snapshot was recorded at (those of its first
    /// forecast), when there is one.
    var recordedSettings: (trials: Int, seed: UInt64)? {
        stored?.first.flatMap(Self.settings)
    }

    /// The trials and seed a run's forecasts were made at (those of the
    /// first), to set beside `recordedSettings`.
    static func settings(of forecasts: [JSONValue]) -> (trials: Int, seed: UInt64)? {
        forecasts.first.flatMap {
            (try? JSONSerialization.jsonObject(with: Data($0.serialized.utf8))) as? [String: Any]
        }.flatMap(settings)
    }

    private static func settings(_ forecast: [String: Any]) -> (trials: Int, seed: UInt64)? {
        guard let trials = forecast["trials"] as? Int, let seed = forecast["seed"] as? Int else { return nil }
        return (trials, UInt64(seed))
    }

    /// What moved beyond the tolerance: a summary line per scenario that
    /// moved (how many values, the largest move), then each value, then how
    /// to accept it; nil when nothing did (or there is no snapshot yet).
    public func drift(_ forecasts: [JSONValue], replayedAt settings: String? = nil) -> String? {
        guard let stored else { return nil }
        let current = forecasts.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.serialized.utf8)) as? [String: Any]
        }
        var summary: [String] = []
        var details: [String] = []
        let oldNames = stored.map { $0["scenario"] as? String ?? "?" }
        let newNames = current.map { $0["scenario"] as? String ?? "?" }
        for name in oldNames where !newNames.contains(name) { summary.append("scenario \(name): no longer defined") }
        for name in newNames where !oldNames.contains(name) {
            summary.append("scenario \(name): new, not in the snapshot")
        }
        for new in current {
            let name = new["scenario"] as? String ?? "?"
            guard let old = stored.first(where: { $0["scenario"] as? String == name }) else { continue }
            let moves = Self.moves(old, new)
            guard !moves.isEmpty else { continue }
            let largest = moves.max { $0.size < $1.size }!
            summary.append(
                "scenario \(name): \(moves.count) value\(moves.count == 1 ? "" : "s") moved, the largest \(largest.text)"
            )
            details += moves.map { "  \(name): \($0.text)" }
        }
        guard !summary.isEmpty else { return nil }
        var lines = summary
        if let settings { lines.append("(replayed at the snapshot's settings, \(settings))") }
        lines += details
        lines.append("if the change is meant, accept it with `r2cast test \(scenarioPath) --record`")
        return lines.joined(separator: "\n")
    }

    /// One value that moved beyond the tolerance, with a size to rank moves
    /// of different kinds (days over the day tolerance, points over the
    /// share tolerance).
    struct Move {
        var text: String
        var size: Double
    }

    static func moves(_ old: [String: Any], _ new: [String: Any]) -> [Move] {
        var moves: [Move] = []
        func dates(_ label: String, _ a: String?, _ b: String?) {
            if a == b { return }
            if let a, let b, let da = day(a), let db = day(b) {
                let d = db - da
                if abs(d) <= dayTolerance { return }
                moves.append(
                    Move(
                        text: "\(label) \(a) -> \(b) (\(d >= 0 ? "+" : "")\(Int(d)) days)", size: abs(d) / dayTolerance)
                )
            } else {
                moves.append(
                    Move(text: "\(label) \(a ?? "after the horizon") -> \(b ?? "after the horizon")", size: .infinity))
            }
        }
        func share(_ label: String, _ a: Double?, _ b: Double?) {
            guard let a, let b, abs(a - b) > shareTolerance else { return }
            let d = (b - a) * 100
            moves.append(
                Move(
                    text:
                        "\(label) \(Format.percent(a)) -> \(Format.percent(b)) (\(d >= 0 ? "+" : "")\(Format.fixed(d, digits: 1)) points)",
                    size: abs(b - a) / shareTolerance))
        }
        let oldRelease = old["release"] as? [String: Any] ?? [:]
        let newRelease = new["release"] as? [String: Any] ?? [:]
        for key in ["p10", "p50", "p90"] {
            dates("release \(key)", oldRelease[key] as? String, newRelease[key] as? String)
        }
        share("censored", oldRelease["censored"] as? Double, newRelease["censored"] as? Double)
        share(
            "kept", (old["kept"] as? Int).map { Double($0) / Double(old["trials"] as? Int ?? 1) },
            (new["kept"] as? Int).map { Double($0) / Double(new["trials"] as? Int ?? 1) })
        let oldNamed = old["named_release"] as? [String: Any] ?? [:]
        let newNamed = new["named_release"] as? [String: Any] ?? [:]
        if !oldNamed.isEmpty || !newNamed.isEmpty {
            dates("named release p50", oldNamed["p50"] as? String, newNamed["p50"] as? String)
            for key in ["released", "folded", "pending"] {
                share("named \(key)", oldNamed[key] as? Double, newNamed[key] as? Double)
            }
        }
        let oldSector = old["sector"] as? [[String: Any]] ?? []
        let newSector = new["sector"] as? [[String: Any]] ?? []
        for (o, n) in zip(oldSector, newSector) {
            let year = n["year"] as? Int ?? 0
            share("sector \(year) mean", o["mean"] as? Double, n["mean"] as? Double)
            share("sector \(year) p50", o["p50"] as? Double, n["p50"] as? Double)
        }
        let oldAdoption = old["adoption"] as? [[String: Any]] ?? []
        let newAdoption = new["adoption"] as? [[String: Any]] ?? []
        for (o, n) in zip(oldAdoption, newAdoption) {
            share("adoption mean at \(n["month"] as? String ?? "?")", o["mean"] as? Double, n["mean"] as? Double)
        }
        return moves
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
