// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "flowgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flowgate", targets: ["flowgate"]),
        .library(name: "FlowLanguage", targets: ["FlowLanguage"]),
        .library(name: "FlowModel", targets: ["FlowModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Stage 1: source text -> syntax tree with spans; diagnostics; formatter.
        .target(name: "FlowLanguage"),
        // Stage 2: syntax trees -> resolved semantic model (schema, vocabularies, includes, names).
        .target(name: "FlowModel", dependencies: ["FlowLanguage"], resources: [.copy("Library/std")]),
        // Stage 3: graphs, identifiability per (dataset, holder), opt-out propagation.
        .target(name: "FlowAnalysis", dependencies: ["FlowModel", "FlowLanguage"]),
        // Stage 4: rules FG001–FG037 over the analysis, waivers, findings.
        .target(name: "FlowRules", dependencies: ["FlowAnalysis", "FlowModel", "FlowLanguage"]),
        // Outputs: diagnostics as text, JSON (later SARIF and annotations).
        .target(name: "FlowOutput", dependencies: ["FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        // Edge: file discovery and atomic writes.
        .target(name: "FlowIO", dependencies: ["FlowModel"]),
        // Graphviz C libraries and the safe wrapper around them.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "FlowGraphviz", dependencies: ["CGraphviz"]),
        // Diagrams: model -> DiagramSpec -> DOT / Mermaid text (pure; no I/O, no Graphviz).
        .target(name: "FlowRender", dependencies: ["FlowModel", "FlowLanguage"]),
        .executableTarget(
            name: "flowgate",
            dependencies: [
                "FlowLanguage", "FlowModel", "FlowIO", "FlowOutput", "FlowRender", "FlowGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FlowLanguageTests", dependencies: ["FlowLanguage"]),
        .testTarget(name: "FlowModelTests", dependencies: ["FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowAnalysisTests", dependencies: ["FlowAnalysis", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowRulesTests", dependencies: ["FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowGraphvizTests", dependencies: ["FlowGraphviz"]),
        .testTarget(name: "FlowRenderTests", dependencies: ["FlowRender", "FlowModel", "FlowGraphviz", "FlowIO"]),
        .testTarget(name: "FlowOutputTests", dependencies: ["FlowOutput", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowgateCLITests", dependencies: ["flowgate", "FlowIO"]),
    ],
    swiftLanguageModes: [.v6]
)
