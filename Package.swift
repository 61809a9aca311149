// swift-tools-version:6.0
import PackageDescription

// The standard library's files, compiled into FlowModel: a copied resource bundle is looked up
// beside the executable or in the build folder, so an installed binary trapped without it.
let standardLibraryFiles = ["approvals.flow", "datasets.flow", "gateways.flow", "national.flow", "optouts.flow", "purposes.flow"]

let package = Package(
    name: "flowgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flowgate", targets: ["flowgate"]),
        .executable(name: "flowgate-gen", targets: ["flowgate-gen"]),
        .library(name: "FlowLanguage", targets: ["FlowLanguage"]),
        .library(name: "FlowModel", targets: ["FlowModel"]),
        .library(name: "FlowLSP", targets: ["FlowLSP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // flowgate.toml, the workspace file: models, their rule settings and the as-of date of committed outputs.
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // `report dpia --template`: an organisation's own DPIA template, filled from the annex's data.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // Stage 1: source text -> syntax tree with spans; diagnostics; formatter.
        .target(name: "FlowLanguage"),
        // Stage 2: syntax trees -> resolved semantic model (schema, vocabularies, includes, names).
        .target(name: "FlowModel", dependencies: ["FlowLanguage"], resources: standardLibraryFiles.map { .embedInCode("Library/std/\($0)") }),
        // Stage 3: graphs, identifiability per (dataset, holder), opt-out propagation.
        .target(name: "FlowAnalysis", dependencies: ["FlowModel", "FlowLanguage"]),
        // Stage 4: rules FG001–FG044 over the analysis, waivers, findings.
        .target(name: "FlowRules", dependencies: ["FlowAnalysis", "FlowModel", "FlowLanguage"]),
        // The workspace (flowgate.toml): which models a repository holds, their rule settings, and
        // the date committed outputs are rendered as of. Reads nothing itself: text in, values out.
        .target(name: "FlowWorkspace", dependencies: ["FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The language server (`flowgate lsp`): JSON-RPC over stdio, documents, one session per model, the editor
        // features over the pipeline; and the TextMate grammar of editors/vscode, made from the schema.
        .target(name: "FlowLSP", dependencies: ["FlowIO", "FlowWorkspace", "FlowOutput", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        // Outputs: diagnostics as text, JSON, SARIF and annotations.
        .target(name: "FlowOutput", dependencies: ["FlowWorkspace", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        // Edge: file discovery and atomic writes.
        .target(name: "FlowIO", dependencies: ["FlowModel"]),
        // Graphviz C libraries and the safe wrapper around them.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "FlowGraphviz", dependencies: ["CGraphviz"]),
        // Diagrams: model -> DiagramSpec -> DOT / Mermaid text; FlowGraphviz quotes DOT and measures layouts to fit A4.
        .target(name: "FlowRender", dependencies: ["FlowModel", "FlowLanguage", "FlowGraphviz"]),
        // Reports: DPIA annex, Article 30 records, privacy-notice table, expiries, lineage trace (pure).
        .target(name: "FlowReports", dependencies: [
            "FlowAnalysis", "FlowRules", "FlowModel", "FlowLanguage", "FlowOutput", "FlowRender",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(
            name: "flowgate",
            dependencies: [
                "FlowLanguage", "FlowModel", "FlowIO", "FlowWorkspace", "FlowOutput", "FlowRender", "FlowGraphviz", "FlowReports", "FlowDiff", "FlowLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A synthetic national-scale estate for benchmarks and scale tests.
        .executableTarget(
            name: "flowgate-gen",
            dependencies: ["FlowIO", "FlowLanguage", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Times in-process Graphviz rendering of DOT files, against the `dot` program (scripts/bench-render.sh).
        .executableTarget(name: "flowgate-render-bench", dependencies: ["FlowGraphviz"]),
        // Times each stage of `check` over a generated estate (see BENCHMARKS.md).
        .executableTarget(name: "flowgate-bench", dependencies: ["FlowIO", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        // Times the language server's diagnostics after an edit (see BENCHMARKS.md).
        .executableTarget(name: "flowgate-lsp-bench", dependencies: ["FlowLSP", "FlowModel"]),
        // Compares two models (git revision vs working tree): flows, recipients, findings (pure).
        .target(name: "FlowDiff", dependencies: ["FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage", "FlowOutput", "FlowGraphviz"]),
        // Fuzzing: the harness every fuzz input goes through, and the libFuzzer target / corpus replayer.
        .target(name: "FlowFuzzing", dependencies: ["FlowReports", "FlowRender", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        .executableTarget(name: "flowgate-fuzz", dependencies: ["FlowFuzzing"]),
        .testTarget(name: "FlowLanguageTests", dependencies: ["FlowLanguage"]),
        .testTarget(name: "FlowModelTests", dependencies: ["FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowAnalysisTests", dependencies: ["FlowAnalysis", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowRulesTests", dependencies: ["FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowGraphvizTests", dependencies: ["FlowGraphviz"]),
        .testTarget(name: "FlowRenderTests", dependencies: ["FlowRender", "FlowModel", "FlowGraphviz", "FlowIO"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "FlowWorkspaceTests", dependencies: ["FlowWorkspace", "FlowRules", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowOutputTests", dependencies: ["FlowOutput", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage"], exclude: ["Golden"]),
        .testTarget(name: "FlowsModelTests", dependencies: ["FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage", "FlowIO"], exclude: ["Golden"]),
        .testTarget(name: "FlowgateCLITests", dependencies: ["flowgate", "FlowIO"]),
        .testTarget(name: "FlowReportsTests", dependencies: ["FlowReports", "FlowRules", "FlowAnalysis", "FlowModel", "FlowLanguage", "FlowIO", "FlowOutput", "FlowRender", "FlowGraphviz"], exclude: ["Golden"]),
        // A client process drives `flowgate lsp`; the TextMate grammar is checked against the lexer.
        .testTarget(name: "FlowLSPTests", dependencies: ["flowgate", "FlowLSP", "FlowModel", "FlowLanguage"]),
        .testTarget(name: "FlowFuzzRegressionTests", dependencies: ["FlowFuzzing"]),
        .testTarget(name: "FlowDiffTests", dependencies: ["FlowDiff", "FlowModel", "FlowGraphviz", "flowgate"]),
        .testTarget(name: "RobustnessTests", dependencies: ["flowgate", "FlowIO"]),
        // The estate generator: requested size, determinism, and only the planted findings.
        .testTarget(name: "FlowgateGenTests", dependencies: ["flowgate-gen", "FlowRules", "FlowAnalysis", "FlowModel"]),
    ],
    swiftLanguageModes: [.v6]
)
