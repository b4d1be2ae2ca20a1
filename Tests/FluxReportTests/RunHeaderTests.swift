import FluxCore
import FluxScenario
import FluxSim
import Testing

@testable import FluxReport

/// The header of report.md states every assumption that shaped a run, as the scenario
/// file wrote it: each section also when the file leaves it out (and so takes the default
/// or has none), per-tier values once when every tier has the same, user text escaped.
///
/// The expected rows are read off the scenario texts below (and, for what a file leaves
/// out, off the defaults in Scenarios/README.md); no simulation runs, as the header reads
/// only the plan.
@Suite struct RunHeaderTests {
  /// A run of `text` whose results are never read.
  static func run(_ text: String, file: String = "s.yaml") throws -> RunRecord {
    RunRecord(plan: RunPlan(file: try ScenarioLoader.load(file: file, text: text)), source: NoResults(), command: "c")
  }

  struct NoResults: JobResultSource {
    func result(_ index: Int) -> JobResult { preconditionFailure("the header reads no result") }
  }

  /// Only a name and a horizon: every other line states a default.
  @Test func aScenarioOfDefaultsStatesThem() throws {
    let header = RunReport.header(try Self.run("name: plain\nhorizon: 1d\n"))
    #expect(
      header == """
        |  |  |
        | --- | --- |
        | rules | mainnet, observed supply mode |
        | rule overrides | none |
        | scheduled changes | none |
        | start | height 2,917,115 at 2026-09-03T01:32:00Z, difficulty 0.07 |
        | horizon | 1d |
        | sampled | every 1d |
        | nodes at start | 3247 Cumulus, 1615 Nimbus, 1627 Stratus |
        | uptime | online weibull (shape 0.8, scale 40d), offline lognormal (median 4h, sigma 1.5) |
        | churn | exits 0.03/month and joins 0.03/month per node, every tier |
        | node lifecycle | START 1 block after a node is ready; confirmed exponential (mean 3) blocks after START; \
        90% of nodes move to the reduced collateral in their window |
        | PoW mining | none: the run's blocks are Proof-of-Node blocks |
        | PoN block timing | mint delay uniform (low 1.5s, high 6.5s) into the slot; outages every 6mo, lasting \
        exponential (mean 8.8h) |
        | supply milestones | none |
        | apps | none |
        | economics | none: no FLUX price, costs or USD figures |
        | jobs | 1 point(s) × 1 replication(s), seed 1 |


        """)
  }

  static let everything = """
    name: everything
    description: "<script>alert(1)</script>\\n# not a heading | `tick` [link](http://e.example)"
    horizon: 2y
    sample: 7d
    replications: 2
    seed: 9
    rules:
      supply_mode: code
      overrides: { subsidy.pon_reduction_percent: 15 }
      changes:
        - { name: later-halving, at: { height: 4000000 }, overrides: { subsidy.pon_factor: 1/2 }, description: "a *b*" }
    start: { height: 2917115, time: 2026-09-03T01:32:00Z, difficulty: 0.5 }
    fleet:
      nodes: { cumulus: 10, nimbus: 20, stratus: 30 }
      uptime: { online: { exponential: { mean: 3d } }, offline: { gamma: { shape: 2, scale: 90min } } }
      churn: { exits: 0.03/month, joins: { cumulus: 0.01/week, nimbus: 0.6/year, stratus: 0/month } }
      start_delay: 2
      confirm_delay: { constant: { value: 4 } }
      collateral_migration: 50%
    pon: { mint_delay: { uniform: { low: 2s, high: 5s } }, outages: none }
    milestones: { supply: [450000000, 460000000.5] }
    apps:
      arrivals: { exponential: { initial: 30/day, growth_per_year: 150% } }
      catalogue:
        - { name: "web|<i>", weight: 6, components: [{ cpu: 0.5, ram: 1GB, hdd: 10GB }], renewal: 80% }
        - name: ai
          weight: 0.5
          components: [{ cpu: 12, ram: 48GB, hdd: 300GB }, { cpu: 1, ram: 500MB, hdd: 1GB }]
          instances: 1
          subscription: 30d
          renewal: 60%
      usd_price_floor: true
      revenue_share: { share: 30%, from_height: 3000000, increase_per_year: 5%, max: 60% }
    economics:
      flux_usd: { series: [{ date: 2026-09-03, usd: 0.30 }, { date: 2027-09-03, usd: 0.09 }] }
      hosting: { cumulus: $8/month, nimbus: $20/month, stratus: $45/month }
      opportunity_cost: 5%/year
      roi_churn: { exits: 0.3/month, joins: 0.1/month }
    """

  /// Every section given: each line says what the file says, in its units; the catalogue's
  /// hostile name and the description are escaped; the change is listed in full below,
  /// dated by the projected clock: 1,980,000 blocks of 30 s after block 2,020,000 at
  /// 2025-10-25T18:00:35Z is 687.5 days later, 2027-09-13T06:00:35Z.
  @Test func aScenarioOfEverythingStatesItAsWritten() throws {
    let header = RunReport.header(try Self.run(Self.everything))
    #expect(
      header == """
        &lt;script&gt;alert(1)&lt;/script&gt; # not a heading | \\`tick\\` \\[link](http://e.example)

        |  |  |
        | --- | --- |
        | rules | mainnet, code supply mode |
        | rule overrides | `subsidy.pon_reduction_percent`: `15` |
        | scheduled changes | later-halving at height 4000000 (below) |
        | start | height 2,917,115 at 2026-09-03T01:32:00Z, difficulty 0.5 |
        | horizon | 2y |
        | sampled | every 7d |
        | nodes at start | 10 Cumulus, 20 Nimbus, 30 Stratus |
        | uptime | online exponential (mean 3d), offline gamma (shape 2, scale 1.5h) |
        | churn | exits per node: 0.03/month, every tier; joins per node: Cumulus 0.01/week, Nimbus 0.6/year, \
        Stratus 0/month |
        | node lifecycle | START 2 blocks after a node is ready; confirmed constant (value 4) blocks after START; 50% \
        of nodes move to the reduced collateral in their window |
        | PoW mining | none: the run's blocks are Proof-of-Node blocks |
        | PoN block timing | mint delay uniform (low 2s, high 5s) into the slot; no network outages |
        | supply milestones | 450000000.00000000 FLUX, 460000000.50000000 FLUX |
        | app arrivals | 30/day growing 150% a year (Poisson) |
        | app kinds | web\\|&lt;i&gt; (weight 6): 1 × {0.5 cores, 1GB RAM, 10GB disk}, 3 instances, 88000 blocks a \
        period, renewal 80%; ai (weight 0.5): 2 × {12 cores, 48GB RAM, 300GB disk} + {1 core, 500MB RAM, 1GB \
        disk}, 1 instance, 30d (86400 blocks) a period, renewal 60% |
        | app prices | the FluxOS table in FLUX, or the USD-pegged price when that is higher |
        | app revenue share | 30% from height 3000000, +5% a year, at most 60% |
        | FLUX price | series of 2 points, 2026-09-03 0.3 USD to 2027-09-03 0.09 USD, linear between, flat outside |
        | hosting | per node: Cumulus $8/month, Nimbus $20/month, Stratus $45/month |
        | opportunity cost | 5%/year of the collateral's USD value |
        | ROI churn | exits 0.3/month and joins 0.1/month per node per unit of profit margin, every tier |
        | jobs | 1 point(s) × 2 replication(s), seed 9 |

        Scheduled changes:

        - `later-halving` from height 4000000 (2027-09-13T06:00:35Z): `subsidy.pon_factor`: `1/2` — a \\*b\\*


        """)
  }

  /// The other forms: PoW mining from genesis, app specs by distribution with the
  /// whitepaper's revenue share, a GBM price and one hosting cost for every tier.
  @Test func theOtherFormsOfEachAssumption() throws {
    let pow = try Self.run(
      """
      name: pow
      horizon: 30d
      start: genesis
      fleet: { uptime: always, churn: none }
      mining:
        pools: [{ name: "a|b", share: 60% }, { name: c, share: 40% }]
        hashrate: { piecewise: [{ from: 0s, hashrate: 1M/s }, { from: 10d, hashrate: 2.5M/s }] }
      """)
    let rows = Dictionary(uniqueKeysWithValues: RunReport.describe(pow).map { ($0[0], $0[1]) })
    #expect(rows["start"] == "genesis")
    #expect(rows["uptime"] == "always online")
    #expect(rows["churn"] == "none")
    #expect(rows["PoW mining"] == "pools a|b 60%, c 40%; network hashrate 1M/s from 0s, 2.5M/s from 10d")

    let market = try Self.run(
      """
      name: market
      horizon: 30d
      apps:
        arrivals: 50/day
        spec:
          cpu: { lognormal: { median: 1, sigma: 0.8 } }
          ram: { lognormal: { median: 2GB, sigma: 0.8 } }
          hdd: { uniform: { low: 500GB, high: 1500GB } }
          renewal: 70%
        revenue_share: whitepaper
      economics:
        flux_usd: { gbm: { start: 0.3, volatility: 80%/year } }
        hosting: $20/month
      """)
    let marketRows = Dictionary(uniqueKeysWithValues: RunReport.describe(market).map { ($0[0], $0[1]) })
    #expect(marketRows["app arrivals"] == "50/day (Poisson)")
    // Defaults of apps.spec: one container, 3 instances, 88000 blocks (Scenarios/README.md).
    #expect(
      marketRows["app specs"]
        == "containers constant (value 1); cores lognormal (median 1, sigma 0.8); RAM lognormal (median 2GB, "
        + "sigma 0.8); disk uniform (low 500GB, high 1.5TB); instances constant (value 3); blocks a period "
        + "constant (value 88000); renewal 70%")
    #expect(marketRows["app prices"] == "the FluxOS table in FLUX")
    // The whitepaper's plan (flux-rules.md §8): 20% from 3,466,630, +5 points a year, at most 50%.
    #expect(marketRows["app revenue share"] == "whitepaper: 20% from height 3466630, +5% a year, at most 50%")
    #expect(
      marketRows["FLUX price"]
        == "geometric Brownian motion from 0.3 USD, drift 0%/year, volatility 80%/year, stepped daily")
    #expect(marketRows["hosting"] == "per node: $20/month, every tier")
    #expect(marketRows["opportunity cost"] == "0%/year of the collateral's USD value")
    #expect(marketRows["ROI churn"] == "none")
  }

  /// A sweep marks the lines whose keys it sets, and only those.
  @Test func sweptAssumptionsSaySo() throws {
    let run = try Self.run(
      """
      name: swept
      horizon: 1d
      fleet: { churn: { exits: 0.01/month, joins: 0.01/month } }
      pon: { outages: { every: 6mo, duration: { exponential: { mean: 8h } } } }
      sweep: { fleet.churn.exits: [0.01/month, 0.05/month], pon.outages.every: [3mo, 6mo] }
      """)
    let marked = RunReport.describe(run).filter { $0[1].hasSuffix("; varied by the sweep") }.map { $0[0] }
    #expect(marked == ["churn", "PoN block timing"])
    #expect(RunReport.isSwept(["economics.hosting"], by: [SweepAxis(keyPath: "economics", values: [])]))
    #expect(!RunReport.isSwept(["fleet.churn"], by: [SweepAxis(keyPath: "fleet.churn_x", values: [])]))
  }

  /// Distribution parameters, held as numbers, in the largest unit that shows them exactly.
  @Test func valuesInScenarioUnits() {
    #expect(AssumptionText.duration(8.8 * 3_600) == "8.8h")
    #expect(AssumptionText.duration(40 * 86_400) == "40d")
    #expect(AssumptionText.duration(Double(JobConfig.secondsPerYear) / 2) == "6mo")
    #expect(AssumptionText.duration(14 * 86_400) == "2w")
    #expect(AssumptionText.duration(90) == "1.5min")
    #expect(AssumptionText.duration(1.5) == "1.5s")
    #expect(AssumptionText.duration(0.25) == "0.25s")
    #expect(AssumptionText.megabytes(2_000) == "2GB")
    #expect(AssumptionText.megabytes(500) == "500MB")
    #expect(AssumptionText.gigabytes(1_500) == "1.5TB")
    #expect(AssumptionText.number(0.30000000000000004) == "0.3")
  }

  /// A CSV price path's file name is user text: shown as a code span, whatever it holds.
  @Test func aPriceFileIsNamedAsCode() {
    let points = [PricePoint(time: 1_788_393_600, usd: 0.3), PricePoint(time: 1_819_929_600, usd: 0.09)]
    #expect(
      AssumptionText.price(.csv(path: "data/a`b|<i>.csv", points: points))
        == "CSV ``data/a`b|<i>.csv``: 2 points, 2026-09-03 0.3 USD to 2027-09-03 0.09 USD, linear between, "
        + "flat outside")
  }
}
