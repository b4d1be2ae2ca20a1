import Testing

@testable import FluxCore

@Suite struct ChainClockTests {
  let mainnet = ChainParams.mainnet

  @Test func utcCalendarKnownInstants() {
    #expect(UTCTime.iso8601(0) == "1970-01-01T00:00:00Z")
    #expect(UTCTime.iso8601(1_761_415_235) == "2025-10-25T18:00:35Z")
    #expect(UTCTime.iso8601(1_516_980_000) == "2018-01-26T15:20:00Z")
    #expect(UTCTime.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
    #expect(UTCTime.iso8601(-1) == "1969-12-31T23:59:59Z")
    #expect(UTCTime.parse("2025-10-25T18:00:35Z") == 1_761_415_235)
    #expect(UTCTime.parse("2026-09-03") == 1_788_393_600)
    #expect(UTCTime.parse("2023-02-29") == nil)
    #expect(UTCTime.parse("2025-10-25T24:00:00Z") == nil)
    #expect(UTCTime.parse("2025-10-25T18:00:35+01:00") == nil)
  }

  @Test func calendarRoundTripsEveryDayFor200Years() {
    var seconds = UTCTime.seconds(.init(year: 1950, month: 1, day: 1)) + 43_210
    for _ in 0..<(200 * 366) {
      #expect(UTCTime.seconds(UTCTime.components(seconds)) == seconds)
      seconds += 86_400
    }
  }

  @Test func projectionUsesEachErasSpacing() {
    #expect(mainnet.projectedTime(at: 2_020_000) == 1_761_415_235)
    #expect(mainnet.projectedTime(at: 2_020_001) == 1_761_415_235 + 30)
    #expect(mainnet.projectedTime(at: 2_019_999) == 1_761_415_235 - 30)
    #expect(mainnet.projectedTime(at: 2_019_998) == 1_761_415_235 - 30 - 120)
    // One PoN year of 1,051,200 blocks at 30 s is 365 days.
    #expect(mainnet.projectedTime(at: 3_071_200) - mainnet.projectedTime(at: 2_020_000) == 365 * 86_400)
  }

  @Test func projectedHeightInvertsProjectedTime() {
    var state: UInt64 = 17
    for _ in 0..<5_000 {
      let height = Int(splitMix64(&state) % 40_000_000)
      let time = mainnet.projectedTime(at: height)
      #expect(mainnet.projectedHeight(atOrBefore: time) == height)
      #expect(mainnet.projectedHeight(atOrBefore: time - 1) == height - 1)
    }
  }
}
