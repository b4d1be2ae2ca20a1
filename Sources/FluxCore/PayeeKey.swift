/// The deterministic payee ordering of a tier's node list.
///
/// Mirrors fluxd `fluxnode/fluxnode.h` `FluxnodeListData::operator<` (~313) and [R]
/// `state.rs` `FluxnodePayeeKey` (~462–503), flux-rules.md §4.4. The list is sorted
/// ascending by `(cmpHeight, hasBeenPaid, txid bytes, vout)`; its first still-confirmed
/// entry is paid. A node confirmed in block h has key `(h, unpaid)` and so sorts just
/// ahead of the node paid in the same block, `(h, paid)`.
public struct PayeeKey: Hashable, Comparable, Sendable {
  /// `lastPaid` if the node has been paid, else its `confirmedHeight`.
  public var comparisonHeight: Int
  /// False sorts before true at equal height.
  public var hasBeenPaid: Bool
  /// The collateral outpoint, the final tie-break.
  public var collateral: Outpoint

  public init(comparisonHeight: Int, hasBeenPaid: Bool, collateral: Outpoint) {
    self.comparisonHeight = comparisonHeight
    self.hasBeenPaid = hasBeenPaid
    self.collateral = collateral
  }

  /// The key of a node from its heights; `lastPaid == 0` means never paid.
  public init(confirmedHeight: Int, lastPaid: Int, collateral: Outpoint) {
    self.init(
      comparisonHeight: lastPaid > 0 ? lastPaid : confirmedHeight, hasBeenPaid: lastPaid > 0,
      collateral: collateral)
  }

  @inlinable public static func < (a: PayeeKey, b: PayeeKey) -> Bool {
    if a.comparisonHeight != b.comparisonHeight { return a.comparisonHeight < b.comparisonHeight }
    if a.hasBeenPaid != b.hasBeenPaid { return !a.hasBeenPaid }
    return a.collateral < b.collateral
  }
}

/// A collateral outpoint: transaction id and output index.
///
/// fluxd compares the txid with `memcmp` over its 32 raw bytes in internal
/// (little-endian) order, i.e. the reverse of the hex shown by explorers. The bytes are
/// kept as four big-endian words of that internal order so that comparing the words
/// as integers is exactly that `memcmp`.
public struct Outpoint: Hashable, Comparable, Sendable {
  public var txidWords: (UInt64, UInt64, UInt64, UInt64)
  public var vout: UInt32

  /// From the 32 txid bytes in internal order (as stored in a transaction).
  public init(internalBytes bytes: [UInt8], vout: UInt32) {
    precondition(bytes.count == 32, "a txid has 32 bytes")
    func word(_ i: Int) -> UInt64 { bytes[i * 8..<i * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) } }
    self.txidWords = (word(0), word(1), word(2), word(3))
    self.vout = vout
  }

  /// From the txid as explorers print it (64 hex digits, byte-reversed); nil if malformed.
  public init?(displayHex hex: String, vout: UInt32) {
    let chars = Array(hex.utf8)
    guard chars.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for i in stride(from: 62, through: 0, by: -2) {
      guard let byte = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
      bytes.append(byte)
    }
    self.init(internalBytes: bytes, vout: vout)
  }

  /// A synthetic outpoint for simulated nodes: a well-mixed txid drawn from `seed`.
  public init(synthetic seed: UInt64, vout: UInt32 = 0) {
    var state = seed
    self.txidWords = (splitMix64(&state), splitMix64(&state), splitMix64(&state), splitMix64(&state))
    self.vout = vout
  }

  public static func == (a: Outpoint, b: Outpoint) -> Bool {
    a.txidWords == b.txidWords && a.vout == b.vout
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(txidWords.0)
    hasher.combine(txidWords.1)
    hasher.combine(txidWords.2)
    hasher.combine(txidWords.3)
    hasher.combine(vout)
  }

  @inlinable public static func < (a: Outpoint, b: Outpoint) -> Bool {
    if a.txidWords.0 != b.txidWords.0 { return a.txidWords.0 < b.txidWords.0 }
    if a.txidWords.1 != b.txidWords.1 { return a.txidWords.1 < b.txidWords.1 }
    if a.txidWords.2 != b.txidWords.2 { return a.txidWords.2 < b.txidWords.2 }
    if a.txidWords.3 != b.txidWords.3 { return a.txidWords.3 < b.txidWords.3 }
    return a.vout < b.vout
  }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny bijective mixer used to derive
/// independent seeds and synthetic identifiers deterministically.
@inlinable public func splitMix64(_ state: inout UInt64) -> UInt64 {
  state &+= 0x9E37_79B9_7F4A_7C15
  var z = state
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}
