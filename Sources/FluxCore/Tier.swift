/// The three FluxNode tiers (fluxd `fluxnode/fluxnode.h` `enum Tier`; flux-rules.md §3).
///
/// The raw values are the daemon's (CUMULUS = 1, NIMBUS = 2, STRATUS = 3); FluxOS still
/// calls them basic, super and bamf.
public enum Tier: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
  case cumulus = 1
  case nimbus = 2
  case stratus = 3

  public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }

  /// Lower-case name as used in files and reports.
  public var description: String {
    switch self {
    case .cumulus: "cumulus"
    case .nimbus: "nimbus"
    case .stratus: "stratus"
    }
  }

  /// The index 0, 1, 2 for array storage.
  @inlinable public var index: Int { rawValue - 1 }
}

/// One value per tier, stored inline (no dictionary) because rules read it per block.
public struct TierValues<Value> {
  public var cumulus: Value
  public var nimbus: Value
  public var stratus: Value

  @inlinable public init(cumulus: Value, nimbus: Value, stratus: Value) {
    self.cumulus = cumulus
    self.nimbus = nimbus
    self.stratus = stratus
  }

  /// Builds the three values from a function of the tier.
  @inlinable public init(_ make: (Tier) throws -> Value) rethrows {
    self.init(cumulus: try make(.cumulus), nimbus: try make(.nimbus), stratus: try make(.stratus))
  }

  @inlinable public subscript(tier: Tier) -> Value {
    get {
      switch tier {
      case .cumulus: cumulus
      case .nimbus: nimbus
      case .stratus: stratus
      }
    }
    set {
      switch tier {
      case .cumulus: cumulus = newValue
      case .nimbus: nimbus = newValue
      case .stratus: stratus = newValue
      }
    }
  }

  @inlinable public func map<T>(_ transform: (Value) throws -> T) rethrows -> TierValues<T> {
    TierValues<T>(cumulus: try transform(cumulus), nimbus: try transform(nimbus), stratus: try transform(stratus))
  }
}

extension TierValues: Sendable where Value: Sendable {}
extension TierValues: Equatable where Value: Equatable {}
extension TierValues: Hashable where Value: Hashable {}
extension TierValues: Codable where Value: Codable {}
