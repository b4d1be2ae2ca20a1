/// Tier totals at the previous sample, from which a row's economics are measured.
struct SampleMark {
  var time: Int64
  var income: [Int64]
  var confirmed: [Int]
}
