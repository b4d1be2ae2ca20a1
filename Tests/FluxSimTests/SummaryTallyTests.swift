import FluxCore
import Testing

@testable import FluxSim

/// `Summary(of: Tally)` repeats GSL's mean and quantile arithmetic over value → count
/// runs; it must equal GSL's own result on the values listed one by one, bit for bit
/// (the income statistics of a job may not change when former nodes are tallied).
@Suite struct SummaryTallyTests {
  @Test(arguments: [1, 2, 3, 7, 20, 101, 10_000])
  func equalsGSLOnTheListedValues(size: Int) {
    var state = UInt64(size)
    var tally = Tally()
    var values: [Int64] = []
    for _ in 0..<size {
      let draw = splitMix64(&state)
      // Mostly k payments of one reward (many repeats), sometimes a sum over two eras
      // or an odd amount, as node incomes are.
      let k = Int64(draw % 200)
      let value =
        switch draw >> 60 {
        case 0: k * 1_260_000_000 + Int64(draw >> 40 & 0xff) * 1_400_000_000
        case 1: Int64(draw >> 8 & 0xff_ffff_ffff)
        default: k * 1_400_000_000
        }
      tally.add(value)
      values.append(value)
    }
    let expected = Summary(of: values.map(Double.init))
    #expect(Summary(of: tally) == expected)
    #expect(tally.count == size)
    #expect(tally.sum == values.reduce(0, +))
  }

  @Test func runsAreTheDistinctValuesInOrderWithTheirCounts() {
    // The extremes, zero, negatives and values of every magnitude, many repeated, through
    // several growths of the table; counted again in a Dictionary for reference.
    var tally = Tally()
    var reference: [Int64: Int] = [:]
    var state: UInt64 = 42
    let specials: [Int64] = [.min, .max, 0, -1, 1, 1 << 62, -(1 << 62)]
    for i in 0..<5_000 {
      let value =
        i % 3 == 0 ? specials[i % specials.count] : Int64(bitPattern: splitMix64(&state)) >> Int64(i % 64)
      tally.add(value)
      reference[value, default: 0] += 1
    }
    let values = reference.keys.sorted()
    #expect(tally.runs().map(\.value) == values)
    #expect(tally.runs().map(\.count) == values.map { reference[$0] ?? 0 })
    #expect(tally.count == 5_000)
    #expect(tally.sum == reference.reduce(0) { $0 &+ $1.key &* Int64($1.value) })
  }

  @Test func emptyTallyIsTheEmptySummary() {
    #expect(Summary(of: Tally()) == .empty)
  }
}
