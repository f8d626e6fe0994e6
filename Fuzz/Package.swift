// swift-tools-version:5.4
import PackageDescription

// libFuzzer targets, a package of their own so that the main package's build
// never needs a toolchain with fuzzing support. `Fuzz/run` builds them with
// `-sanitize=fuzzer,address -parse-as-library`, and libFuzzer supplies `main`:
// tools 5.5 and later would rename the executables' entry point to
// `<target>_main` and link against a symbol these targets never define.
let language = Target.Dependency.product(name: "StrategosLanguage", package: "Strategos")

let package = Package(
    name: "StrategosFuzz",
    dependencies: [.package(name: "Strategos", path: "..")],
    targets: [
        .target(name: "FuzzChecks"),
        .executableTarget(name: "parser", dependencies: [language, "FuzzChecks"]),
        .executableTarget(name: "interpreter", dependencies: [language, "FuzzChecks"]),
    ]
)
