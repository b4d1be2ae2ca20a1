import FluxCore

/// One seeded job: the event loop and the state every model shares.
///
/// Simulated time is whole seconds. Events (`Event`) are ordered by `(time, seq)`;
/// per-block actions (`HeightAction`) by `(height, phase, seq)` and run inside the block
/// they are due in. The models are values held here, most of them owning their state
/// and their events (`Fleet`, `AppMarket`, `Operators`, …; FluxSim's README lists
/// them); this is the one place that sees them all: it hands each its events and lets
/// the others react (`Simulation+Fleet`, `Simulation+Apps`, `Simulation+Blocks`). Every
/// rule decision goes through FluxCore; every random draw through a `RandomStream`
/// seeded from the job's seed alone (the fleet's, and the app market's and the price
/// path's of their own).
///
/// A struct, so that the hot loop's accesses are checked for exclusivity at compile time
/// rather than at run time. Not `Sendable` (its `RandomStream` is not): a simulation
/// lives and dies on the worker that runs its job.
struct Simulation {
  let config: JobConfig
  let params: ChainParams
  /// What the per-block code reads of the rules, for the era of the block after the tip
  /// (see `HotRules`; `Simulation+Blocks` switches it when a scheduled change activates).
  var hot: HotRules
  let stream: RandomStream
  var events = EventQueue<Event>()
  /// When the next block is due (nil while a PoN chain has no possible producer).
  var nextBlockTime: Int64?
  var actions = EventQueue<HeightAction>()
  var appPeriodEnds = EventQueue<AppPeriodEnd>()
  var chain: ChainState
  var fleet: Fleet
  var proofOfNode: ProofOfNode
  var mining: Mining
  var metrics: Metrics
  /// FluxOS apps on the nodes (idle without apps).
  var market: AppMarket
  /// FLUX/USD, for jobs with economics.
  var price: PriceModel?
  /// The operators' response to profitability (jobs with ROI churn).
  var operators: Operators?
  /// Tier totals at the last sample (jobs with economics).
  var sampleMark: SampleMark?
  /// The batched blocks connected and not paid yet, if any (`Simulation+BatchedBlocks`):
  /// kept across uptime flips, joins and exits, which change no payee list
  /// (`Event.leavesPaymentsAlone`), and paid before anything else `advance` does and when
  /// it returns, so that nothing outside it sees them unpaid.
  var unpaid: UnpaidBlocks?
  /// Height and simulated time the job started at.
  let startHeight: Int
  let startTime: Int64
  /// The last simulated second of the job: its horizon, and never past `JobConfig.lastTime`.
  let endTime: Int64

  init(config: JobConfig) {
    self.config = config
    self.params = config.rules.params
    self.stream = RandomStream(seed: config.seed)
    self.chain = ChainState(config: config)
    self.hot = HotRules(config.rules.params, at: chain.height + 1)
    self.fleet = Fleet(rules: FleetRules(config: config, stream: stream))
    let startTime = chain.time
    self.startHeight = chain.height
    self.startTime = startTime
    let lastTime = max(startTime, JobConfig.lastTime)
    self.endTime = config.horizon.seconds.map { $0 < lastTime - startTime ? startTime + $0 : lastTime } ?? lastTime
    self.proofOfNode = ProofOfNode(
      config: config.proofOfNode, seed: config.seed, blockByBlock: config.blockByBlock)
    self.mining = Mining(config: config.mining, startTime: startTime)
    self.metrics = Metrics(
      config: config, schedule: SupplySchedule(params: config.rules.params, mode: config.supplyMode),
      startTime: chain.time)
    // The market and the price draw from streams of their own (see `AppMarket`, `PriceModel`).
    var seeds = config.seed ^ 0x6170_7073_6D6B_7473
    let marketSeed = splitMix64(&seeds)
    let priceSeed = splitMix64(&seeds)
    let marketDraws = config.apps != nil || config.economics?.roiChurn != nil
    self.market = AppMarket(config: config.apps, params: params, seed: marketDraws ? marketSeed : nil)
    self.price = config.economics.map { PriceModel(path: $0.price, startTime: chain.time, seed: priceSeed) }
    self.operators = config.economics?.roiChurn.map(Operators.init)
    setUpFleet()
    setUpMarket()
    sample()
    metrics.begin(height: chain.height, time: chain.time)
    scheduleNextBlock()
    scheduleYearEnd()
  }

