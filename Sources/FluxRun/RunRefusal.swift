import Foundation

/// Why a run's stored results cannot make its outputs (a job file missing, or not its
/// job's), in a sentence: the command line prints it as an error and exits with status 2,
/// as for any bad input. The library throws it rather than printing, so the CLI decides
/// what the user sees.
public struct RunRefusal: Error, CustomStringConvertible {
  public let description: String

  public init(description: String) { self.description = description }

  /// Ends the process with status 1 after printing `message` as an error: what a job
  /// file that changed while the outputs were written does when the caller (a test) gives
  /// nothing else; the CLI also releases its locks (`OutputLock.exit`).
  public static func exit(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    Foundation.exit(1)
  }
}
