/// FluxOS limits on an app spec at registration, and the node capacity left for apps.
///
/// Mirrors FluxOS `ZelBack/config/default.js` (`fluxapps`, `fluxSpecifics`,
/// `lockedSystemResources`), `appRequirements/appValidator.js` (~800–860) and
/// `appRequirements/hwRequirements.js` `checkHWParameters` and `checkAppHWRequirements`
/// (flux-rules.md §6.2, §7.3). Only the numeric limits are checked here; names, images,
/// ports and the like are outside the simulator's model.
extension ChainParams {
  /// Every limit of flux-rules.md §7.3 that `spec` breaks if registered at `height`, in a
  /// fixed order (version, components, instances, period, each component, totals);
  /// empty when the spec is acceptable.
  ///
  /// The resource caps are FluxOS's totals over all components: the untiered values
  /// against the Stratus cap (15 cores, 59,000 MB, 820 GB) and, when any component is
  /// tiered, each tier's values (an untiered component counting its own values on every
  /// tier) against that tier's cap. A nil `expire` means the default period and is not checked.
  public func validate(_ spec: AppSpec, at height: Int) -> [AppSpecProblem] {
    let limits = appPricing
    var problems: [AppSpecProblem] = []
    let newestVersion = limits.specVersions.map(\.value).max() ?? 0
    if spec.version < 1 || spec.version > newestVersion {
      problems.append(.unknownVersion(spec.version))
    } else if spec.version > limits.specVersions.value(at: height),
      let step = limits.specVersions.first(where: { $0.value >= spec.version })
    {
      problems.append(.versionNotYetSupported(version: spec.version, from: step.from, height: height))
    }
    if spec.components.isEmpty {
      problems.append(.tooSmall(field: "components", minimum: 1, found: 0))
    } else if spec.version <= 3, spec.components.count > 1 {
      problems.append(.tooLarge(field: "components", maximum: 1, found: spec.components.count))
    }
    problems += check("instances", spec.instances, min: limits.minInstances(version: spec.version, at: height))
    problems += check("instances", spec.instances, max: limits.maxInstances)
    if let expire = spec.expire {
      problems += check("expire", expire, min: limits.minExpire.value(at: height))
      problems += check("expire", expire, max: limits.maxExpire(at: height))
      if height < limits.expireMultipleUntil {
        problems += check("expire", expire, multipleOf: limits.expireMultiple)
      }
    }
    for (index, component) in spec.components.enumerated() {
      problems += checkGranularity(component.resources, field: "components[\(index)]")
      for tier in Tier.allCases {
        guard let values = component.tiered?[tier] else { continue }
        problems += checkGranularity(values, field: "components[\(index)].tiered.\(tier)")
      }
    }
    let total = spec.components.reduce(AppResources.zero) { $0 + $1.resources }
    problems += checkCap(total, limits.maxAppResources.stratus, field: "total")
    if spec.components.contains(where: { $0.tiered != nil }) {
      for tier in Tier.allCases {
        let onTier = spec.components.reduce(AppResources.zero) { $0 + $1.resources(on: tier) }
        problems += checkCap(onTier, limits.maxAppResources[tier], field: "\(tier)")
      }
    }
    return problems
  }

  /// CPU, RAM and disk that apps may use on a node of `tier` with the tier's nominal
  /// resources: `nodeResources − lockedResources`, the disk being
  /// `⌊HDD × 95/100⌋ − 60 − 20` GB (209 − 80 = 129 on a Cumulus).
  ///
  /// FluxOS compares the unrounded `SSD × 0.95 − 80` with the sum of the apps' whole-GB
  /// disks, so flooring it loses nothing: a whole number fits under a bound exactly when
  /// it fits under the bound's floor. A node whose benchmarked SSD exceeds the tier's
  /// nominal HDD has more disk than this.
  public func appCapacity(of tier: Tier) -> AppResources {
    let limits = appPricing
    let node = limits.nodeResources[tier]
    let usableDisk = Int64(node.hddGB) * limits.usableDiskShare.numerator / limits.usableDiskShare.denominator
    return AppResources(
      cpuTenths: node.cpuTenths - limits.lockedResources.cpuTenths,
      ramMB: node.ramMB - limits.lockedResources.ramMB,
      hddGB: Int(usableDisk) - limits.lockedResources.hddGB - limits.lockedExtraHddGB)
  }

  private func checkGranularity(_ resources: AppResources, field: String) -> [AppSpecProblem] {
    let minimum = appPricing.minComponentResources
    return check("\(field).cpuTenths", resources.cpuTenths, min: minimum.cpuTenths)
      + check("\(field).ramMB", resources.ramMB, min: minimum.ramMB)
      + check("\(field).ramMB", resources.ramMB, multipleOf: appPricing.ramStepMB)
      + check("\(field).hddGB", resources.hddGB, min: minimum.hddGB)
  }

  private func checkCap(_ resources: AppResources, _ cap: AppResources, field: String) -> [AppSpecProblem] {
    check("\(field).cpuTenths", resources.cpuTenths, max: cap.cpuTenths)
      + check("\(field).ramMB", resources.ramMB, max: cap.ramMB)
      + check("\(field).hddGB", resources.hddGB, max: cap.hddGB)
  }

  private func check(_ field: String, _ value: Int, min: Int) -> [AppSpecProblem] {
    value < min ? [.tooSmall(field: field, minimum: min, found: value)] : []
  }

  private func check(_ field: String, _ value: Int, max: Int) -> [AppSpecProblem] {
    value > max ? [.tooLarge(field: field, maximum: max, found: value)] : []
  }

  private func check(_ field: String, _ value: Int, multipleOf step: Int) -> [AppSpecProblem] {
    value % step != 0 ? [.notMultiple(field: field, step: step, found: value)] : []
  }
}

/// A FluxOS limit that an app spec breaks (flux-rules.md §7.3).
///
/// `field` names the spec value as `instances`, `expire`, `components[1].ramMB`,
/// `components[0].tiered.nimbus.cpuTenths`, `total.hddGB` (the sum over components) or
/// `cumulus.ramMB` (the sum a node of that tier runs); the suffix gives the unit.
public enum AppSpecProblem: Sendable, Equatable, CustomStringConvertible {
  /// `found` is below the `minimum`.
  case tooSmall(field: String, minimum: Int, found: Int)
  /// `found` is above the `maximum`.
  case tooLarge(field: String, maximum: Int, found: Int)
  /// `found` is not a multiple of `step`.
  case notMultiple(field: String, step: Int, found: Int)
  /// The version is known but accepted only from height `from`.
  case versionNotYetSupported(version: Int, from: Int, height: Int)
  /// No FluxOS spec has this version.
  case unknownVersion(Int)

  /// E.g. `"instances: 2 is below the minimum 3"`.
  public var description: String {
    switch self {
    case .tooSmall(let field, let minimum, let found): "\(field): \(found) is below the minimum \(minimum)"
    case .tooLarge(let field, let maximum, let found): "\(field): \(found) is above the maximum \(maximum)"
    case .notMultiple(let field, let step, let found): "\(field): \(found) is not a multiple of \(step)"
    case .versionNotYetSupported(let version, let from, let height):
      "version: \(version) is accepted from height \(from), not at \(height)"
    case .unknownVersion(let version): "version: \(version) is not a FluxOS spec version"
    }
  }
}
