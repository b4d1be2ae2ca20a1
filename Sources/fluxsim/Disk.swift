import ArgumentParser
import FluxRun
import FluxScenario
import Foundation

/// File-system work with one clear error: "cannot write DIR: reason" in plain words, exit
/// status 1 (a failure of the run or the file system, not of the input). Stored results
/// that are not the run's (`RunRefusal`) are bad input: `error: …`, exit status 2.
enum Disk {
  static func attempt<Result>(_ destination: URL, _ work: () throws -> Result) throws -> Result {
    do {
      return try work()
    } catch let exit as ExitCode {
      throw exit
    } catch let refusal as RunRefusal {
      Console.error("error: \(refusal)")
      throw ExitCode(2)
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
