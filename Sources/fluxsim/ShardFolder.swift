import FluxReport
import FluxRun
import FluxScenario
import Foundation

/// A shard folder as `merge` reads it (`run --shard K/N`): its manifest, its shard and its
/// stored scenario, each read within bounds and checked against the others before any
/// job is merged.
struct ShardFolder {
  /// The path as given on the command line.
  let path: String
  let folder: RunFolder
  let manifest: Manifest
  let spec: ShardSpec
  /// The stored `scenario.yaml`, whose hash the manifest records.
  let text: String

  /// Why a folder cannot be merged, in a sentence naming it.
  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  /// Reads the shard folder at `path`, or refuses it with what is wrong.
  static func open(_ path: String) throws(Refusal) -> ShardFolder {
    let url = URL(fileURLWithPath: path)
    let folder = RunFolder(url: url)
    let manifestURL = url.appendingPathComponent(RunOutputs.manifestName)
    switch Paths.entry(url) {
    case .missing: throw Refusal(description: "\(path) does not exist")
    case .file, .other: throw Refusal(description: "\(path) is a file, not a shard folder")
    case .folder, .link: break
    }
    guard Paths.entry(manifestURL) != .missing else {
      throw Refusal(
        description: "\(path) is not a shard folder: it has no manifest.json (shard folders are written by "
          + "`fluxsim run FILE --shard K/N --out FOLDER`)")
    }
    let manifest: Manifest
    do { manifest = try folder.manifest() } catch {
      throw Refusal(description: "shard \(path): cannot read \(manifestURL.path): \(error)")
    }
    guard let shard = manifest.shard else {
      throw Refusal(description: "\(path) is not a shard folder: its manifest.json has no shard (a finished run?)")
    }
    let spec: ShardSpec
    do { spec = try ShardSpec.parse(shard) } catch {
      throw Refusal(description: "shard \(path): \(manifestURL.path): shard \"\(shard.prefix(40))\": \(error)")
    }
    let scenarioURL = url.appendingPathComponent(RunFolder.scenarioName)
    let text: String
    do { text = try BoundedFile.text(scenarioURL.path, limit: InputLimits.maxFileBytes, what: "a scenario file") } catch
    {
      throw Refusal(description: "shard \(path): cannot read \(scenarioURL.path): \(error)")
    }
    guard Manifest.hash(Data(text.utf8)) == manifest.scenario.textHash else {
      throw Refusal(
        description: "shard \(path): \(scenarioURL.path) was changed after the shard ran (its text is not the one "
          + "manifest.json records)")
    }
    return ShardFolder(path: path, folder: folder, manifest: manifest, spec: spec, text: text)
  }
}
