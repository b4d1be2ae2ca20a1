import FluxCore
import Testing

@testable import FluxSim

/// `RuleBook.expiryHeight` answers without FluxCore past the last height at which a
/// node timer may change; everywhere it must be FluxCore's `expiryHeight`.
@Suite struct RuleBookExpiryTests {
  /// Last confirms around every height where the timers change, and far beyond them.
  static func lastConfirms(_ params: ChainParams, steadyFrom: Int) -> [Int] {
    let cuts =
      [params.upgrades.flux, params.upgrades.collateralHalving, params.upgrades.pon].compactMap { $0 }
      + params.changes.map(\.activation) + [steadyFrom]
    let near = cuts.flatMap { cut in (-700...700).map { cut + $0 } }.filter { $0 >= 0 }
    return near + [0, 1, 5_000_000, 20_000_000, ChainParams.maxHeight / 2]
  }

  @Test func mainnetAnswersAsFluxCoreDoes() {
    let params = ChainParams.mainnet
    let book = RuleBook(params: params, mode: .observed)
    // The last timer change of mainnet is PoN's activation (2,020,000), with an expiry of
    // 640 blocks (flux-rules.md §4.2).
    #expect(book.steadyExpiry.from == 2_020_000)
    #expect(book.steadyExpiry.blocks == 640)
    // Confirmed at 3,000,000: removed in the first block h with 3,000,000 < h − 640.
    #expect(book.expiryHeight(lastConfirm: 3_000_000) == 3_000_641)
    for lastConfirm in Self.lastConfirms(params, steadyFrom: book.steadyExpiry.from) {
      #expect(book.expiryHeight(lastConfirm: lastConfirm) == params.expiryHeight(lastConfirm: lastConfirm))
    }
  }

  @Test func scheduledChangesOfTheExpiryAnswerAsFluxCoreDoes() throws {
    let tip = TipState.measured2026.height
    let rules = try ScheduledChangeTests.schedule([
      ScheduledChangeTests.change("longer", at: tip + 1_000, ["timers.pon.expiry": .scalar("1280")]),
      ScheduledChangeTests.change("shorter", at: tip + 5_000, ["timers.pon.expiry": .scalar("320")]),
    ])
    let params = rules.params
    let book = RuleBook(params: params, mode: .observed)
    #expect(book.steadyExpiry.from == tip + 5_000)
    #expect(book.steadyExpiry.blocks == 320)
    for lastConfirm in Self.lastConfirms(params, steadyFrom: book.steadyExpiry.from) {
      #expect(book.expiryHeight(lastConfirm: lastConfirm) == params.expiryHeight(lastConfirm: lastConfirm))
    }
    // Confirmed 100 blocks before the shorter expiry starts: under the longer one it would
    // go at + 1,281, past the change, so the change's 320 blocks decide (+ 321).
    #expect(book.expiryHeight(lastConfirm: tip + 4_900) == tip + 4_900 + 321)
  }
}
