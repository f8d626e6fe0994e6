// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: StrategosCLI → StrategosREPL → StrategosLanguage → ByzantineEngine
// (and StrategosLanguage → Ed25519Signatures → ByzantineEngine, swift-crypto).
// StrategosLanguageServer (`strategos lsp`) sits beside the REPL: it uses the
// language and the REPL's completion and help, and the command line starts it.
// GNU readline (CReadline) is linked by the REPL only, so the engine and the
// language build without it.
let package = Package(
    name: "Strategos",
    products: [
        .executable(name: "strategos", targets: ["StrategosCLI"]),
        .executable(name: "strategos-bench", targets: ["StrategosBench"]),
        .library(name: "StrategosLanguage", targets: ["StrategosLanguage"]),
        .library(name: "ByzantineEngine", targets: ["ByzantineEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "ByzantineEngine"),
        // Real Ed25519 keys for SM(m) (`signatures ed25519`); the engine itself stays crypto-free.
        .target(
            name: "Ed25519Signatures",
            dependencies: ["ByzantineEngine", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "StrategosLanguage", dependencies: ["ByzantineEngine", "Ed25519Signatures"]),
        .systemLibrary(
            name: "CReadline", path: "Sources/CReadline", pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]),
        .target(name: "StrategosREPL", dependencies: ["StrategosLanguage", "CReadline"]),
        .target(name: "StrategosLanguageServer", dependencies: ["StrategosLanguage", "StrategosREPL"]),
        .executableTarget(
            name: "StrategosCLI",
            dependencies: [
                "StrategosLanguage",
                "StrategosREPL",
                "StrategosLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "StrategosBench", dependencies: ["ByzantineEngine"]),
        .testTarget(name: "ByzantineEngineTests", dependencies: ["ByzantineEngine"]),
        .testTarget(name: "StrategosLanguageTests", dependencies: ["StrategosLanguage"], exclude: ["Golden", "BadInputs"]),
        .testTarget(name: "StrategosCLITests", dependencies: ["StrategosCLI", "StrategosREPL"]),
        .testTarget(name: "StrategosLanguageServerTests", dependencies: ["StrategosLanguageServer"]),
    ]
)
