/// The constants of Flux's difficulty rules for one network.
///
/// From fluxd `src/chainparams.cpp` (`powLimit`, `ponLimit`, `ponStartLimit`, the
/// Digishield and LWMA windows, `nPonDifficultyWindow`) and the reset and ramp heights
/// hard-coded in `src/pow.cpp` `GetNextWorkRequired` (flux-rules.md §5). Target spacings
/// (`powTargetSpacing`, `ponTargetSpacing`) and the upgrade heights that choose a rule stay
/// in `ChainParams`, which every rule reads together with these. Constants that fluxd writes
/// as literals inside a rule (LWMA's solvetime limits, LWMA3's 67 %/150 % clamp, PoN's
/// −20 %/+25 % clamp) are named in that rule's file instead.
public struct DifficultyParams: Sendable, Equatable {
  /// The most recent headers any difficulty rule may read (64): the PoN window, the LWMA
  /// window plus the block before it, or the Digishield window plus the median-time span.
  ///
  /// Mainnet's rules read at most 61. The bound is what lets a simulator keep a fixed
  /// ring of headers, so the window overrides are refused beyond it.
  public static let maxHistory = 64

  /// The easiest PoW target (`powLimit`; 0x0007ff…ff on mainnet, compact 0x1f07ffff as genesis).
  public var powLimit: UInt256
  /// The easiest PoN target (`ponLimit`, 0x0fff…ff: about a 1/16 chance per node and slot).
  public var ponLimit: UInt256
  /// The PoN target of the first `ponWindow` PoN blocks (`ponStartLimit`, 0x000bff…ff ≈ 1/5,461).
  public var ponStartLimit: UInt256
  /// Blocks whose targets Digishield v3 averages (`nDigishieldAveragingWindow`, 17).
  public var digishieldAveragingWindow: Int
  /// Digishield's largest step toward a harder target, in percent (`nDigishieldMaxAdjustUp`, 16).
  public var digishieldMaxAdjustUp: Int64
  /// Digishield's largest step toward an easier target, in percent (`nDigishieldMaxAdjustDown`, 32).
  public var digishieldMaxAdjustDown: Int64
  /// Blocks whose median time is a block's median time past (`CBlockIndex::nMedianTimeSpan`, 11).
  public var medianTimeSpan: Int
  /// The LWMA and LWMA3 window N (`nZawyLwmaAveragingWindow`, 60).
  public var lwmaWindow: Int
  /// Parent heights whose child gets `powLimit` for the switch to Equihash 144,5
  /// (125,110…125,170 on mainnet, 61 blocks), or nil for no reset.
  public var equihashResetParentHeights: ClosedRange<Int>?
  /// The easing ramp after the switch to ZelHash (parent heights 372,510…372,573), or nil.
  public var zelHashRamp: EasingRamp?
  /// Blocks in the PoN difficulty window (`nPonDifficultyWindow`, 30; testnet 60).
  public var ponWindow: Int

  public init(
    powLimit: UInt256, ponLimit: UInt256, ponStartLimit: UInt256, digishieldAveragingWindow: Int,
    digishieldMaxAdjustUp: Int64, digishieldMaxAdjustDown: Int64, medianTimeSpan: Int, lwmaWindow: Int,
    equihashResetParentHeights: ClosedRange<Int>?, zelHashRamp: EasingRamp?, ponWindow: Int
  ) {
    self.powLimit = powLimit
    self.ponLimit = ponLimit
    self.ponStartLimit = ponStartLimit
    self.digishieldAveragingWindow = digishieldAveragingWindow
    self.digishieldMaxAdjustUp = digishieldMaxAdjustUp
    self.digishieldMaxAdjustDown = digishieldMaxAdjustDown
    self.medianTimeSpan = medianTimeSpan
    self.lwmaWindow = lwmaWindow
    self.equihashResetParentHeights = equihashResetParentHeights
    self.zelHashRamp = zelHashRamp
    self.ponWindow = ponWindow
  }
}

/// A temporary easing of the PoW target after a change of mining algorithm.
///
/// For a parent height p in `parentHeights` the child's target is
/// `base + (base / divisor) × (anchorParentHeight − p)`, where `base` is the regular
/// (LWMA3) target after compact rounding, so it starts well above the regular target and
/// decays to it at the anchor (fluxd `src/pow.cpp` `GetNextWorkRequired` 36–55,
/// flux-rules.md §5.1; see `ChainParams.zelHashEasedTarget`).
public struct EasingRamp: Sendable, Equatable {
  /// Parent heights at which the ramp applies (372,510…372,573 on mainnet).
  public var parentHeights: ClosedRange<Int>
  /// The parent height at which the easing term is 0 (372,571).
  public var anchorParentHeight: Int
  /// Divisor of the regular target in the easing term (32).
  public var divisor: UInt64

  public init(parentHeights: ClosedRange<Int>, anchorParentHeight: Int, divisor: UInt64) {
    self.parentHeights = parentHeights
    self.anchorParentHeight = anchorParentHeight
    self.divisor = divisor
  }
}

extension DifficultyParams {
  /// Mainnet, from fluxd `CMainParams` and `pow.cpp` (flux-rules.md §5).
  public static let mainnet = DifficultyParams(
    // chainparams.cpp ~95, ~103–106.
    powLimit: limit("0007ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    ponLimit: limit("0fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    ponStartLimit: limit("000bffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    digishieldAveragingWindow: 17,
    digishieldMaxAdjustUp: 16,
    digishieldMaxAdjustDown: 32,
    medianTimeSpan: 11,
    lwmaWindow: 60,
    // pow.cpp ~31–55: the 61 parents from the end of the Equihash 200,9 fade.
    equihashResetParentHeights: 125_110...125_170,
    zelHashRamp: EasingRamp(parentHeights: 372_510...372_573, anchorParentHeight: 372_571, divisor: 32),
    ponWindow: 30
  )

  /// Testnet: powLimit 0x0effff…ff, ponStartLimit 0x7fff…ff and a PoN window of 60
  /// ("Verified semantics", §1).
  ///
  /// Assumed, as the sources do not say: ponLimit and the Digishield and LWMA windows
  /// equal mainnet's, and there is no reset or ramp (none is known for testnet). The
  /// testnet rule that allows a minimum-difficulty block after a long gap needs the new
  /// block's time and is not modelled.
  public static let testnet: DifficultyParams = {
    var params = DifficultyParams.mainnet
    params.powLimit = limit("0effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")
    params.ponStartLimit = limit("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")
    params.equihashResetParentHeights = nil
    params.zelHashRamp = nil
    params.ponWindow = 60
    return params
  }()

  /// Regtest: assumed equal to mainnet without the reset and the ramp. Its upgrades never
  /// activate here (see `ChainParams.regtest`), so only Digishield applies, and fluxd
  /// accepts any PoW hash on regtest anyway.
  public static let regtest: DifficultyParams = {
    var params = DifficultyParams.mainnet
    params.equihashResetParentHeights = nil
    params.zelHashRamp = nil
    return params
  }()

  /// A limit written as in `chainparams.cpp`; the literals above are valid hex.
  private static func limit(_ hex: String) -> UInt256 {
    guard let value = UInt256(hex: hex) else { preconditionFailure("invalid target literal \(hex)") }
    return value
  }
}
