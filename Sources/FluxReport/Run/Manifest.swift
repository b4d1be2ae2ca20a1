import FluxCore
import FluxScenario
import Foundation

/// `manifest.json`: what was run — scenario identity, rules, seeds and the jobs done —
/// so a run can be reproduced, compared with another, resumed or merged. Deterministic:
/// keys sorted, no timestamps or timings.
public struct Manifest: Codable, Sendable, Equatable {
  /// The manifest format (`currentFormat` when written by this version): a resume or merge
  /// refuses a folder of another format, whose identities were computed differently.
  public var format = Manifest.currentFormat
  public var fluxsimVersion: String
  public var scenario: ScenarioIdentity
  /// The files the scenario names besides itself (price CSVs), in the order first read;
  /// absent when it names none (so such a run's manifest is what it always was).
  public var dataFiles: [DataFileIdentity]?
  /// The command that reproduces the whole run.
  public var command: String
  /// FNV-1a hash of the effective rules (the `CanonicalText` of every sweep point's
  /// `ChainParams`), so two runs on different rules cannot be mistaken for each other.
  public var rulesHash: String
  public var replications: Int
  public var seed: UInt64
  public var points: [[String]]
  public var jobs: [JobEntry]
  public var outputs: [String]
  /// "K/N" for a shard's partial result (jobs with index ≡ K mod N); absent for a whole run.
  public var shard: String?
  /// Whether the jobs ran block by block (`--block-by-block`) rather than in batches: the
  /// two draw differently, so it is part of the run's identity. Absent in the manifests of
  /// fluxsim before batching, which ran block by block (`ranBlockByBlock`).
  public var blockByBlock: Bool?

  public struct ScenarioIdentity: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// FNV-1a 64 of the file's text.
    public var textHash: String
  }

  /// A data file: its path as written in the scenario and a hash of its bytes, so runs on
  /// different contents have different identities.
  public struct DataFileIdentity: Codable, Sendable, Equatable {
    public var path: String
    /// FNV-1a 64 of the file's bytes.
    public var hash: String

    public init(path: String, hash: String) {
      self.path = path
      self.hash = hash
    }

    public init(_ file: DataFile) { self.init(path: file.written, hash: Manifest.hash(file.bytes)) }
  }

  public struct JobEntry: Codable, Sendable, Equatable {
    public var index: Int
    public var point: Int
    public var replication: Int
    public var seed: UInt64
    public var done: Bool
  }

  public static let fluxsimVersion = "0.5.0"

  /// 2 since `rules_hash` hashes the rules' `CanonicalText` (format 1 hashed their
  /// reflected description, which cost a third of a short run's start-up).
  public static let currentFormat = 2

  public init(run: RunRecord, outputs: [String]) {
    self.init(plan: run.plan, command: run.command, outputs: outputs, shard: nil, done: { _ in true })
  }

  /// The manifest of `plan`'s jobs, `done` telling which have a stored result.
  public init(plan: RunPlan, command: String, outputs: [String], shard: String?, done: (Int) -> Bool) {
    fluxsimVersion = Self.fluxsimVersion
    self.command = command
    scenario = ScenarioIdentity(
      name: plan.file.scenario.name, path: plan.file.path, textHash: Self.hash(plan.file.text))
    dataFiles = plan.file.dataFiles.isEmpty ? nil : plan.file.dataFiles.map(DataFileIdentity.init)
    rulesHash = Self.hash(
      plan.file.points.map { CanonicalText.of($0.scenario.jobConfig(jobIndex: 0).rules.params) }.joined())
    replications = plan.replications
    seed = plan.seed
    points = plan.file.points.map { $0.assignments.map { "\($0.keyPath)=\($0.value)" } }
    jobs = plan.jobs.map {
      JobEntry(index: $0.index, point: $0.point, replication: $0.replication, seed: $0.seed, done: done($0.index))
    }
    self.outputs = outputs
    self.shard = shard
    blockByBlock = plan.blockByBlock
  }

  /// Whether the run advanced its jobs block by block (a manifest without the field was
  /// written before batching existed, when every run did).
  public var ranBlockByBlock: Bool { blockByBlock ?? true }

  /// The mode, as an option of `run` would ask for it.
  public var modeDescription: String {
    ranBlockByBlock ? "block by block (--block-by-block)" : "in batches (the default, without --block-by-block)"
  }

  /// The manifest read back from its JSON, or nil if it is not one.
  public static func read(_ json: String) -> Manifest? { try? decode(Data(json.utf8)) }

  /// The manifest read back from its JSON bytes, or the decoding error saying where it
  /// is not one (a file edited by hand or damaged).
  public static func decode(_ data: Data) throws -> Manifest {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Manifest.self, from: data)
  }

  /// The manifest as sorted, indented JSON with a trailing newline.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain values cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Whether two manifests describe the same run (scenario text, data files, rules,
  /// replications, seed); with `ignoringDataFiles`, whether they would but for the data.
  public func isSameRun(as other: Manifest, ignoringDataFiles: Bool = false) -> Bool {
    scenario.textHash == other.scenario.textHash && rulesHash == other.rulesHash && replications == other.replications
      && ranBlockByBlock == other.ranBlockByBlock
      && seed == other.seed && jobs.count == other.jobs.count
      && (ignoringDataFiles || dataFilesDiffering(from: other).isEmpty)
  }

  /// The paths (as written) of the data files whose contents differ between the two runs,
  /// or that only one of them read: this run's order, then the other's extras.
  public func dataFilesDiffering(from other: Manifest) -> [String] {
    let mine = dataFiles ?? []
    let theirs = other.dataFiles ?? []
    let changed = mine.filter { file in !theirs.contains(file) }.map(\.path)
    let extra = theirs.filter { file in !mine.contains { $0.path == file.path } }.map(\.path)
    return changed + extra
  }

  /// FNV-1a 64-bit, as 16 hex digits: a stable identity, not a security hash.
  static func hash(_ text: String) -> String { hash(bytes: text.utf8) }

  public static func hash(_ data: Data) -> String { hash(bytes: data) }

  static func hash(bytes: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
