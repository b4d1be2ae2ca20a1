import FluxCore

/// Header histories for the difficulty tests.
enum Headers {
  /// An arbitrary epoch for the fixtures' timestamps (2020-09-13).
  static let origin: Int64 = 1_600_000_000

  /// Headers `tip − count + 1 … tip`, all with `bits`, block `h` at `time(h)`.
  static func chain(tip: Int, count: Int, bits: UInt32, time: (Int) -> Int64) -> [BlockHeaderInfo] {
    ((tip - count + 1)...tip).map { BlockHeaderInfo(height: $0, time: time($0), bits: bits) }
  }

  /// Headers `tip − count + 1 … tip`, all with `bits`, exactly `spacing` seconds apart.
  static func spaced(tip: Int, count: Int, bits: UInt32, spacing: Int64) -> [BlockHeaderInfo] {
    chain(tip: tip, count: count, bits: bits) { origin + Int64($0) * spacing }
  }

  /// Headers `tip − times.count + 1 … tip` with the given times (oldest first), all with `bits`
  /// except the tip's, which is `tipBits` when given.
  static func timed(tip: Int, times: [Int64], bits: UInt32, tipBits: UInt32? = nil) -> [BlockHeaderInfo] {
    let first = tip - times.count + 1
    return times.enumerated().map { offset, time in
      let height = first + offset
      return BlockHeaderInfo(height: height, time: time, bits: height == tip ? (tipBits ?? bits) : bits)
    }
  }

  /// Headers `first … last` as a chain grows them: block `first` carries `firstBits` and
  /// every later block the nBits `params` require of it; block `h` is stamped `time(h)`.
  static func grown(
    first: Int, last: Int, firstBits: UInt32, params: ChainParams, time: (Int) -> Int64
  ) -> [BlockHeaderInfo] {
    var headers = [BlockHeaderInfo(height: first, time: time(first), bits: firstBits)]
    for height in (first + 1)...last {
      let bits = params.nextBits(forHeight: height, history: headers)
      headers.append(BlockHeaderInfo(height: height, time: time(height), bits: bits))
    }
    return headers
  }

  /// The 61 times an LWMA window reads (tip−60 … tip) for blocks exactly `spacing` apart.
  static func lwmaTimes(spacing: Int64) -> [Int64] {
    (0...60).map { origin + Int64($0) * spacing }
  }
}

/// Targets whose arithmetic the tests derive by hand.
enum Targets {
  /// Bitcoin's 0x1d00ffff: 0xffff × 256^26 = 65,535 × 2^208 = 3 · 5 · 17 · 257 × 2^208, so
  /// divisible by Digishield's 2,040 = 2^3 · 3 · 5 · 17 (quotient 257 × 2^205).
  static let x = UInt256(0xffff) << 208
  static let xBits: UInt32 = 0x1d00_ffff

  /// 0x1e032433: 0x032433 × 256^27 = 205,875 × 2^216, and 205,875 = 3^3 · 5^3 · 61, so
  /// divisible by LWMA's k·N = 219,600 × 60 = 13,176,000 = 2^6 · 3^3 · 5^3 · 61
  /// (quotient 2^210): LWMA's per-target truncation loses nothing.
  static let x0 = UInt256(205_875) << 216
  static let x0Bits: UInt32 = 0x1e03_2433
}
