import ArgumentParser
import FluxScenario
import Foundation

/// File-system work with one clear error: "cannot write DIR: reason" in plain words, exit
/// status 1 (a failure of the run or the file system, not of the input).
enum Disk {
  static func attempt(_ destination: URL, _ work: () throws -> Void) throws {
    do {
      try work()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw failure(destination, PlainWords.describe(error))
    }
  }

  /// Prints "cannot write DESTINATION: reason" and returns the exit status to throw.
  static func failure(_ destination: URL, _ reason: String) -> ExitCode {
    Console.error("error: cannot write \(destination.path): \(reason)")
    return ExitCode(1)
  }
}
