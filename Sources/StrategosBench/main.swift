import ByzantineEngine
import Foundation

/// `swift run -c release strategos-bench [om|sm|verify N M]...`: runs OM(m) and
/// SM(m) with m traitors (L1..Lm) that flip every value they send (the workload
/// of ../shared/bench/om_limit.c) and prints messages, seconds per run, messages
/// per second and the process's peak memory. Short runs are repeated until
/// they add up to a fifth of a second, so the rate is not a timer's rounding.
/// `verify N M` searches OM(m)'s traitor strategies on N generals (a sample of
/// a million when the space is larger) and prints strategies checked per second.
struct Workload {
    enum Algorithm: String {
        case om, sm, verify
    }

    var algorithm: Algorithm
    var generals: Int
    var m: Int
}

let defaultWorkloads = [
    Workload(algorithm: .om, generals: 16, m: 5), Workload(algorithm: .om, generals: 20, m: 4),
    Workload(algorithm: .om, generals: 25, m: 5), Workload(algorithm: .sm, generals: 10, m: 3),
    Workload(algorithm: .sm, generals: 30, m: 2), Workload(algorithm: .verify, generals: 4, m: 2),
    Workload(algorithm: .verify, generals: 7, m: 2),
]

func parseWorkloads(_ arguments: [String]) -> [Workload]? {
    if arguments.isEmpty { return defaultWorkloads }
    guard arguments.count % 3 == 0 else { return nil }
    var workloads: [Workload] = []
    for index in stride(from: 0, to: arguments.count, by: 3) {
        guard let algorithm = Workload.Algorithm(rawValue: arguments[index]),
              let n = Int(arguments[index + 1]), let m = Int(arguments[index + 2]), n >= 3, m >= 0
        else { return nil }
        workloads.append(Workload(algorithm: algorithm, generals: n, m: m))
    }
    return workloads
}

func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

#if canImport(Glibc)
let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let rusageSelf = RUSAGE_SELF
#endif

func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    getrusage(rusageSelf, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in kilobytes on Linux
}

func run(_ workload: Workload, algorithm: ByzantineAlgorithm) throws -> Outcome {
    let traitors = Dictionary(uniqueKeysWithValues: (0..<workload.m).map { ($0 + 1, [Deviation(.flip)]) })
    let problem = GeneralsProblem(generalCount: workload.generals, deviations: traitors)
    return try algorithm.run(problem, m: workload.m, messageLimit: Int.max)
}

func verify(_ workload: Workload) {
    let request = VerificationRequest(
        algorithm: .om, m: workload.m, generalCount: workload.generals, commander: 0, order: 0, defaultValue: 1,
        valueCount: 3, traitors: workload.m, budget: 1_000_000)
    let start = seconds()
    do {
        let result = try Verifier.verify(request)
        let elapsed = seconds() - start
        let verdict = switch result.verdict {
        case .holds: result.exhaustive ? "holds (exhaustive)" : "no violation in the sample"
        case .counterexample: "counterexample"
        case .interrupted: "interrupted"
        }
        print(String(
            format: "VERIFY %4d %3d %13d strategies %9.3f s %12.0f strategies/s %9.1f MB  %@", workload.generals, workload.m,
            result.checked, elapsed, Double(result.checked) / max(elapsed, 1e-9), peakMemoryMegabytes(), verdict))
    } catch {
        print("VERIFY \(workload.generals) \(workload.m): refused: \(error)")
    }
}

guard let workloads = parseWorkloads(Array(CommandLine.arguments.dropFirst())) else {
    print("usage: strategos-bench [om|sm|verify N M]...   (default: om 16 5  om 20 4  om 25 5  sm 10 3  sm 30 2  verify 4 2  verify 7 2)")
    exit(64)
}

print("m traitors (L1..Lm) that flip every value; release build, one core")
print("alg    n   m      messages  seconds/run   messages/s   peak MB")
for workload in workloads {
    guard let algorithm = ByzantineAlgorithm(rawValue: workload.algorithm.rawValue) else {
        verify(workload)
        continue
    }
    do {
        let start = seconds()
        var outcome = try run(workload, algorithm: algorithm)
        var runs = 1
        while seconds() - start < 0.2 {
            outcome = try run(workload, algorithm: algorithm)
            runs += 1
        }
        let perRun = (seconds() - start) / Double(runs)
        let rate = Double(outcome.messages) / max(perRun, 1e-12)
        let row = String(
            format: "%@ %4d %3d %13d %12.6f %12.0f %9.1f", workload.algorithm.rawValue.uppercased(), workload.generals,
            workload.m, outcome.messages, perRun, rate, peakMemoryMegabytes())
        print(row + (outcome.agreement && outcome.validity ? "" : "   (IC1/IC2 broken)"))
    } catch {
        print("\(workload.algorithm.rawValue.uppercased()) \(workload.generals) \(workload.m): refused: \(error)")
    }
}
