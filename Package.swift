// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "fluxsim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "fluxsim", targets: ["fluxsim"]),
    .library(name: "FluxCore", targets: ["FluxCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The chain's rules: pure, exact, no I/O and no dependencies.
    .target(name: "FluxCore", exclude: ["README.md"]),
    // GNU Scientific Library through pkg-config; install with `apt-get install libgsl-dev`.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    // The discrete-event engine and the network model; every rule decision through FluxCore.
    .target(name: "FluxSim", dependencies: ["FluxCore", "CGSL"], exclude: ["README.md"]),
    // Scenario and rules files (YAML) read, bounded and validated into FluxCore and
    // FluxSim values, with located diagnostics.
    .target(
      name: "FluxScenario",
      dependencies: ["FluxCore", "FluxSim", .product(name: "Yams", package: "Yams")],
      exclude: ["README.md"]
    ),
    // CSV, JSON, Markdown and SVG output of results; values in, text out.
    .target(name: "FluxReport", dependencies: ["FluxCore", "FluxSim", "FluxScenario"], exclude: ["README.md"]),
    // A run's working folder on disk: planning which jobs run (fresh, resume, shard),
    // storing and checking job files, finishing into the outputs. FluxReport stays I/O-free.
    .target(
      name: "FluxRun", dependencies: ["FluxCore", "FluxSim", "FluxScenario", "FluxReport"], exclude: ["README.md"]),
    // The command line: options, locks, messages, exit codes.
    .executableTarget(
      name: "fluxsim",
      dependencies: [
        "FluxCore", "FluxSim", "FluxScenario", "FluxReport", "FluxRun",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    .testTarget(name: "FluxCoreTests", dependencies: ["FluxCore"]),
    .testTarget(name: "CGSLTests", dependencies: ["CGSL"]),
    .testTarget(name: "FluxSimTests", dependencies: ["FluxSim", "FluxCore", "CGSL"]),
    .testTarget(name: "FluxScenarioTests", dependencies: ["FluxScenario", "FluxCore"]),
    .testTarget(name: "FluxReportTests", dependencies: ["FluxReport", "FluxCore", "FluxSim", "FluxScenario"]),
    .testTarget(
      name: "FluxRunTests", dependencies: ["FluxRun", "FluxReport", "FluxCore", "FluxSim", "FluxScenario"]),
    .testTarget(name: "fluxsimTests", dependencies: ["fluxsim", "FluxRun"]),
  ],
  swiftLanguageModes: [.v6]
)
