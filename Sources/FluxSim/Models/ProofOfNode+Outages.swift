import FluxCore

/// Network outages under PoN (`NetworkOutages`): stretches in which no node makes a block.
///
/// Each slot draws its eligible nodes afresh (the slot number is in the PoN hash), so the
/// slots after the tip are independent and removing some leaves the others' odds as
/// they were: the k-th slot outside every outage is the k-th slot the engine drew without
/// outages. So a block is drawn as before, and when its slot starts at or after the next
/// outage's start it moves on by the slots that start inside that outage (and the next,
/// while it still reaches one). Outages draw from a stream of their own and take no draw
/// from the fleet's.
struct OutageProcess {
  let every: Double
  let duration: Distribution
  let stream: RandomStream
  /// Outages reached so far, and the slots they removed.
  var count = 0
  var lostSlots = 0

  init(model: NetworkOutages, seed: UInt64) {
    every = model.every
    duration = model.duration
    var state = seed ^ 0x6F75_7461_6765_7321
    stream = RandomStream(seed: splitMix64(&state))
  }
}

extension ProofOfNode {
  /// `drawn` (a slot start at or after the next outage's start) moved past the slots that
  /// start inside the outages it reaches; slots lie every `spacing` seconds from the tip's
  /// slot start. A block at or past `endTime` (the job's end) is left where it is: no
  /// outage after the end can matter, and walking them could take unbounded time.
  mutating func skippingOutages(_ drawn: Int64, tipSlot: Int64, spacing: Int64, endTime: Int64) -> Int64 {
    guard var process = outages else { return drawn }
    let firstSlot = tipSlot + spacing
    var slotStart = drawn
    while slotStart >= nextOutage, slotStart < endTime {
      let start = nextOutage
      let end = Checked.time(after: process.duration.sample(process.stream), from: start)
      guard end < Checked.never else {
        (slotStart, nextOutage) = (Checked.never, Checked.never)
        break
      }
      // The first slot at or after the outage's start, and the slots from it before its end.
      let firstLost = firstSlot + (max(start, firstSlot) - firstSlot + spacing - 1) / spacing * spacing
      let lost = end > firstLost ? (end - firstLost + spacing - 1) / spacing : 0
      // Both below `never` (Int64.max / 2) and lost × spacing < end − firstLost + spacing: no overflow.
      slotStart = min(slotStart + lost * spacing, Checked.never)
      process.count += 1
      process.lostSlots += Int(lost)
      nextOutage = Checked.time(after: process.stream.exponential(mean: process.every), from: end)
    }
    outages = process
    return slotStart
  }

  /// Draws the next outage's start after `time` (the process is memoryless: after a stall
  /// for want of producers it restarts rather than walking the outages the stall spanned).
  mutating func restartOutages(from time: Int64) {
    guard let process = outages else { return }
    nextOutage = Checked.time(after: process.stream.exponential(mean: process.every), from: time)
  }
}
