import Testing

@testable import FluxCore

@Suite struct EmissionTests {
  let schedule = SupplySchedule(params: .mainnet, mode: .observed)

  @Test func ruleChangeEventsOfMainnet() {
    let events = schedule.ruleChangeEvents(through: Int.max)
    let byLabel = Dictionary(uniqueKeysWithValues: events.map { ($0.label, $0.height) })
    #expect(byLabel["premine"] == 2)
    #expect(byLabel["halving 1"] == 657_850)
    #expect(byLabel["halving 2"] == 1_313_200)
    #expect(byLabel["halving 3 (frozen)"] == 1_968_550)
    #expect(byLabel["halving 4"] == nil)
    #expect(byLabel["PoN start"] == 2_020_000)
    #expect(byLabel["PoN reduction 1"] == 3_071_200)
    #expect(byLabel["PoN reduction 20"] == 23_044_000)
    #expect(byLabel["PoN reduction 21"] == nil)
    #expect(byLabel["swap_pool 10/10"] == 1_032_114)
    #expect(byLabel["node payments start"] == 560_000)
    #expect(byLabel["FLUX upgrade: node shares ×2.0"] == 835_554)
    #expect(
      SupplySchedule(params: .mainnet, mode: .code).ruleChangeEvents(through: 10).contains {
        $0.label == "premine" && $0.height == 1
      })
  }

  @Test func yearEndsAreTheLastBlockOfEachYear() {
    let events = schedule.yearEndEvents(through: 2060)
    #expect(events.first?.label == "end of 2018")
    #expect(events.last?.label == "end of 2060")
    for event in events {
      let year = Int(event.label.dropFirst(7))!
      #expect(UTCTime.components(ChainParams.mainnet.projectedTime(at: event.height)).year == year)
      #expect(UTCTime.components(ChainParams.mainnet.projectedTime(at: event.height + 1)).year == year + 1)
    }
  }

  @Test func rowsCarryTheBlockAndTheSupply() {
    let rows = schedule.emissionRows([
      EmissionEvent(height: 2_020_000, label: "PoN start"), EmissionEvent(height: 2_020_000, label: "x"),
      EmissionEvent(height: 5, label: ""),
    ])
    #expect(rows.map(\.height) == [5, 2_020_000])
    #expect(rows[1].event == "PoN start; x")
    #expect(rows[1].reward.devFund == Amount(satoshi: 50_000_000))
    #expect(rows[1].cumulativeSupply == schedule.cumulativeSupply(through: 2_020_000))
  }
}
