// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: StrategosCLI → StrategosREPL → StrategosLanguage → ByzantineEngine.
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
    ],
    targets: [
        .target(name: "ByzantineEngine"),
        .target(name: "StrategosLanguage", dependencies: ["ByzantineEngine"]),
        .systemLibrary(
            name: "CReadline", path: "Sources/CReadline", pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]),
        .target(name: "StrategosREPL", dependencies: ["StrategosLanguage", "CReadline"]),
        .executableTarget(
            name: "StrategosCLI",
            dependencies: [
                "StrategosLanguage",
                "StrategosREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "StrategosBench", dependencies: ["ByzantineEngine"]),
        .testTarget(name: "ByzantineEngineTests", dependencies: ["ByzantineEngine"]),
        .testTarget(name: "StrategosLanguageTests", dependencies: ["StrategosLanguage"], exclude: ["Golden"]),
        .testTarget(name: "StrategosCLITests", dependencies: ["StrategosCLI", "StrategosREPL"]),
    ]
)
