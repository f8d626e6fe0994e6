// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: StrategosCLI → StrategosLanguage → ByzantineEngine.
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
        .executableTarget(
            name: "StrategosCLI",
            dependencies: [
                "StrategosLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "StrategosBench", dependencies: ["ByzantineEngine"]),
        .testTarget(name: "ByzantineEngineTests", dependencies: ["ByzantineEngine"]),
        .testTarget(name: "StrategosLanguageTests", dependencies: ["StrategosLanguage"]),
        .testTarget(name: "StrategosCLITests", dependencies: ["StrategosCLI"]),
    ]
)
