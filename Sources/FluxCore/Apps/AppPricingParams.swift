// Placeholder to be replaced by the app-pricing work.
public struct AppPricingParams: Sendable, Equatable {
  public static let mainnet = AppPricingParams()
}
