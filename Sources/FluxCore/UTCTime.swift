/// Unix time ↔ UTC calendar, without Foundation, for projected block dates.
///
/// Uses the proleptic Gregorian calendar with Howard Hinnant's days-from-civil
/// algorithm; no time zones, no leap seconds (Unix time has none).
///
/// Dates are read with four-digit years (0001 … 9999) and printed for years 1 … 99,999:
/// a rules file may put the chain's highest height past year 9999 (mainnet without Proof
/// of Node reaches year 10,184 at 120 s a block), and its dates must still print, while no
/// file needs to write one. Times outside `earliest … latest` are never printed: every
/// projected clock is checked against them when its rules are read.
public enum UTCTime {
  /// The first instant printed: 0001-01-01T00:00:00Z.
  public static let earliest = seconds(Components(year: 1, month: 1, day: 1))
  /// The last instant printed: 99999-12-31T23:59:59Z.
  public static let latest = seconds(Components(year: 100_000, month: 1, day: 1)) - 1

  /// A calendar date and time of day in UTC.
  public struct Components: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
      self.year = year
      self.month = month
      self.day = day
      self.hour = hour
      self.minute = minute
      self.second = second
    }
  }

  /// Days since 1970-01-01 of a calendar date.
  public static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Unix seconds of a UTC calendar date and time.
  public static func seconds(_ c: Components) -> Int64 {
    days(year: c.year, month: c.month, day: c.day) * 86_400
      + Int64(c.hour * 3_600 + c.minute * 60 + c.second)
  }

  /// The UTC calendar date and time of Unix seconds.
  public static func components(_ seconds: Int64) -> Components {
    let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = Int(seconds - dayNumber * 86_400)
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
    let month = Int(mp < 10 ? mp + 3 : mp - 9)
    let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    return Components(
      year: year, month: month, day: day, hour: secondOfDay / 3_600, minute: secondOfDay / 60 % 60,
      second: secondOfDay % 60)
  }

  /// ISO 8601 in UTC with seconds, e.g. `2025-10-25T18:00:35Z`.
  public static func iso8601(_ seconds: Int64) -> String {
    let c = components(seconds)
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let year = String(c.year)
    let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
    return "\(paddedYear)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
  }

  /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DD HH:MM:SSZ` (UTC only);
  /// nil for anything else, including impossible dates such as February 30 and year 0000
  /// (there is no year 0; the first year printed is 1).
  public static func parse(_ text: String) -> Int64? {
    let chars = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= chars.count else { return nil }
      var value = 0
      for i in range {
        guard chars[i] >= 48, chars[i] <= 57 else { return nil }
        value = value * 10 + Int(chars[i] - 48)
      }
      return value
    }
    guard chars.count == 10 || chars.count == 20, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
      let year = number(0..<4), year >= 1, let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
    else { return nil }
    var c = Components(year: year, month: month, day: day)
    if chars.count == 20 {
      guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "), chars[13] == UInt8(ascii: ":"),
        chars[16] == UInt8(ascii: ":"), chars[19] == UInt8(ascii: "Z"),
        let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
        hour < 24, minute < 60, second < 60
      else { return nil }
      c.hour = hour
      c.minute = minute
      c.second = second
    }
    return seconds(c)
  }

  /// Number of days in a month of the Gregorian calendar.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
