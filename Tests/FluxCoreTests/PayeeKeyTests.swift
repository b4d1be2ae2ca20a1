import Testing

@testable import FluxCore

/// flux-rules.md §4.4 and §9 item 4 ([R] `state.rs` ordering tests).
@Suite struct PayeeKeyTests {
  let a = Outpoint(displayHex: String(repeating: "0", count: 62) + "01", vout: 0)!
  let b = Outpoint(displayHex: "01" + String(repeating: "0", count: 62), vout: 0)!

  @Test func unpaidSortsBeforePaidAtEqualHeight() {
    let unpaid = PayeeKey(confirmedHeight: 100, lastPaid: 0, collateral: b)
    let paid = PayeeKey(confirmedHeight: 50, lastPaid: 100, collateral: a)
    #expect(unpaid.comparisonHeight == paid.comparisonHeight)
    #expect(unpaid < paid)
  }

  @Test func lowerHeightFirstRegardlessOfPaidFlag() {
    #expect(
      PayeeKey(confirmedHeight: 10, lastPaid: 99, collateral: b)
        < PayeeKey(confirmedHeight: 100, lastPaid: 0, collateral: a))
  }

  @Test func txidTieBreakComparesInternalBytesWithMemcmp() {
    // Display hex is byte-reversed: "00…01" has internal bytes 01 00 … 00, and
    // "01 00…00" has internal bytes 00 … 00 01. memcmp compares the first internal
    // byte first, so `b` (00 …) sorts before `a` (01 …) even though a's hex looks smaller.
    #expect(b < a)
    let keyA = PayeeKey(confirmedHeight: 7, lastPaid: 0, collateral: a)
    let keyB = PayeeKey(confirmedHeight: 7, lastPaid: 0, collateral: b)
    #expect(keyB < keyA)
  }

  @Test func voutIsTheLastTieBreak() {
    let low = Outpoint(displayHex: String(repeating: "ab", count: 32), vout: 0)!
    let high = Outpoint(displayHex: String(repeating: "ab", count: 32), vout: 1)!
    #expect(low < high)
    #expect(!(high < low))
  }

  @Test func malformedHexIsRejected() {
    #expect(Outpoint(displayHex: "xyz", vout: 0) == nil)
    #expect(Outpoint(displayHex: String(repeating: "g", count: 64), vout: 0) == nil)
  }
}
