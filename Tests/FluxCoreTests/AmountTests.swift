import Testing

@testable import FluxCore

@Suite struct AmountTests {
  @Test(
    arguments: [
      (0, "0.00000000"), (1, "0.00000001"), (100_000_000, "1.00000000"), (170_207_313, "1.70207313"),
      (-1, "-0.00000001"), (1_302_000_000_000_000, "13020000.00000000"), (Int64.max, "92233720368.54775807"),
    ] as [(Int64, String)])
  func formatsWithEightDecimals(satoshi: Int64, text: String) {
    #expect(Amount(satoshi: satoshi).description == text)
    #expect(Amount(parsing: text) == Amount(satoshi: satoshi))
  }

  @Test func parsesShortForms() {
    #expect(Amount(parsing: "14") == Amount(flux: 14))
    #expect(Amount(parsing: "0.5") == Amount(satoshi: 50_000_000))
    #expect(Amount(parsing: ".5") == Amount(satoshi: 50_000_000))
    #expect(Amount(parsing: "12.6") == Amount(satoshi: 1_260_000_000))
    #expect(Amount(parsing: "+3") == Amount(flux: 3))
  }

  @Test(arguments: ["", ".", "-", "1.000000001", "1,000", "1e8", "abc", "1.2.3", "92233720368.54775808", " 1"])
  func rejectsMalformed(text: String) {
    #expect(Amount(parsing: text) == nil)
  }

  @Test func roundTripsRandomAmounts() {
    var state: UInt64 = 1
    for _ in 0..<10_000 {
      let amount = Amount(satoshi: Int64(bitPattern: splitMix64(&state)))
      #expect(Amount(parsing: amount.description) == amount)
    }
  }
}
