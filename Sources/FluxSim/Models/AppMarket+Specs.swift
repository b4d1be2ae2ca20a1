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
      // Each component gets at most its share of the per-app cap (the Stratus cap), and
      // at least a tenth of a core: no more components than tenths of a core fit.
      let cap = limits.maxAppResources.stratus
      let count = Checked.count(fields.components.sample(stream).rounded(), in: 1...max(1, cap.cpuTenths))
      let components = (0..<count).map { _ in
        AppComponent(
          cpuTenths: clamp((fields.cpuCores.sample(stream) * 10).rounded(), 1, cap.cpuTenths / count),
          ramMB: clamp(
            (fields.ramMB.sample(stream) / Double(limits.ramStepMB)).rounded(), 1,
            cap.ramMB / count / limits.ramStepMB) * limits.ramStepMB,
          hddGB: clamp(fields.hddGB.sample(stream).rounded(), 1, cap.hddGB / count))
      }
      let instances = clamp(
        fields.instances.sample(stream).rounded(), limits.minInstances(version: 8, at: height), limits.maxInstances)
      let expire = clamp(
        fields.subscriptionBlocks.sample(stream).rounded(), limits.minExpire.value(at: height),
        limits.maxExpire(at: height))
      return (AppSpec(version: 8, components: components, instances: instances, expire: expire), fields.renewal)
    }
  }

  /// A draw as an Int in `low … high` (just `low` when the limits leave no room).
  private func clamp(_ value: Double, _ low: Int, _ high: Int) -> Int { Checked.count(value, in: low...max(low, high)) }
}
