import FluxCore
import Testing

@testable import FluxSim

/// The engine's conversions of drawn values are total: a draw that does not fit becomes
/// "never" (or is clamped), and a job configured with far-tail distributions, a decaying
/// hashrate or a fund of two billion payments completes instead of trapping.
@Suite struct CheckedConversionTests {
  @Test func timesThatDoNotFitAreNever() {
    let now: Int64 = 1_788_399_120
    #expect(Checked.time(after: 59.6, from: now) == now + 60)
    #expect(Checked.time(after: 0, from: now) == now + 1)
    #expect(Checked.time(after: -1e300, from: now) == now + 1)
    #expect(Checked.time(after: 1e300, from: now) == Checked.never)
    #expect(Checked.time(after: .infinity, from: now) == Checked.never)
    #expect(Checked.time(after: .nan, from: now) == Checked.never)
    // The last representable delay before `never` still fits; one past it is `never`.
    let room = Double(Checked.never - now)
    #expect(Checked.time(after: room - 1024, from: now) < Checked.never)
    #expect(Checked.time(after: room, from: now) == Checked.never)
    #expect(Checked.time(after: 5, from: Checked.never) == Checked.never)
  }

  @Test func countsAreClampedIntoTheirRange() {
    #expect(Checked.count(7.9, in: 1...10) == 7)
    #expect(Checked.count(1e300, in: 1...10) == 10)
    #expect(Checked.count(-1e300, in: 1...10) == 1)
    #expect(Checked.count(.nan, in: 1...10) == 1)
    #expect(Checked.count(.infinity, in: 0...Int.max) == Int.max)
  }

  @Test func poissonMeansOutsideGSLsRangeDrawNothingOrAtMostTheCap() {
    let stream = RandomStream(seed: 3)
    #expect(stream.poisson(mean: .nan) == 0)
    #expect(stream.poisson(mean: -5) == 0)
    let capped = stream.poisson(mean: .infinity)
    // Poisson(10^9) lies within ±6 standard deviations (6 × 31,623) of its mean.
    #expect(abs(Double(capped) - RandomStream.maxPoissonMean) < 6 * RandomStream.maxPoissonMean.squareRoot())
  }

  @Test func farTailUptimeDrawsNeverTrapAJob() {
    // Median e^8.19 ≈ an hour, σ = 50: half the draws are below a second, most of the
    // rest far past Int64's range.
    var config = Fixtures.steadyPoN()
    config.fleet.uptime = UptimeModel(
      online: .lognormal(mu: 8.19, sigma: 50), offline: .lognormal(mu: 8.19, sigma: 50))
    config.horizon = .height(TipState.measured2026.height + 500)
    let result = runJob(config)
    #expect(result.final.height == TipState.measured2026.height + 500)
  }

  @Test func hugeConfirmAndMintDelaysAreNeverAndTheSlotsEnd() {
    // Joining nodes START and never confirm within the window (the DoS list takes them):
    // only the 31 nodes confirmed at the tip remain; the mint delay is clamped into the slot.
    var config = Fixtures.steadyPoN()
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 0, nimbus: 0, stratus: 0),
      joinsPerMonth: TierValues(cumulus: 30, nimbus: 30, stratus: 30))
    config.fleet.confirmDelayBlocks = .constant(1e300)
    config.proofOfNode = ProofOfNodeConfig(mintDelay: .constant(1e300))
    config.horizon = .height(TipState.measured2026.height + 600)
    let result = runJob(config)
    let confirmed = Tier.allCases.reduce(0) { $0 + result.final.nodes[$1].confirmed }
    #expect(confirmed == 31)
    #expect(result.final.height == TipState.measured2026.height + 600)
  }

  @Test func aHashrateThatDecaysToNothingEndsTheJobAtItsTimeHorizon() {
    // Halving every second: the hashrate underflows to 0 long before the next block.
    var config = Fixtures.pow(
      height: 1_000_000, hashrate: .exponential(initial: 1e6, growthPerYear: -0.999_999_999), initialHashrate: 1e6)
    config.horizon = .seconds(30 * 86_400)
    let result = runJob(config)
    #expect(result.final.height < 1_000_000 + 30 * 720)
    #expect(result.final.time <= result.series[0].time + 30 * 86_400)
  }

  @Test func aFundPayingEveryBlockIsPaidOneHeightAtATime() throws {
    // The most payments a rules file allows (10,000), one a block from the tip's next on:
    // the engine finds each next payment height as it goes rather than listing them all.
    let tip = TipState.measured2026.height
    let fund: RuleValue = .map([
      RuleField(key: "name", value: .scalar("f")), RuleField(key: "amount", value: .scalar("1")),
      RuleField(key: "height", value: .scalar("\(tip + 1)")), RuleField(key: "count", value: .scalar("10000")),
      RuleField(key: "interval", value: .scalar("1")), RuleField(key: "address", value: .scalar("t1abc")),
    ])
    var config = Fixtures.steadyPoN()
    config.rules = try RuleSet(base: .mainnet, overrides: .map([RuleField(key: "funds", value: .list([fund]))]))
    config.horizon = .height(tip + 100)
    let result = runJob(config)
    // Mainnet pays no fund after the tip: the run adds its subsidies and 100 FLUX of fund.
    let mainnet = SupplySchedule(params: .mainnet, mode: .observed)
    let subsidies = mainnet.cumulativeSupply(through: tip + 100) - mainnet.cumulativeSupply(through: tip)
    #expect(result.final.supply - result.series[0].supply == subsidies + Amount(flux: 100))
  }

  @Test func theLastTimeIsTheLastPrintableDate() {
    #expect(UTCTime.iso8601(JobConfig.lastTime) == "9999-12-31T23:59:59Z")
  }
}
