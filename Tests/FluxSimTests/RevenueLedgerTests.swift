import FluxCore
import Testing

@testable import FluxSim

/// The revenue ledger on its own: a payment splits into the nodes' share (rounded down)
/// and the foundation's rest, the payments of an app never placed are counted until it
/// is, and credits and unearned shares land where they belong.
@Suite struct RevenueLedgerTests {
  @Test func paymentSplitsAndCountsUntilPlaced() {
    var ledger = RevenueLedger()
    // 1,000 sat at a 30 % share: ⌊1000 × 0.3⌋ = 300 to nodes, 1000 − 300 = 700 to the foundation.
    let share = ledger.book(price: Amount(satoshi: 1000), usd: 0.5, nodeShare: 0.3, unplaced: true)
    #expect(share == 300)
    #expect(ledger.toFoundation == 700)
    #expect(ledger.revenue == 1000)
    // 1,000 sat is 10⁻⁵ FLUX, at $0.5 each: $0.000005.
    #expect(abs(ledger.revenueUSD - 0.000_005) < 1e-15)
    #expect(ledger.revenueNeverPlaced == 1000)
    // A renewal of a placed app (7 sat at a third: ⌊7 / 3⌋ = 2 to nodes) is never unplaced.
    #expect(ledger.book(price: Amount(satoshi: 7), usd: 0, nodeShare: 1.0 / 3, unplaced: false) == 2)
    #expect(ledger.revenueNeverPlaced == 1000)
    ledger.placed(1000)
    #expect(ledger.revenueNeverPlaced == 0)
    // The first period's 300: 120 to a Nimbus host, 150 to a Stratus one, 30 earned by none.
    ledger.credit(120, tier: 1)
    ledger.credit(150, tier: 2)
    ledger.unearned(300 - 120 - 150)
    #expect(ledger.toNodes == [0, 120, 150])
    #expect(ledger.toFoundation == 700 + 5 + 30)
  }
}
