import FluxCore
import Testing

@testable import FluxSim

/// flux-rules.md §3.1: the 2022 collateral reduction. Nodes on the original amount move to
/// the reduced one inside their tier's window or are force-expired at its end and restart.
@Suite struct CollateralChangeTests {
  @Test func everyNodeEndsOnTheReducedCollateral() {
    var config = Fixtures.pow(height: 1_076_000, hashrate: .constant(1e6), initialHashrate: 1e6)
    config.fleet.initialNodes = TierValues(cumulus: 12, nimbus: 12, stratus: 12)
    config.fleet.collateralMigrationShare = 0.5
    var simulation = Simulation(config: config)
    #expect(simulation.fleet.nodes.allSatisfy { $0.collateralAmount == ChainParams.mainnet.collateral.v1[$0.tier] })
    // Past the last window (1,097,412) and the 100 confirmations a new collateral needs.
    simulation.advance(toHeight: 1_097_700)
    #expect(simulation.fleet.nodes.allSatisfy { $0.collateralAmount == ChainParams.mainnet.collateral.v2[$0.tier] })
    #expect(simulation.fleet.nodes.allSatisfy { $0.state == .confirmed })
    // Each node restarted once: confirmed inside or just after its tier's window.
    for node in simulation.fleet.nodes {
      let window = ChainParams.mainnet.collateral.transitionWindows![node.tier]
      #expect(node.confirmedHeight > window.lowerBound && node.confirmedHeight < window.upperBound + 400)
    }
    #expect(simulation.invariantViolations() == [])
  }

  /// The collateral a new node locks, read from `RuleBook`'s steps: on mainnet the original
  /// amount before its tier's window and the reduced one from the window's first block
  /// (both are valid inside it and a new node takes the reduced one; only it after).
  @Test func newNodesLockTheAmountOfTheirHeight() {
    let book = RuleBook(params: .mainnet, mode: .observed)
    let (v1, v2) = (ChainParams.mainnet.collateral.v1, ChainParams.mainnet.collateral.v2)
    for tier in Tier.allCases {
      let window = ChainParams.mainnet.collateral.transitionWindows![tier]
      for height in [0, 1, window.lowerBound - 1] { #expect(book.lockedCollateral(tier, at: height) == v1[tier]) }
      for height in [window.lowerBound, window.upperBound - 1, window.upperBound, 3_000_000] {
        #expect(book.lockedCollateral(tier, at: height) == v2[tier], "\(tier) at \(height)")
      }
    }
  }

  /// Under scheduled changes: one activating inside the cumulus window without touching
  /// collateral (its era keeps the windows, whose bounds still count), then one setting
  /// `collateral.start_amount` after the windows (only that amount is valid from its
  /// activation on; FluxCore refuses it earlier). At
  /// every height near a step the amount is one FluxCore calls valid there, and the
  /// reduced one whenever it is valid.
  @Test func newNodesLockTheAmountOfTheirEra() throws {
    let rules = try ScheduledChangeTests.schedule([
      ScheduledChangeTests.change("confirmations", at: 1_080_000, ["collateral.min_confirmations": .scalar("200")]),
      ScheduledChangeTests.change(
        "collateral", at: 1_100_000,
        [
          "collateral.start_amount": ScheduledChangeTests.fields([
            "cumulus": .scalar("2000"), "nimbus": .scalar("20000"), "stratus": .scalar("50000"),
          ])
        ]),
    ])
    let params = rules.params
    let book = RuleBook(params: params, mode: .observed)
    let (v1, v2) = (params.collateral.v1, params.collateral.v2)
    let windows = params.collateral.transitionWindows!
    // Cumulus: original, reduced from its window (which ends inside the first change's
    // era), the start amount from the second change.
    #expect(book.lockedCollateral(.cumulus, at: 1_079_999) == v2[.cumulus])
    #expect(book.lockedCollateral(.cumulus, at: windows[.cumulus].lowerBound - 1) == v1[.cumulus])
    #expect(book.lockedCollateral(.cumulus, at: 1_089_999) == v2[.cumulus])
    // Stratus: its window opens (1,087,332) and closes (1,097,412) inside the first
    // change's era.
    #expect(book.lockedCollateral(.stratus, at: 1_087_331) == v1[.stratus])
    #expect(book.lockedCollateral(.stratus, at: 1_087_332) == v2[.stratus])
    #expect(book.lockedCollateral(.stratus, at: 1_099_999) == v2[.stratus])
    let start = TierValues(cumulus: Amount(flux: 2_000), nimbus: Amount(flux: 20_000), stratus: Amount(flux: 50_000))
    for tier in Tier.allCases {
      #expect(book.lockedCollateral(tier, at: 1_100_000) == start[tier])
      #expect(book.lockedCollateral(tier, at: 40_000_000) == start[tier])
      let steps = [0, 1_080_000, 1_100_000, windows[tier].lowerBound, windows[tier].upperBound]
      for height in steps.flatMap({ [$0 - 1, $0, $0 + 1] }) where height >= 0 {
        let valid = params.validCollaterals(for: tier, at: height)
        let locked = book.lockedCollateral(tier, at: height)
        #expect(valid.contains(locked), "\(tier) at \(height): \(locked) not in \(valid)")
        #expect(!valid.contains(v2[tier]) || locked == v2[tier], "\(tier) at \(height)")
      }
    }
  }
}
