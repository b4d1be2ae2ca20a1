import FluxCore
import FluxScenario
import FluxSim

extension RunReport {
  /// One line of a report's header: what it states, the scenario keys its value comes
  /// from (so that a value a sweep varies can say so), and the value as Markdown.
  struct Assumption: Equatable {
    var name: String
    var keys: [String]
    var text: String
  }

  /// Every assumption that shaped a run of `scenario` under `rules` (its first sweep
  /// point's), as written in the file: rules, start, horizon and sampling, the fleet,
  /// block production, milestones, the app market and the economics, each section named
  /// also when the scenario has none of it ("none"), so a reader never has to guess a
  /// default. User text (names, paths) is escaped; values with units keep their text.
  static func assumptions(_ scenario: Scenario, rules: RuleSet) -> [Assumption] {
    var rows = [
      Assumption(
        name: "rules", keys: ["rules.base", "rules.supply_mode"],
        text: RulesText.network(rules, mode: scenario.rules.supplyMode)),
      Assumption(name: "rule overrides", keys: ["rules.overrides"], text: RulesText.overrides(rules) ?? "none"),
      Assumption(
        name: "scheduled changes", keys: ["rules.changes"],
        text: rules.changes.isEmpty ? "none" : RulesText.activations(rules) + " (below)"),
      Assumption(name: "start", keys: ["start"], text: start(scenario.start)),
      Assumption(name: "horizon", keys: ["horizon"], text: horizon(scenario.horizon)),
      Assumption(name: "sampled", keys: ["sample"], text: sample(scenario.sample)),
    ]
    rows += fleet(scenario.fleet)
    rows.append(
      Assumption(
        name: "PoW mining", keys: ["mining"],
        text: scenario.mining.map { mining in
          let pools = mining.pools.map { "\(MarkdownText.escape($0.name)) \($0.share)" }.joined(separator: ", ")
          return "pools \(pools); network hashrate \(AssumptionText.path(mining.hashrate, AssumptionText.hashrate))"
        } ?? "none: the run's blocks are Proof-of-Node blocks"))
    let outages = scenario.pon.outages.map {
      "outages every \($0.every), lasting \(AssumptionText.distribution($0.duration, unit: AssumptionText.duration))"
    }
    rows.append(
      Assumption(
        name: "PoN block timing", keys: ["pon"],
        text: "mint delay \(AssumptionText.distribution(scenario.pon.mintDelay, unit: AssumptionText.duration)) "
          + "into the slot; \(outages ?? "no network outages")"))
    rows.append(
      Assumption(
        name: "supply milestones", keys: ["milestones"],
        text: scenario.supplyMilestones.isEmpty
          ? "none" : scenario.supplyMilestones.map { "\($0) FLUX" }.joined(separator: ", ")))
    return rows + apps(scenario.apps) + economics(scenario.economics)
  }

  private static func start(_ start: StartSpec) -> String {
    switch start {
    case .genesis: "genesis"
    case .tip(let tip):
      "height \(Format.grouped(Double(tip.height))) at \(Format.date(tip.time)), difficulty \(tip.difficulty)"
    }
  }

  private static func horizon(_ horizon: HorizonSpec) -> String {
    switch horizon {
    case .duration(let duration): duration.description
    case .height(let height): "height \(Format.grouped(Double(height)))"
    }
  }

  private static func sample(_ sample: SampleSpec) -> String {
    switch sample {
    case .every(let duration): "every \(duration)"
    case .blocks(let blocks): "every \(blocks) blocks"
    }
  }

  private static func fleet(_ fleet: FleetSpec) -> [Assumption] {
    let nodes = fleet.nodes
    let uptime = fleet.uptime.map {
      "online \(AssumptionText.distribution($0.online, unit: AssumptionText.duration)), "
        + "offline \(AssumptionText.distribution($0.offline, unit: AssumptionText.duration))"
    }
    return [
      Assumption(
        name: "nodes at start", keys: ["fleet.nodes"],
        text: "\(nodes.cumulus) Cumulus, \(nodes.nimbus) Nimbus, \(nodes.stratus) Stratus"),
      Assumption(name: "uptime", keys: ["fleet.uptime"], text: uptime ?? "always online"),
      Assumption(
        name: "churn", keys: ["fleet.churn"],
        text: fleet.churn.map { AssumptionText.churn($0, per: "per node") } ?? "none"),
      Assumption(
        name: "node lifecycle", keys: ["fleet.start_delay", "fleet.confirm_delay", "fleet.collateral_migration"],
        text: "START \(fleet.startDelay) block\(fleet.startDelay == 1 ? "" : "s") after a node is ready; confirmed "
          + "\(AssumptionText.distribution(fleet.confirmDelay)) blocks after START; \(fleet.collateralMigration) of "
          + "nodes move to the reduced collateral in their window"),
    ]
  }

