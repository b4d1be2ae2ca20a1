import FluxSim

/// The `pon:` section's ranges: distributions as everywhere, and outages no more frequent
/// than `minOutageGap` apart on average.
extension ScenarioValidator {
  /// The shortest mean time between outages: an outage process faster than this would
  /// not be outages of a working chain, and bounding it bounds the outages a job draws
  /// (at most its span over this).
  static let minOutageGap = 3_600.0

  static func validatePoN(_ pon: PoNSpec, fail: (String, String) -> Void) {
    for (name, message) in pon.mintDelay.rangeProblems {
      fail("pon.mint_delay.\(pon.mintDelay.family).\(name)", message)
    }
    guard let outages = pon.outages else { return }
    if !(outages.every.seconds >= minOutageGap && outages.every.seconds <= DurationUnitMarker.maximum) {
      fail("pon.outages.every", "must be 1h … 1000y, found \(outages.every)")
    }
    for (name, message) in outages.duration.rangeProblems {
      fail("pon.outages.duration.\(outages.duration.family).\(name)", message)
    }
  }
}
