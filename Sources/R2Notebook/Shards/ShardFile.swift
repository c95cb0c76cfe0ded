import Foundation
import R2Engine

/// One shard's output, as `r2cast run --shard I/N --out FILE` writes it and
/// `r2cast merge` reads it: what was run, and the SimulationResult of its
/// slice of the trials.
public struct ShardFile: Codable, Sendable {
    /// The file format; merge refuses any other. It names the engine's
    /// random streams too: parts drawn with other streams (format 1, before
    /// the monthly draws became counter-based; format 2, before the engine
    /// ran 8 trials at a time on 32-bit streams) would merge into a run no
    /// single machine gives.
    public static let currentFormat = "r2cast-shard/3"

    public var format: String
    public var scenario: String
    /// `Scenario.fingerprint` of the scenario run.
    public var fingerprint: String
    /// The observations in force for the scenario, as written.
    public var observations: [String]
    public var shard: Int
    public var shardCount: Int
    /// The trials of the whole run (all shards).
    public var totalTrials: Int
    public var result: SimulationResult

    public init(
        scenario: String, fingerprint: String, observations: [String], shard: ShardSpec, totalTrials: Int,
        result: SimulationResult
    ) {
        format = ShardFile.currentFormat
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.observations = observations
        self.shard = shard.index
        self.shardCount = shard.count
        self.totalTrials = totalTrials
        self.result = result
    }

    /// Releases are +infinity (never) or NaN (rejected), which JSON lacks:
    /// they are written as the strings "inf" and "nan".
    static let infinity = "inf"
    static let nan = "nan"

    /// The file's JSON text.
    public func encoded() throws(ShardFailure) -> Data {
        let encoder = JSONEncoder()
        // Sorted keys: the same shard always gives the same bytes (a retried job rewrites it identically).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: ShardFile.infinity, negativeInfinity: "-" + ShardFile.infinity,
            nan: ShardFile.nan)
        do {
            return try encoder.encode(self)
        } catch {
            throw ShardFailure("cannot encode the shard: \(error)")
        }
    }

    /// Writes the file atomically (a temporary file, then a rename).
    public func write(to path: String) throws(ShardFailure) {
        let data = try encoded()
        do {
            try AtomicFile.write(String(decoding: data, as: UTF8.self), to: path)
        } catch {
            throw ShardFailure(error.description)
        }
    }

    /// Reads a shard file written by `write(to:)`.
    public static func read(_ path: String) throws(ShardFailure) -> ShardFile {
        let data: Data
        switch FileSourceLoader().read(path) {
        case .success(let text): data = Data(text.utf8)
        case .failure(let failure): throw ShardFailure("cannot read \(path): \(failure.reason)")
        }
        return try decode(data, path: path)
    }

    /// A shard file's contents, checked; `path` names it in messages.
    package static func decode(_ data: Data, path: String) throws(ShardFailure) -> ShardFile {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: infinity, negativeInfinity: "-" + infinity, nan: nan)
        struct Header: Decodable { var format: String? }
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw ShardFailure("\(path) is not a shard file (r2cast run --shard I/N --out FILE writes them)")
        }
        guard header.format == currentFormat else {
            throw ShardFailure(
                "\(path) has format `\(header.format ?? "none")`; this r2cast reads `\(currentFormat)` (run the shard again with this r2cast)"
            )
        }
        let file: ShardFile
        do {
            file = try decoder.decode(ShardFile.self, from: data)
        } catch {
            throw ShardFailure("\(path) is damaged: \(error)")
        }
        if let problem = file.result.inconsistency {
            throw ShardFailure("\(path) is damaged: \(problem)")
        }
        return file
    }
}