  private static func apps(_ apps: AppsSpec?) -> [Assumption] {
    guard let apps else { return [Assumption(name: "apps", keys: ["apps"], text: "none")] }
    let specs: Assumption
    switch apps.specs {
    case .catalogue(let entries):
      specs = Assumption(name: "app kinds", keys: ["apps.catalogue"], text: AssumptionText.catalogue(entries))
    case .distributions(let distributions):
      specs = Assumption(name: "app specs", keys: ["apps.spec"], text: AssumptionText.appSpecs(distributions))
    }
    return [
      Assumption(
        name: "app arrivals", keys: ["apps.arrivals"], text: AssumptionText.path(apps.arrivals) + " (Poisson)"),
      specs,
      Assumption(
        name: "app prices", keys: ["apps.usd_price_floor"],
        text: apps.usdPriceFloor
          ? "the FluxOS table in FLUX, or the USD-pegged price when that is higher" : "the FluxOS table in FLUX"),
      Assumption(
        name: "app revenue share", keys: ["apps.revenue_share"],
        text: AssumptionText.revenueShare(apps.revenueShare)),
    ]
  }

  private static func economics(_ economics: EconomicsSpec?) -> [Assumption] {
    guard let economics else {
      return [Assumption(name: "economics", keys: ["economics"], text: "none: no FLUX price, costs or USD figures")]
    }
    return [
      Assumption(name: "FLUX price", keys: ["economics.flux_usd"], text: AssumptionText.price(economics.fluxUSD)),
      Assumption(
        name: "hosting", keys: ["economics.hosting"],
        text: economics.hosting.map { "per node: " + AssumptionText.perTier($0, \.description) } ?? "none ($0)"),
      Assumption(
        name: "opportunity cost", keys: ["economics.opportunity_cost"],
        text: "\(economics.opportunityCost) of the collateral's USD value"),
      Assumption(
        name: "ROI churn", keys: ["economics.roi_churn"],
        text: economics.roiChurn.map { AssumptionText.churn($0, per: "per node per unit of profit margin") }
          ?? "none"),
    ]
  }

  /// Whether a sweep axis (`fleet.churn.exits`) sets a value of one of `keys`: the key
  /// itself, a field inside it, or a section holding it.
  static func isSwept(_ keys: [String], by axes: [SweepAxis]) -> Bool {
    axes.contains { axis in
      keys.contains { key in
        axis.keyPath == key || axis.keyPath.hasPrefix(key + ".") || key.hasPrefix(axis.keyPath + ".")
      }
    }
  }

  /// The assumptions of `run` as its header states them: those of its scenario file, with
  /// the rules of its first sweep point, each marked when a sweep varies it.
  static func assumptions(_ run: RunRecord) -> [Assumption] {
    let scenario = run.plan.file.scenario
    return assumptions(scenario, rules: run.plan.config(0).rules).map { row in
      var row = row
      if isSwept(row.keys, by: scenario.sweep) { row.text += "; varied by the sweep" }
      return row
    }
  }

  /// The header's table rows: the assumptions, the jobs and each sweep point.
  static func describe(_ run: RunRecord) -> [[String]] {
    var rows = assumptions(run).map { [$0.name, $0.text] }
    rows.append([
      "jobs", "\(run.plan.pointCount) point(s) × \(run.plan.replications) replication(s), seed \(run.plan.seed)",
    ])
    for point in 0..<run.plan.pointCount where run.plan.pointCount > 1 {
      rows.append(["point \(point)", MarkdownText.escape(run.plan.label(ofPoint: point))])
    }
    return rows
  }

  /// The header under the title: the description, the table of assumptions and the
  /// scheduled changes in full.
  static func header(_ run: RunRecord) -> String {
    var text = ""
    if let description = run.plan.file.scenario.description { text += "\(MarkdownText.escape(description))\n\n" }
    text += Table(columns: ["", ""], rows: describe(run)).markdown() + "\n"
    let rules = run.plan.config(0).rules.params
    if !rules.changes.isEmpty { text += "Scheduled changes:\n\n" + RulesText.changeList(rules) + "\n" }
    return text
  }
}
