import Testing

@testable import FluxScenario

/// Each mistake a scenario author can make gets one specific message: file, line, column,
/// key path, what was expected and what was found. The cases are whole files; `base` is a
/// valid scenario the broken lines are appended to or replace.
@Suite struct BrokenScenarioTests {
  static let base = "name: broken\nhorizon: 1y\n"

  static let cases: [(String, String)] = [
    // Syntax and structure.
    ("name: [unclosed\n", "s.yaml:2:1: error: YAML syntax error: did not find expected ',' or ']'"),
    ("", "s.yaml:1:1: error: the file is empty"),
    ("- a\n- b\n", "s.yaml:1:1: error: expected a mapping (a scenario)"),
    ("horizon: 1y\n", "s.yaml:1:1: error: missing required key 'name'"),
    ("name: x\n", "s.yaml:1:1: error: missing required key 'horizon'"),
    (base + "horizn: 2y\n", "s.yaml:3:1: error: horizn: unknown key; did you mean 'horizon'?"),
    (base + "replicatons: 4\n", "s.yaml:3:1: error: replicatons: unknown key; did you mean 'replications'?"),
    (base + "fleet: { nodez: 3 }\n", "s.yaml:3:10: error: fleet.nodez: unknown key; did you mean 'nodes'?"),
    // Names, numbers and units.
    (
      "name: My Scenario\nhorizon: 1y\n",
      "s.yaml:1:1: error: name: expected lower-case letters, digits and dashes (it names the output folder), found \"My Scenario\""
    ),
    (
      "name: x\nhorizon: 20\n",
      "s.yaml:2:1: error: horizon: expected a duration with a unit (s, min, h, d, w, mo or y), e.g. 30s, 6h or 20y, found \"20\""
    ),
    (
      "name: x\nhorizon: 20 years\n",
      "s.yaml:2:1: error: horizon: expected a duration with a unit (s, min, h, d, w, mo or y), e.g. 30s, 6h or 20y, found \"20 years\""
    ),
    (
      "name: x\nhorizon: { height: 100 }\n",
      "s.yaml:2:12: error: horizon.height: must be above the start height 2917115, found 100"
    ),
    (base + "replications: 0\n", "s.yaml:3:1: error: replications: must be 1 … 100000, found 0"),
    (base + "replications: many\n", "s.yaml:3:1: error: replications: expected a whole number, found \"many\""),
    (base + "seed: -4\n", "s.yaml:3:1: error: seed: must be ≥ 0"),
    (base + "sample: 0s\n", "s.yaml:3:1: error: sample: must be 1s … 1000y, found 0s"),
    (base + "sample: { blocks: 0 }\n", "s.yaml:3:11: error: sample.blocks: must be 1 … 2,147,483,647, found 0"),
    (
      "name: x\nhorizon: 20y\nsample: 1s\n",
      "s.yaml:3:1: error: sample: about 21,037,968 sampled rows: sample less often or shorten the horizon (at most 5,000,000 a job)"
    ),
    // Fleet.
    (
      base + "fleet: { nodes: { cumulus: -1, nimbus: 1, stratus: 1 } }\n",
      "s.yaml:3:19: error: fleet.nodes.cumulus: must be 0 … 5,000,000, found -1"
    ),
    (
      base + "fleet: { nodes: { cumulus: 1, nimbus: 1 } }\n",
      "s.yaml:3:10: error: fleet.nodes: missing required key 'stratus'"
    ),
    (
      base + "fleet: { nodes: { cumulus: 0, nimbus: 0, stratus: 0 }, churn: none }\n",
      "s.yaml:3:10: error: fleet.nodes: Proof of Node (from height 2020000) needs at least one node; found 0 and no joins"
    ),
    (
      base + "fleet: { nodes: { cumulus: 3000000, nimbus: 3000000, stratus: 0 } }\n",
      "s.yaml:3:10: error: fleet.nodes: 6,000,000 nodes; at most 5,000,000 fit in memory"
    ),
    (
      base + "fleet: { churn: { exits: 3% } }\n",
      "s.yaml:3:19: error: fleet.churn.exits: expected a rate such as 0.03/month (per day, week, month or year), found \"3%\""
    ),
    (
      base + "fleet: { churn: { exits: -0.1/month } }\n",
      "s.yaml:3:19: error: fleet.churn.exits: must be 0 … 1000/month, found -0.1/month"
    ),
    (
      base + "fleet: { uptime: sometimes }\n",
      "s.yaml:3:10: error: fleet.uptime: expected a mapping or always / none, found \"sometimes\""
    ),
    (
      base
        + "fleet: { uptime: { online: { weibul: { shape: 1, scale: 1d } }, offline: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:30: error: fleet.uptime.online.weibul: unknown key; did you mean 'weibull'?"
    ),
    (
      base + "fleet: { uptime: { online: { weibull: { shape: 1 } }, offline: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:30: error: fleet.uptime.online.weibull: missing 'scale'; weibull takes shape and scale"
    ),
    (
      base + "fleet: { uptime: { online: { exponential: { mean: 0d } }, offline: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:45: error: fleet.uptime.online.exponential.mean: must be > 0, found 0"
    ),
    (
      base + "fleet: { uptime: { online: { exponential: { mean: 2d } } } }\n",
      "s.yaml:3:10: error: fleet.uptime: missing required key 'offline'"
    ),
    (
      base + "fleet: { collateral_migration: 150% }\n",
      "s.yaml:3:10: error: fleet.collateral_migration: must be 0% … 100%, found 150%"
    ),
    (
      base + "fleet: { confirm_delay: { exponential: { mean: 2h } } }\n",
      "s.yaml:3:42: error: fleet.confirm_delay.exponential.mean: expected a number of blocks, found \"2h\""
    ),
    // Rules.
    (
      base + "rules: { base: mainet }\n",
      "s.yaml:3:10: error: rules.base: expected mainnet, testnet or regtest, found \"mainet\""
    ),
    (
      base + "rules: { overrides: { subsidy: { pon_reduction_percent: 150 } } }\n",
      "s.yaml:3:34: error: rules.overrides.subsidy.pon_reduction_percent: expected a percentage from 0 to 100, found \"150\""
    ),
    (
      base + "rules: { overrides: { subsidy: { halvng_interval: 5 } } }\n",
      "s.yaml:3:34: error: rules.overrides.subsidy.halvng_interval: unknown rule key; did you mean 'subsidy.halving_interval'?"
    ),
    // Mining and start.
    (
      "name: x\nhorizon: 1y\nstart: { height: 1500000, time: 2022-06-01 }\n",
      "s.yaml:3:1: error: start: the run starts before Proof of Node, so blocks are mined: `mining:` (pools and hashrate) is required"
    ),
    (
      "name: x\nhorizon: 1y\nstart: { height: 1500000, time: 2022-06-01 }\nmining: { pools: [{ name: a, share: 60% }, { name: b, share: 30% }], hashrate: 1M/s }\n",
      "s.yaml:4:11: error: mining.pools: the shares sum to 90%, expected 100%"
    ),
    (
      "name: x\nhorizon: 1y\nstart: { height: 1500000, time: 2022-06-01 }\nmining: { hashrate: 1M }\n",
      "s.yaml:4:11: error: mining.hashrate: expected a hashrate in solutions per second such as 2.5M/s or 800k/s, found \"1M\""
    ),
    (
      "name: x\nhorizon: 1y\nstart: { height: 1500000, time: 2022-06-31 }\nmining: { hashrate: 1M/s }\n",
      "s.yaml:3:27: error: start.time: expected a UTC date such as 2026-09-03 or 2026-09-03T01:32:00Z, found \"2022-06-31\""
    ),
    (
      base + "start: yesterday\n",
      "s.yaml:3:1: error: start: expected tip, genesis or a mapping {height, time, difficulty}, found \"yesterday\""
    ),
    // Sweeps and expectations.
    (
      base + "sweep: { fleet.churn.exit: [0.01/month] }\n",
      "s.yaml:3:10: error: sweep.fleet.churn.exit: no such field in this scenario to sweep"
    ),
    (
      base + "fleet: { churn: { exits: 0.01/month } }\nsweep: { fleet.churn.exits: [0.01/month, lots] }\n",
      "s.yaml:3:19: error: fleet.churn.exits: expected a rate such as 0.03/month (per day, week, month or year), found \"lots\" (sweep point fleet.churn.exits=lots)"
    ),
    (base + "sweep: { replications: [] }\n", "s.yaml:3:10: error: sweep.replications: expected at least one value"),
    (
      base + "expect: [{ at: { height: 5 }, supplly: { equals: 1 } }]\n",
      "s.yaml:3:31: error: expect[0].supplly: unknown key; did you mean 'supply'?"
    ),
    (
      base + "expect: [{ invariant: money_is_conserved }]\n",
      "s.yaml:3:12: error: expect[0].invariant: unknown invariant \"money_is_conserved\"; expected amounts_sum_to_subsidy or supply_matches_rules"
    ),
    (
      base + "expect: [{ milestone: x, p50: { between: [2030-01-01] } }]\n",
      "s.yaml:3:33: error: expect[0].p50.between: expected two values [low, high], found 1"
    ),
    (
      base + "milestones: { supply: [-5] }\n",
      "s.yaml:3:24: error: milestones.supply[0]: must be > 0, found -5.00000000"
    ),
    // Apps and economics.
    (
      base + "apps: { arrivals: 5/day, catalog: [] }\n",
      "s.yaml:3:26: error: apps.catalog: unknown key; did you mean 'catalogue'?"
    ),
    (
      base + "apps: { arrivals: 5, spec: {} }\n",
      "s.yaml:3:9: error: apps.arrivals: expected a rate of apps such as 50/day (per day, week, month or year), found \"5\""
    ),
    (
      base + "apps: { arrivals: 5/day }\n",
      "s.yaml:3:1: error: apps: missing 'catalogue' (a list of app kinds) or 'spec' (distributions per field)"
    ),
    (
      base + "apps: { arrivals: 5/day, catalogue: [], spec: {} }\n",
      "s.yaml:3:1: error: apps: give either catalogue (a list of app kinds) or spec (distributions per field), not both"
    ),
    (
      base + "apps: { arrivals: 5/day, catalogue: [] }\n",
      "s.yaml:3:26: error: apps.catalogue: expected at least one app kind"
    ),
    (
      base
        + "apps:\n  arrivals: 5/day\n  catalogue:\n    - { name: a, components: [{ cpu: 1, ram: 1050MB, hdd: 1GB }], renewal: 50% }\n",
      "s.yaml:6:41: error: apps.catalogue[0].components[0].ram: must be a multiple of 100MB, found 1050MB"
    ),
    (
      base
        + "apps:\n  arrivals: 5/day\n  catalogue:\n    - { name: a, components: [{ cpu: 0.25, ram: 1.05GB, hdd: 1.5GB }], renewal: 50% }\n",
      "s.yaml:6:33: error: apps.catalogue[0].components[0].cpu: must be a multiple of 0.1 core, found 0.25" + "\n"
        + "s.yaml:6:44: error: apps.catalogue[0].components[0].ram: must be a multiple of 100MB, found 1.05GB" + "\n"
        + "s.yaml:6:57: error: apps.catalogue[0].components[0].hdd: must be a whole number of GB, found 1.5GB"
    ),
    (
      base
        + "apps:\n  arrivals: 5/day\n  catalogue:\n    - { name: a, components: [{ cpu: 1, ram: 1GB, hdd: 1GB }], instances: 101, renewal: 50% }\n",
      "s.yaml:6:64: error: apps.catalogue[0].instances: must be ≤ 100 (FluxOS maximum), found 101"
    ),
    (
      base
        + "apps:\n  arrivals: 5/day\n  catalogue:\n    - { name: a, components: [{ cpu: 8, ram: 30GB, hdd: 500GB }, { cpu: 8, ram: 30GB, hdd: 400GB }], subscription: 100y, renewal: 120% }\n",
      "s.yaml:6:122: error: apps.catalogue[0].renewal: must be 0% … 100%, found 120%" + "\n"
        + "s.yaml:6:102: error: apps.catalogue[0].subscription: must be ≤ 1056000 blocks (FluxOS maximum), found 105189840 blocks"
        + "\n"
        + "s.yaml:6:18: error: apps.catalogue[0].components: the components' total cpu must be ≤ 15 (FluxOS maximum), found 16"
        + "\n"
        + "s.yaml:6:18: error: apps.catalogue[0].components: the components' total ram must be ≤ 59000MB (FluxOS maximum), found 60000MB"
        + "\n"
        + "s.yaml:6:18: error: apps.catalogue[0].components: the components' total hdd must be ≤ 820GB (FluxOS maximum), found 900GB"
    ),
    (
      base + "apps:\n  arrivals: 5/day\n  catalogue:\n    - { name: a, weight: 0, components: [], renewal: 50% }\n",
      "s.yaml:6:18: error: apps.catalogue[0].weight: must be > 0 and at most 1,000,000, found 0" + "\n"
        + "s.yaml:6:29: error: apps.catalogue[0].components: expected at least one component"
    ),
    (
      base
        + "apps: { arrivals: 5/day, spec: { cpu: { lognormal: { median: 1, sigma: 0.5 } }, ram: { constant: { value: 2000 } }, hdd: { constant: { value: 1GB } }, renewal: 50% } }\n",
      "s.yaml:3:100: error: apps.spec.ram.constant.value: expected a size with a unit (MB, GB or TB), e.g. 1000MB or 2GB, found \"2000\""
    ),
    (
      base
        + "apps: { arrivals: 5/day, spec: { cpu: { lognormal: { median: 0, sigma: 0.5 } }, ram: { constant: { value: 2GB } }, hdd: { constant: { value: 1GB } }, renewal: 50% } }\n",
      "s.yaml:3:54: error: apps.spec.cpu.lognormal.median: must be > 0, found 0"
    ),
    (
      base
        + "apps: { arrivals: 5/day, spec: { cpu: { constant: { value: 1 } }, ram: { constant: { value: 2GB } }, hdd: { constant: { value: 1GB } }, renewal: 50% }, usd_price_floor: true }\n",
      "s.yaml:3:153: error: apps.usd_price_floor: the USD floor needs a FLUX price: add economics.flux_usd"
    ),
    (
      "name: x\nhorizon: 1y\nstart: genesis\nmining: { hashrate: 1M/s }\napps: { arrivals: 5/day, spec: { cpu: { constant: { value: 1 } }, ram: { constant: { value: 2GB } }, hdd: { constant: { value: 1GB } }, renewal: 50% } }\n",
      "s.yaml:5:1: error: apps: the simulator registers version 8 app specs, which FluxOS accepts from height 1932380; this run starts at 0"
    ),
    (
      base + "apps: { arrivals: 5/day, catalogue: [], revenue_share: half }\n",
      "s.yaml:3:41: error: apps.revenue_share: expected none, whitepaper or a mapping {share, from_height, increase_per_year, max}, found \"half\""
    ),
    (
      base + "economics: { hosting: $8/month }\n",
      "s.yaml:3:1: error: economics: missing required key 'flux_usd'"
    ),
    (
      base + "economics: { flux_usd: 0.3, hosting: 8/month }\n",
      "s.yaml:3:29: error: economics.hosting: expected a cost in USD per period such as $8/month (per day, week, month or year), found \"8/month\""
    ),
    (
      base + "economics: { flux_usd: 0.3, roi_churn: { exits: 1/month } }\n",
      "s.yaml:3:29: error: economics.roi_churn: needs hosting costs to compute the nodes' profit: add economics.hosting"
    ),
    (
      base + "economics: { flux_usd: 0.3, opportunity_cost: 5% }\n",
      "s.yaml:3:29: error: economics.opportunity_cost: expected a percentage per year such as 5%/year, found \"5%\""
    ),
    (
      base + "economics: { flux_usd: { series: [{ date: 2027-01-01, usd: 0.3 }, { date: 2026-01-01, usd: 0 }] } }\n",
      "s.yaml:3:87: error: economics.flux_usd.series[1].usd: must be > 0, found 0" + "\n"
        + "s.yaml:3:69: error: economics.flux_usd.series[1].date: must be after the previous point's date (2027-01-01T00:00:00Z)"
    ),
    (
      base + "economics: { flux_usd: { gbm: { start: 0.3, volatility: -5%/year } } }\n",
      "s.yaml:3:45: error: economics.flux_usd.gbm.volatility: must be 0%/year … 200%/year, found -5%/year"
    ),
    (
      base + "economics: { flux_usd: { csv: data/none.csv } }\n",
      "s.yaml:3:26: error: economics.flux_usd.csv: cannot read the price series \"data/none.csv\": no such file"
    ),
  ]

  @Test func atLeastThirtyCases() { #expect(Self.cases.count >= 30) }

  @Test(arguments: Self.cases.map(TextCase.init))
  func brokenFileGetsItsMessage(_ broken: TextCase) {
    do {
      _ = try ScenarioLoader.load(file: "s.yaml", text: broken.text)
      Issue.record("accepted: \(broken.text)")
    } catch {
      #expect(error.description == broken.message)
    }
  }
}
