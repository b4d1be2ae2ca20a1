import Foundation
import Testing

/// A seeded mutation fuzzer over the bundled scenarios and rules files, through the built
/// binary: every mutant must be accepted or refused cleanly (exit 0, 1 or 2 with an
/// error message), never trap, hang or exhaust memory. Mutants that validate and state
/// little work are also run.
///
/// `FLUXSIM_FUZZ_MUTANTS` sets the number of mutants (default 300, what CI runs) and
/// `FLUXSIM_FUZZ_SEED` the seed (default 1); `Scripts/fuzz.sh` runs more on demand. A
/// failing mutant is kept in `$TMPDIR/fluxsim-fuzz-failures/` with the command that failed.
@Suite struct MutationFuzzTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Mutants whose `validate` states at most this many blocks in all are run too.
  static let runnableBlocks = 20_000

  @Test func mutantsAreAcceptedOrRefusedCleanly() async throws {
    let environment = ProcessInfo.processInfo.environment
    let count = environment["FLUXSIM_FUZZ_MUTANTS"].flatMap(Int.init) ?? 300
    let seed = environment["FLUXSIM_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
    let seeds = FuzzSeeds.load(from: Self.root)
    #expect(seeds.count >= 10, "bundled scenarios and rules files to mutate: \(seeds.count)")
    let outcomes = try await withThrowingTaskGroup(of: FuzzOutcome.self) { group in
      var outcomes: [FuzzOutcome] = []
      var next = 0
      // Two at a time: the machines this runs on have two cores.
      func add() {
        guard next < count else { return }
        let index = next
        next += 1
        group.addTask { try Self.check(Mutant(index: index, seed: seed, from: seeds)) }
      }
      add()
      add()
      while let outcome = try await group.next() {
        outcomes.append(outcome)
        add()
      }
      return outcomes
    }
    let failures = outcomes.compactMap(\.failure)
    let accepted = outcomes.filter(\.accepted).count
    let ran = outcomes.filter(\.ran).count
    print("fuzz: \(count) mutants (seed \(seed)): \(accepted) accepted, \(ran) run, \(failures.count) failed")
    #expect(failures.isEmpty, "\(failures.count) mutants failed:\n\(failures.prefix(5).joined(separator: "\n"))")
  }

  /// Runs one mutant: `validate` (or `emission`/`diff-rules` for a rules file), then a
  /// small run of an accepted scenario.
  static func check(_ mutant: Mutant) throws -> FuzzOutcome {
    let sandbox = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: sandbox) }
    // The mutant sits where its original did, so relative data paths still resolve.
    let folder = sandbox.appendingPathComponent("Scenarios")
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("Scenarios/data"), to: folder.appendingPathComponent("data"))
    let file = folder.appendingPathComponent(mutant.name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(mutant.text.utf8).write(to: file)
    let commands: [[String]] =
      mutant.isRules
      ? [
        ["emission", "--rules", file.path, "--heights", "1,2,5000,2020000,3071200,23044000,100000000"],
        ["diff-rules", "--rules", file.path, "--to-height", "3100000"],
      ]
      : [["validate", file.path]]
    var outcome = FuzzOutcome()
    for arguments in commands {
      let result = try CLI.runBounded(arguments, in: sandbox)
      if let problem = problem(result) {
        outcome.failure = try keep(mutant, arguments: arguments, problem: problem, result: result)
        return outcome
      }
      outcome.accepted = result.status == 0
    }
    guard !mutant.isRules, outcome.accepted, let blocks = statedBlocks(try CLI.runBounded(commands[0], in: sandbox)),
      blocks <= runnableBlocks
    else { return outcome }
    let run = ["run", file.path, "--workers", "1", "--out", sandbox.appendingPathComponent("out").path]
    let result = try CLI.runBounded(run, in: sandbox)
    outcome.ran = true
    if let problem = problem(result) {
      outcome.failure = try keep(mutant, arguments: run, problem: problem, result: result)
    }
    return outcome
  }

  /// What is wrong with how a command ended, or nil when it ended cleanly.
  static func problem(_ result: CLIResult) -> String? {
    if result.signalled { return "killed by signal \(result.status) (a trap, or a CPU, memory or time limit)" }
    guard [0, 1, 2].contains(result.status) else { return "exit status \(result.status)" }
    if result.status != 0, !result.stderr.contains("error") { return "exit \(result.status) without an error message" }
    if let marker = ["Fatal error", "NSCocoaErrorDomain"].first(where: result.stderr.contains) {
      return "\"\(marker)\" in the error output"
    }
    if result.stderr.split(separator: "\n").count > 25 { return "more than 25 lines of error output" }
    return nil
  }

  /// The total blocks `validate` says the file asks for (its `… blocks` figure), if stated.
  static func statedBlocks(_ result: CLIResult) -> Int? {
    guard result.status == 0 else { return nil }
    let words = result.stdout.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "\n" })
    guard let index = words.firstIndex(where: { $0.hasPrefix("block") }), index > 0 else { return nil }
    return Int(words[index - 1].filter(\.isNumber))
  }

  /// Saves the failing mutant for inspection and describes it.
  static func keep(_ mutant: Mutant, arguments: [String], problem: String, result: CLIResult) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fluxsim-fuzz-failures")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let name = "mutant-\(mutant.seed)-\(mutant.index)-\(mutant.name.replacingOccurrences(of: "/", with: "-"))"
    try Data(mutant.text.utf8).write(to: folder.appendingPathComponent(name))
    let stderr = result.stderr.split(separator: "\n").prefix(3).joined(separator: " / ")
    return "\(name) (\(mutant.mutation)): fluxsim \(arguments.first ?? "") → \(problem); \(stderr)"
  }
}

