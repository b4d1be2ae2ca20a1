import FluxCore
import FluxScenario
import FluxSim
import Testing

@testable import FluxReport

/// `years.csv` and the token indicators of `series.csv`, parsed back: the identities
/// between their columns, and a fixed fleet's calendar-year income derived from FluxCore.
@Suite struct YearsTableTests {
  /// The CSV `name` of `files` as a header and rows of cells keyed by column.
  static func table(_ files: [OutputFile], _ name: String) -> (header: [String], rows: [[String: String]]) {
    let cells = TableTests.parseCSV(files.first { $0.name == name }!.contents)
    return (cells[0], cells.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(cells[0], $0)) })
  }

  static func amount(_ text: String?) -> Amount { Amount(parsing: text ?? "") ?? Amount(satoshi: .min) }
  static func number(_ text: String?) -> Double { Double(text ?? "") ?? .nan }

  // MARK: A fixed fleet against FluxCore

  /// Blocks 20 minutes apart (about 26,000 a year) from 2029-12-20 for 400 days: the run
  /// covers the last days of 2029, all of 2030 and part of 2031. A fixed fleet (full
  /// uptime, no churn, no outages) of 7, 11 and 13 nodes from 10 blocks after PoN starts,
  /// a PoN reduction every 10,000 blocks (two in 2030), monthly samples, and a constant
  /// price with costs.
  static let fixedFleet = """
    name: fixed
    rules: { overrides: { pon_target_spacing: 1200s, subsidy: { pon_reduction_interval: 10000 } } }
    start: { height: 2020010, time: 2029-12-20, difficulty: 0.002 }
    horizon: 400d
    sample: 30d
    fleet: { nodes: { cumulus: 7, nimbus: 11, stratus: 13 }, uptime: always, churn: none }
    pon: { outages: none }
    economics: { flux_usd: 0.5, hosting: $10/month, opportunity_cost: 6%/year }
    """

  @Test func fixedFleetCalendarYearIncomeIsFluxCoresEmissionShare() throws {
    let files = try RunOutputTests.run(workers: 1, text: Self.fixedFleet, name: "fixed")
    let years = Self.table(files, "years.csv")
    #expect(years.rows.map { $0["year"] } == ["2029", "2030", "2031"])
    #expect(years.rows.map { $0["partial"] } == ["true", "false", "true"])
    let params = try ScenarioLoader.load(file: "fixed.yaml", text: Self.fixedFleet).points[0].scenario
      .jobConfig(jobIndex: 0).rules.params
    let schedule = SupplySchedule(params: params, mode: .observed)
    let nodes = TierValues(cumulus: 7, nimbus: 11, stratus: 13)
    let ponStart = try #require(params.upgrades.pon)
    // The first year counts from the block after the start (height 2,020,010), although
    // no sample falls in it after the start; the next years follow on.
    var previousLast = 2_020_010
    for row in years.rows {
      let first = try #require(Int(row["first_height"] ?? ""))
      let last = try #require(Int(row["last_height"] ?? ""))
      #expect(first == previousLast + 1)
      previousLast = last
      let year = try #require(Int(row["year"] ?? ""))
      let start = try #require(UTCTime.parse(row["start"] ?? ""))
      let end = try #require(UTCTime.parse(row["end"] ?? ""))
      #expect(start >= UTCTime.seconds(UTCTime.Components(year: year, month: 1, day: 1)))
      #expect(end < UTCTime.seconds(UTCTime.Components(year: year + 1, month: 1, day: 1)))
      // FluxCore's schedule at the year's boundary heights.
      let supplyStart = schedule.cumulativeSupply(through: first - 1)
      let supply = schedule.cumulativeSupply(through: last)
      let emission = supply - supplyStart
      #expect(Self.amount(row["supply_start"]) == supplyStart)
      #expect(Self.amount(row["supply"]) == supply)
      #expect(Self.amount(row["issuance"]) == emission)
      #expect(row["inflation"] == Format.fixed(Double(emission.satoshi) / Double(supplyStart.satoshi), 10))
      #expect(Self.amount(row["funds"]) == .zero)
      // Each tier's payments: FluxCore's split of each block, over the stretches of
      // constant subsidy between the boundaries and the reductions (every 10,000 blocks
      // from PoN's start); a fixed fleet shares them among all its nodes.
      let reductions = stride(from: ponStart, through: last, by: 10_000).filter { $0 > first }
      let bounds = [first] + reductions + [last + 1]
      var dev = Amount.zero
      var locked = Amount.zero
      for tier in Tier.allCases {
        var total = Amount.zero
        for (from, to) in zip(bounds, bounds.dropFirst()) {
          let reward = params.reward(at: from, mode: .observed)
          total += Amount(satoshi: reward.tiers[tier].satoshi * Int64(to - from))
          if tier == .cumulus { dev += Amount(satoshi: reward.devFund.satoshi * Int64(to - from)) }
        }
        // The subsidies here (14, 12.6 and 11.34 FLUX) split exactly: the total is the
        // emission × the tier's PoN weight (1, 3.5, 9) ÷ 14.
        #expect(Double(total.satoshi) == Double(emission.satoshi) * [1, 3.5, 9][tier.index] / 14)
        let perNode = Double(total.satoshi) / Double(nodes[tier])
        let collateral = params.collateral.v2[tier]
        locked += Amount(satoshi: collateral.satoshi * Int64(nodes[tier]))
        #expect(Self.amount(row["total_\(tier)"]) == total, "\(year) \(tier)")
        #expect(row["nodes_\(tier)"] == "\(nodes[tier]).000000" && row["nodes_end_\(tier)"] == "\(nodes[tier]).000000")
        for column in ["income_\(tier)", "income_\(tier)_p5", "income_\(tier)_p50", "income_\(tier)_p95"] {
          #expect(row[column] == Format.flux(satoshi: perNode), "\(year) \(column)")
        }
        #expect(Self.amount(row["collateral_\(tier)"]) == collateral)
        #expect(row["yield_\(tier)"] == Format.fixed(perNode / Double(collateral.satoshi), 10))
        // At 0.50 USD: hosting 10 USD a month (a twelfth of 365.2425 days) over the
        // year's covered seconds, the collateral's 6 % a year over the same span.
        let seconds = Double(row["partial"] == "false" ? 365 * 86_400 : 0)
        if seconds > 0 {
          let income = perNode / 1e8 * 0.5
          let hosting = 10 * seconds / (31_556_952 / 12)
          let collateralUSD = Double(collateral.satoshi) / 1e8 * 0.5
          let cost = hosting + collateralUSD * 0.06 * seconds / 31_556_952
          #expect(row["income_usd_\(tier)"] == Format.fixed(income, 2))
          #expect(row["cost_usd_\(tier)"] == Format.fixed(cost, 2))
          #expect(row["profit_usd_\(tier)"] == Format.fixed(income - cost, 2))
          #expect(row["roi_\(tier)"] == Format.fixed((income - hosting) / collateralUSD, 10))
        }
      }
      #expect(Self.amount(row["dev_fund"]) == dev)
      #expect(Self.amount(row["collateral_locked"]) == locked)
      #expect(Self.amount(row["supply_not_locked"]) == supply - locked)
      #expect(row["flux_usd"] == "0.500000")
    }
    // The report's income table reads the same years: 2029 (part), before any sample.
    let report = files.first { $0.name == "report.md" }!.contents
    let cumulus2029 = try #require(years.rows.first?["income_cumulus"])
    let shown = Format.fixed(Self.number(cumulus2029), 2)
    #expect(report.contains("| 2029 (part) | fixed | \(shown) / \(shown) / \(shown) |"))
  }

  // MARK: Identities under churn, uptime and replications

  /// Three replications of two sweep points across the turn of 2026, with uptime and churn.
  static let turnOfTheYear = """
    name: turn
    start: { height: 2917115, time: 2026-12-27, difficulty: 0.07 }
    horizon: 8d
    sample: 2d
    replications: 3
    fleet:
      nodes: { cumulus: 30, nimbus: 20, stratus: 20 }
      uptime: { online: { exponential: { mean: 2d } }, offline: { exponential: { mean: 6h } } }
      churn: { exits: 3/month, joins: 3/month }
    sweep: { fleet.churn.joins: [1/month, 6/month] }
    """

  @Test func yearsHoldTheirIdentities() throws {
    let files = try RunOutputTests.run(workers: 2, text: Self.turnOfTheYear, name: "turn")
    let years = Self.table(files, "years.csv")
    #expect(years.header.prefix(3) == ["point", "fleet.churn.joins", "year"])
    #expect(years.rows.map { $0["year"] } == ["2026", "2027", "2026", "2027"])
    #expect(years.rows.allSatisfy { $0["partial"] == "true" && $0["replications"] == "3" })
    for (index, row) in years.rows.enumerated() {
      let supply = Self.amount(row["supply"])
      // Means of three replications rounded to the satoshi: the difference of two such
      // means is within 1 satoshi of the mean of the differences.
      let issuance = Self.amount(row["issuance"])
      let growth = supply - Self.amount(row["supply_start"])
      #expect(abs(issuance.satoshi - growth.satoshi) <= 1, "\(row)")
      #expect(Self.amount(row["collateral_locked"]) + Self.amount(row["supply_not_locked"]) == supply)
      let inflation = Self.number(row["issuance"]) / Self.number(row["supply_start"])
      #expect(abs(Self.number(row["inflation"]) - inflation) < 1e-9)
      for tier in Tier.allCases.map(\.description) {
        // total = income per node × mean nodes, to the precision printed: income to 1e-8
        // FLUX and nodes to 1e-6 each contribute half a unit of their last digit.
        let income = Self.number(row["income_\(tier)"])
        let nodes = Self.number(row["nodes_\(tier)"])
        let tolerance = 0.5e-8 * nodes + 0.5e-6 * income + 0.5e-8
        #expect(abs(Self.number(row["total_\(tier)"]) - income * nodes) <= tolerance, "\(tier) \(row)")
        let p5 = Self.number(row["income_\(tier)_p5"])
        let p95 = Self.number(row["income_\(tier)_p95"])
        #expect(p5 <= Self.number(row["income_\(tier)_p50"]) && Self.number(row["income_\(tier)_p50"]) <= p95)
      }
      // The next year of the same point starts where this one ended, in every replication.
      if index % 2 == 0 { #expect(years.rows[index + 1]["supply_start"] == row["supply"]) }
    }
    #expect(years.rows[0]["end"]?.hasPrefix("2026-12-31T23:5") == true)
    #expect(years.rows[1]["start"]?.hasPrefix("2027-01-01T00:00:") == true)
  }

  @Test func seriesIndicatorsHoldTheirIdentities() throws {
    let files = try RunOutputTests.run(workers: 2, text: Self.turnOfTheYear, name: "turn")
    let series = Self.table(files, "series.csv").rows
    var previous: [String: String]?
    var checked = 0
    for row in series {
      let supply = Self.amount(row["supply"])
      #expect(Self.amount(row["collateral_locked"]) + Self.amount(row["supply_not_locked"]) == supply)
      defer { previous = row }
      guard let before = previous, before["job"] == row["job"] else {
        #expect(row["issuance"] == "" && row["inflation_annualised"] == "")
        continue
      }
      // Issuance from the engine's totals of subsidies and funds is the supply's growth.
      let issuance = Self.amount(row["issuance"])
      let supplyBefore = Self.amount(before["supply"])
      #expect(issuance == supply - supplyBefore)
      let seconds = Double(UTCTime.parse(row["time"]!)! - UTCTime.parse(before["time"]!)!)
      let annualised = Double(issuance.satoshi) / Double(supplyBefore.satoshi) * 31_556_952 / seconds
      #expect(abs(Self.number(row["inflation_annualised"]) - annualised) <= 0.5e-10)
      for tier in Tier.allCases.map(\.description) {
        let p50 = Self.number(row["since_paid_p50_\(tier)"])
        let p95 = Self.number(row["since_paid_p95_\(tier)"])
        #expect(0 <= p50 && p50 <= p95 && p95 <= Self.number(row["since_paid_max_\(tier)"]))
      }
      checked += 1
    }
    #expect(checked > 20)
  }

  @Test func rotationColumnsOfAFixedFleetAreAUniformRotation() throws {
    // Full uptime, no churn, from the tip: each tier of N nodes is paid in turn, so its
    // waits are 0 … N − 1 blocks; GSL's f-quantile of them is f × (N − 1), the longest N − 1.
    let text = """
      name: uniform
      horizon: 1d
      sample: 3h
      fleet: { nodes: { cumulus: 40, nimbus: 25, stratus: 31 }, uptime: always, churn: none }
      """
    let files = try RunOutputTests.run(workers: 1, text: text, name: "uniform")
    let series = Self.table(files, "series.csv").rows
    // The start and every 3 hours to the end: 9 rows.
    #expect(series.count == 9)
    for row in series {
      for (tier, n) in [("cumulus", 40.0), ("nimbus", 25), ("stratus", 31)] {
        #expect(row["since_paid_p50_\(tier)"] == Format.fixed(0.5 * (n - 1), 3))
        #expect(row["since_paid_p95_\(tier)"] == Format.fixed(0.95 * (n - 1), 3))
        #expect(row["since_paid_max_\(tier)"] == String(Int(n) - 1))
      }
    }
  }

  // MARK: Typed sweep columns

  @Test func sweepAxesAreTypedColumnsOfEveryTable() throws {
    let text = """
      name: typed
      rules: { supply_mode: observed }
      horizon: 1d
      sample: 12h
      fleet:
        nodes: { cumulus: 5, nimbus: 5, stratus: 5 }
        uptime: { online: { exponential: { mean: 2d } }, offline: { exponential: { mean: 4h } } }
        churn: { exits: 0.1/month, joins: 0.1/month }
      sweep:
        fleet.churn.exits: [0.1/month, 2.4/year]
        fleet.uptime.online.exponential.mean: [2d, 36h]
        rules.supply_mode: [observed, code]
      """
    let files = try RunOutputTests.run(workers: 2, text: text, name: "typed")
    let axes = ["fleet.churn.exits", "fleet.uptime.online.exponential.mean", "rules.supply_mode"]
    // Per month (a twelfth of 365.2425 days), in seconds, and the words as written.
    let month = 31_556_952.0 / 12
    let exits = ["0.1": 0.1, "2.4/year": 2.4 * month / 31_556_952]
    let means = ["2d": 2 * 86_400.0, "36h": 36 * 3_600.0]
    for name in ["series.csv", "summary.csv", "payouts.csv", "years.csv"] {
      let table = Self.table(files, name)
      let afterPoint = table.header.firstIndex(of: "point")! + 1
      #expect(Array(table.header[afterPoint..<afterPoint + 3]) == axes, "\(name)")
      #expect(table.rows.count >= 8)
      for row in table.rows {
        // The point's label names each value as written; each column holds it typed.
        let label = try #require(row["point"])
        let written = Dictionary(
          uniqueKeysWithValues: label.split(separator: ",").map {
            let pair = $0.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            return (String(pair[0]), String(pair[1]))
          })
        let exit = written["fleet.churn.exits"] == "0.1/month" ? exits["0.1"]! : exits["2.4/year"]!
        #expect(abs(Self.number(row["fleet.churn.exits"]) - exit) < 1e-15, "\(name) \(label)")
        #expect(Self.number(row[axes[1]]) == means[written[axes[1]] ?? ""], "\(name) \(label)")
        #expect(row["rules.supply_mode"] == written["rules.supply_mode"], "\(name) \(label)")
      }
    }
  }

  @Test func aSweptKeyThatIsAColumnIsNamedAsASweep() throws {
    let file = try ScenarioLoader.load(
      file: "s.yaml",
      text:
        "name: s\nhorizon: 1d\nseed: 1\nfleet: { start_delay: 1 }\nsweep: { seed: [1, 2], fleet.start_delay: [1, 3] }\n"
    )
    let cells = SweepCells(RunPlan(file: file), besides: ["job", "point", "replication", "seed"])
    #expect(cells.names == ["sweep.seed", "fleet.start_delay"])
    #expect(cells.textColumns == ["point"])
    #expect((0..<4).map(cells.cells) == [["1", "1"], ["1", "3"], ["2", "1"], ["2", "3"]])
  }

  // MARK: Exact means

  @Test func meansOfAmountsAreExactToTheSatoshi() {
    // (1 + 2) / 2 = 1.5 rounds away from zero; (−1 − 2) / 2 likewise; three amounts near
    // 2^62 (whose sum overflows Int64) average exactly.
    #expect(Amount.mean([Amount(satoshi: 1), Amount(satoshi: 2)]) == Amount(satoshi: 2))
    #expect(Amount.mean([Amount(satoshi: -1), Amount(satoshi: -2)]) == Amount(satoshi: -2))
    #expect(Amount.mean([1, 2, 2].map { Amount(satoshi: $0) }) == Amount(satoshi: 2))
    let big = Int64(1) << 62
    #expect(Amount.mean([big, big + 1, big + 5].map { Amount(satoshi: $0) }) == Amount(satoshi: big + 2))
    #expect(Amount.mean([]) == .zero)
  }
}
