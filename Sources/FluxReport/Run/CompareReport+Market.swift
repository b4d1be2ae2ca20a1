import FluxCore
import FluxSim

extension CompareReport {
  /// A quantity compared at the end of the horizon: its row name, how it reads off the
  /// final sample (nil where the job lacks it) and how its p50 is written.
  private struct EndMeasure {
    let name: String
    let value: (SampleRow) -> Double?
    let format: (Double) -> String
  }

  /// The app market and operator economics at the end of the horizon (p50 across
  /// replications, and the difference to the first scenario), when every compared
  /// scenario recorded them: where ROI churn settles each tier, what a node earns there,
  /// and how much app revenue there was and how much reached nodes. Empty otherwise,
  /// as a table with holes would compare nothing.
  static func marketAtEnd(_ runs: [RunRecord]) -> String {
    let columns = aggregates(runs)
    let fields = columns.map(\.1.recordedFields)
    let apps = fields.allSatisfy(\.apps)
    let economics = fields.allSatisfy(\.economics)
    guard apps || economics else { return "" }
    let grouped: (Double) -> String = Format.grouped
    var measures = Tier.allCases.map { tier in
      EndMeasure(
        name: "\(RunReport.tierTitle(tier)) nodes", value: { Double($0.nodes[tier].confirmed) }, format: grouped)
    }
    if economics {
      measures.append(EndMeasure(name: "FLUX price, USD", value: \.fluxUSD, format: { Format.fixed($0, 4) }))
      measures += Tier.allCases.map { tier in
        EndMeasure(
          name: "\(RunReport.tierTitle(tier)) profit per node, USD/month", value: { $0.economics?[tier].profitUSD },
          format: { Format.fixed($0, 2) })
      }
    }
    if apps {
      measures.append(
        EndMeasure(
          name: "app revenue, FLUX", value: { $0.apps.map { Double($0.revenue.satoshi) / 1e8 } }, format: grouped))
      measures.append(
        EndMeasure(
          name: "app revenue to nodes, FLUX",
          value: { row in
            row.apps.map { apps in Tier.allCases.reduce(0) { $0 + Double(apps.toNodes[$1].satoshi) } / 1e8 }
          },
          format: grouped))
    }
    let header = ["at the end"] + withDeltas(columns.map(\.0), columns.map { "Δ \($0.0)" })
    let rows = measures.map { measure -> [String] in
      let medians = columns.map { column in column.1.spread { measure.value($0.final) }.p50 }
      return [measure.name] + withDeltas(medians.map(measure.format), medians.map { measure.format($0 - medians[0]) })
    }
    return
      "## App market and operator economics at the end (p50 across replications; difference to "
      + "\(MarkdownText.escape(runs[0].name)))\n\n"
      + Table(columns: header, rows: rows).markdown() + "\n"
  }
}
