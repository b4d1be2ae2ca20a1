import FluxCore

/// Drawing the spec of an arriving app: from the catalogue by weight, or field by field
/// from the scenario's distributions, rounded to FluxOS's granularity and clamped into
/// its limits at the registration height (flux-rules.md §7.3), so that every spec is
/// one FluxOS would accept (`ChainParams.validate` finds nothing wrong with it).
extension AppMarket {
  /// A new app's spec (version 8, compose) and its renewal probability.
  func drawSpec(at height: Int, limits: AppPricingParams) -> (spec: AppSpec, renewal: Double) {
    guard let config, let stream else { preconditionFailure("drawing an app spec without an app market") }
    switch config.specs {
    case .catalogue(let entries):
      let entry = entries[catalogue!.draw(stream)]
      return (
        AppSpec(
          version: 8, components: entry.components.map(AppComponent.init), instances: entry.instances,
          expire: entry.subscriptionBlocks), entry.renewal
      )
    case .distributions(let fields):
      let count = max(1, Int(fields.components.sample(stream).rounded()))
      // Each component gets at most its share of the per-app cap (the Stratus cap).
      let cap = limits.maxAppResources.stratus
      let components = (0..<count).map { _ in
        AppComponent(
          cpuTenths: clamp(Int((fields.cpuCores.sample(stream) * 10).rounded()), 1, cap.cpuTenths / count),
          ramMB: clamp(
            Int((fields.ramMB.sample(stream) / Double(limits.ramStepMB)).rounded()) * limits.ramStepMB,
            limits.ramStepMB, cap.ramMB / count / limits.ramStepMB * limits.ramStepMB),
          hddGB: clamp(Int(fields.hddGB.sample(stream).rounded()), 1, cap.hddGB / count))
      }
      let instances = clamp(
        Int(fields.instances.sample(stream).rounded()), limits.minInstances(version: 8, at: height),
        limits.maxInstances)
      let expire = clamp(
        Int(fields.subscriptionBlocks.sample(stream).rounded()), limits.minExpire.value(at: height),
        limits.maxExpire(at: height))
      return (AppSpec(version: 8, components: components, instances: instances, expire: expire), fields.renewal)
    }
  }

  private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }
}