  /// Runs to the horizon and returns the results, calling `progress` (when given) after
  /// every `blocks` blocks (`progressBlocks` unless a test asks otherwise) and once at the end.
  ///
  /// Whatever the configuration, a job stops at `ChainParams.maxHeight` (the heights the
  /// engine stores in 32 bits) and at `JobConfig.lastTime` (the last time dates print).
  ///
  /// The next block has a slot of its own beside the queue (`nextBlockTime`): it is by
  /// far the most frequent event, and keeping it out of a heap of thousands of node
  /// events cut the run time by about a tenth (measured with perf). At equal times the
  /// block comes first, so the order stays a fixed function of the inputs.
  ///
  /// Progress costs the block loop nothing: the run advances in stretches of
  /// `blocks` blocks and reports between them. `advance` keeps no state of its
  /// own, so stopping after block h and going on is the same run as not stopping.
  mutating func run(progressEvery blocks: Int = progressBlocks, progress: ((JobProgress) -> Void)? = nil)
    -> JobResult
  {
    let endHeight = min(config.horizon.height ?? .max, ChainParams.maxHeight)
    var stop = chain.height
    repeat {
      stop = min(endHeight, stop + blocks)
      advance(toHeight: stop, orTime: endTime)
      progress?(progressMade(toward: endHeight))
    } while chain.height == stop && stop < endHeight
    if metrics.needsFinalSample(chain: chain) { sample() }
    // Stopped by height, the job knows nothing after its last block; by time, up to its end.
    let covered = chain.height >= endHeight ? chain.time : endTime
    if metrics.openYearCovered(until: covered) { recordYear(until: covered, reachedEnd: false) }
    return metrics.finish(chain: chain, fleet: fleet, mining: mining, proofOfNode: proofOfNode)
  }

  /// Blocks between two progress reports: at a few million blocks a second a report
  /// every few milliseconds, in a debug build a few a second.
  static let progressBlocks = 50_000

  /// How far the job is: its blocks, and the larger of the share of its heights and the
  /// share of its simulated time done (a job ends at whichever limit it meets first).
  func progressMade(toward endHeight: Int) -> JobProgress {
    var fraction = 0.0
    if endHeight > startHeight {
      fraction = Double(chain.height - startHeight) / Double(endHeight - startHeight)
    }
    if endTime > startTime {
      fraction = max(fraction, Double(chain.now - startTime) / Double(endTime - startTime))
    }
    return JobProgress(blocks: chain.height - startHeight, fraction: min(1, max(0, fraction)))
  }

  /// Handles events until block `endHeight` is connected or the next event lies after `endTime`.
  /// Batched blocks may stay unpaid across the uptime flips, joins and exits within it
  /// (`unpaid`), never past its return.
  mutating func advance(toHeight endHeight: Int, orTime endTime: Int64 = .max) {
    defer { payUnpaid() }
    while chain.height < endHeight {
      if let blockTime = nextBlockTime, blockTime <= events.peekKey ?? .max {
        guard blockTime <= endTime else { return }
        if !config.blockByBlock, connectBatch(toHeight: endHeight, orTime: endTime) {
          checkInvariants(after: "blocks up to \(chain.height)")
          continue
        }
        payUnpaid()
        chain.now = blockTime
        nextBlockTime = nil
        produceBlock()
        checkInvariants(after: "block \(chain.height)")
        continue
      }
      guard let time = events.peekKey, time <= endTime, let (_, event) = events.pop() else { return }
      chain.now = time
      // Uptime flips, joins and exits change no payee list and no ledger entry: the blocks
      // before them stay unpaid, to be paid with those after them in one pass.
      if !event.leavesPaymentsAlone { payUnpaid() }
      handle(event)
      checkInvariants(after: "event \(event)")
    }
  }

  /// Carries out `event`, due now. Inlined into `advance`, its one caller in a run (a
  /// call cost 0.5 % of the heavy-churn model's instructions).
  @inline(__always) mutating func handle(_ event: Event) {
    switch event {
    case .uptime(let node, let generation): flipUptime(Int(node), generation: generation)
    case .join(let tier): join(tier)
    case .exit(let tier): exit(tier)
    case .marketDay: marketDay()
    case .appArrival: appArrives()
    case .appRetry(let app, let generation): retryApp(app, generation: generation)
    case .roiJoin(let tier): addNode(tier)
    case .roiExit(let tier): removeRandomNode(tier)
    case .yearEnd: endYear()
    }
  }

  /// Schedules `event` `delay` seconds from now (at least 1 s, so time always advances;
  /// a delay too long to fit is past every horizon: `Checked.time`).
  @inline(__always) mutating func schedule(_ event: Event, after delay: Double) {
    events.schedule(event, at: Checked.time(after: delay, from: chain.now))
  }

  /// Runs the actions due in block `height` up to and including `phase` (most blocks have none).
  @inline(__always) mutating func runActions(height: Int, through phase: BlockPhase) {
    let last = phase.key(height)
    while let key = actions.peekKey, key <= last, let (_, action) = actions.pop() {
      handle(action, height: height)
    }
  }
}