/// How one mutant fared.
struct FuzzOutcome: Sendable {
  var accepted = false
  var ran = false
  var failure: String?
}

/// The bundled files the fuzzer starts from: name below `Scenarios/` and text.
enum FuzzSeeds {
  static func load(from root: URL) -> [(name: String, text: String)] {
    let scenarios = root.appendingPathComponent("Scenarios")
    let names = (FileManager.default.enumerator(atPath: scenarios.path)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".yaml") && !$0.split(separator: "/").contains("baselines") }.sorted()
    let files = names.compactMap { name in
      (try? String(contentsOf: scenarios.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
    }
    // Each scenario also in a short form (a few days, one replication), so that most
    // mutants which validate are small enough to run through the engine too.
    let short = files.filter { !$0.0.contains("/") }.map { name, text in
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line.hasPrefix("horizon:") { return "horizon: 3d" }
        if line.hasPrefix("replications:") { return "replications: 1" }
        return String(line)
      }
      return (name, lines.joined(separator: "\n"))
    }
    return files + short
  }
}

/// One mutant: a bundled file with one to three seeded edits.
struct Mutant: Sendable {
  let index: Int
  let seed: UInt64
  let name: String
  let text: String
  /// What was done, for the report of a failure.
  let mutation: String

  var isRules: Bool { name.hasPrefix("rules/") }

  /// Values that have broken parsers before: extremes of every numeric type, non-finite
  /// and tiny numbers, empty and odd scalars, units at their limits, paths that leave the
  /// folder, YAML structure in a scalar's place, control characters.
  static let hostileValues = [
    "0", "-1", "1", "2", "1e308", "-1e308", "1e-300", ".nan", ".inf", "-.inf", "nan", "9223372036854775807",
    "9223372036854775808", "-9223372036854775808", "2147483647", "2147483648", "4294967296", "0.00000001",
    "0.000000001", "\"\"", "~", "null", "true", "[]", "{}", "never", "10000y", "0s", "1s", "-1d", "1e9/day",
    "0/day", "100%", "101%", "-5%", "1e308%", "$1e308/month", "9999-12-31", "0001-01-01", "2026-02-30",
    "10000-01-01", "\"\\e[31mred\"", "../outside.csv", "/etc/passwd", "data/../../x.csv", "*a", "&a x",
    "{ weibull: { shape: 0.001, scale: 1s } }", "{ lognormal: { median: 1h, sigma: 10 } }",
    "{ constant: 0s }", "{ uniform: { low: 0, high: 1e308 } }", "[1, 2, 3]", String(repeating: "9", count: 400),
    String(repeating: "x", count: 5_000),
  ]

  init(index: Int, seed: UInt64, from seeds: [(name: String, text: String)]) {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index)
    func next(_ bound: Int) -> Int { Int(splitMix(&state) % UInt64(max(1, bound))) }
    let original = seeds[next(seeds.count)]
    var lines = original.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var done: [String] = []
    for _ in 0...next(3) {
      let line = next(lines.count)
      switch next(7) {
      case 0, 1, 2:
        // A value replaced: the text after a ": " (or a whole list item).
        let value = Self.hostileValues[next(Self.hostileValues.count)]
        let cuts = lines[line].indices.filter {
          lines[line][$0...].hasPrefix(": ") || lines[line][$0...].hasPrefix("- ")
        }
        guard let cut = cuts.isEmpty ? nil : cuts[next(cuts.count)] else { continue }
        let start = lines[line].index(cut, offsetBy: 2)
        let end = lines[line][start...].firstIndex { $0 == "," || $0 == "}" || $0 == "#" } ?? lines[line].endIndex
        lines[line].replaceSubrange(start..<end, with: value + (end == lines[line].endIndex ? "" : " "))
        done.append("line \(line + 1): value → \(value.prefix(40))")
      case 3:
        // A number scaled by a power of ten, or negated.
        guard let range = lines[line].range(of: #"[0-9]+(\.[0-9]+)?"#, options: .regularExpression) else { continue }
        let factor = ["-", "000000", "e12", ".000001", "e-9"][next(5)]
        let number = String(lines[line][range])
        let replacement = factor == "-" ? "-" + number : number + factor
        lines[line].replaceSubrange(range, with: replacement)
        done.append("line \(line + 1): number → \(replacement)")
      case 4:
        lines.remove(at: line)
        done.append("line \(line + 1) deleted")
      case 5:
        lines.insert(lines[line], at: line)
        done.append("line \(line + 1) doubled")
      default:
        // A byte that should not be there, or the file cut short.
        if next(2) == 0 {
          let byte = ["\u{0}", "\u{1B}", "\t", "\r", "\u{FEFF}", "\"", "'", "{", "[", ":", "&", "*", "!"][next(13)]
          let column = next(lines[line].count + 1)
          lines[line].insert(contentsOf: byte, at: lines[line].index(lines[line].startIndex, offsetBy: column))
          done.append("line \(line + 1): \(byte.debugDescription) inserted")
        } else {
          lines.removeLast(lines.count - line)
          done.append("cut before line \(line + 1)")
        }
      }
      if lines.isEmpty { lines = [""] }
    }
    self.index = index
    self.seed = seed
    self.name = original.name
    self.text = lines.joined(separator: "\n")
    self.mutation = done.joined(separator: "; ")
  }
}

/// SplitMix64: the fuzzer's own small generator, so mutants depend on the seed alone.
private func splitMix(_ state: inout UInt64) -> UInt64 {
  state &+= 0x9E37_79B9_7F4A_7C15
  var z = state
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}
