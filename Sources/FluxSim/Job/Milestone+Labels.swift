import FluxCore

extension Milestone {
  /// The label of the milestone of first reaching a supply level: "supply
  /// 430000000.00000000 FLUX". One definition, so that a report can tell a level a
  /// scenario tracks but never reached from one it does not track.
  public static func supplyLabel(_ level: Amount) -> String { "supply \(level) FLUX" }
}
