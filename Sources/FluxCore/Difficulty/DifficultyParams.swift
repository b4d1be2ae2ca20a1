// Placeholder to be replaced by the difficulty work (UInt256, compact bits, rules).
public struct DifficultyParams: Sendable, Equatable {
  public static let mainnet = DifficultyParams()
  public static let testnet = DifficultyParams()
  public static let regtest = DifficultyParams()
}
