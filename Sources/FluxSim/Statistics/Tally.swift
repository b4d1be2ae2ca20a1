/// A multiset of integers kept as value → count.
///
/// For the incomes of nodes gone from the fleet (`Fleet.formerIncomes`): a node's income
/// is a number of payments of its tier's reward, which stays the same for a year or
/// more, so many former nodes share a value and the tally grows with the distinct
/// values rather than with the nodes (about two million in 20 years of heavy churn).
struct Tally {
  private var counts: [Int64: Int] = [:]
  /// Values counted, repeats included.
  private(set) var count = 0

  /// Counts `value` once more.
  mutating func add(_ value: Int64) {
    counts[value, default: 0] += 1
    count += 1
  }

  /// The sum of the values counted (wrapping, as the ledger's own sums do).
  var sum: Int64 { counts.reduce(0) { $0 &+ $1.key &* Int64($1.value) } }

  /// The distinct values in ascending order, each with its count.
  func runs() -> [(value: Int64, count: Int)] { counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}
