import ByzantineEngine
import Foundation

/// `swift run -c release strategos-bench [om|sm|om-lossy|om-async|verify-om|verify-om-cut|verify-sm N M[:T]]...`:
/// runs OM(m) and SM(m) with m traitors (L1..Lm) that flip every value they
/// send (the workload a lean C recursion is measured on) and prints messages,
/// seconds per run, messages per second and the process's peak memory. Runs
/// are repeated until they add up to a fifth of a second. `verify-om N M` and `verify-sm N M` decide
/// `generals N; verify om(M)` (or sm) as the language does: three values, every
/// order, up to T faulty generals (M unless `:T` is given), the default budget;
/// they print the verdict, whether it is a proof, the seconds and the peak memory.
/// `verify-om-cut N M` does the same with the link C - L1 cut, where no two
/// generals need play the same part (the paper's Section 6: a failed line).
/// Each time is the fastest of several runs. `om-lossy N M` and `om-async N M` run OM(m) over a lossy channel (20%,
/// seed 7) and in asynchronous rounds (timeout 2, L1's messages one round
/// late), each beside the same run on reliable synchronous channels, and
/// print the ratio of their times.
struct Workload {
    enum Algorithm: String {
        case om, sm
        case verifyOM = "verify-om"
        case verifyOMCut = "verify-om-cut"
        case verifySM = "verify-sm"
        case omLossy = "om-lossy"
        case omAsync = "om-async"
    }

    var algorithm: Algorithm
    var generals: Int
    var m: Int
    var traitors: Int
}

let defaultArguments = [
    "om", "16", "5", "om", "20", "4", "om", "25", "5", "sm", "10", "3", "sm", "30", "2",
    "verify-om", "7", "2", "verify-om", "6", "2", "verify-om", "9", "3", "verify-om", "10", "3",
    "verify-om", "13", "4", "verify-om", "16", "5", "verify-om", "25", "5", "verify-sm", "5", "2", "verify-sm", "6", "2",
    "verify-sm", "4", "2:3", "verify-sm", "7", "2:3",
    "verify-om-cut", "7", "2:1", "verify-om-cut", "7", "2", "verify-om-cut", "10", "3:2", "verify-om-cut", "10", "3",
    "om-lossy", "25", "5", "om-async", "25", "5",
]

func parseWorkloads(_ arguments: [String]) -> [Workload]? {
    let arguments = arguments.isEmpty ? defaultArguments : arguments
    guard arguments.count % 3 == 0 else { return nil }
    var workloads: [Workload] = []
    for index in stride(from: 0, to: arguments.count, by: 3) {
        let rounds = arguments[index + 2].split(separator: ":").map { Int($0) }
        guard let algorithm = Workload.Algorithm(rawValue: arguments[index]),
              let n = Int(arguments[index + 1]), n >= 3, (1...2).contains(rounds.count),
              let m = rounds[0], let traitors = rounds.last ?? nil, m >= 0, traitors >= 1
        else { return nil }
        workloads.append(Workload(algorithm: algorithm, generals: n, m: m, traitors: traitors))
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

func run(_ workload: Workload, algorithm: ByzantineAlgorithm, delivery: Delivery? = nil) throws -> Outcome {
    let traitors = Dictionary(uniqueKeysWithValues: (0..<workload.m).map { ($0 + 1, [Deviation(.flip)]) })
    let problem = GeneralsProblem(generalCount: workload.generals, deviations: traitors, seed: 7, delivery: delivery)
    return try algorithm.run(problem, m: workload.m, messageLimit: Int.max)
}

/// The fastest of at least three runs, repeated until they add up to a fifth
/// of a second (the fastest, since a shared machine only ever slows a run
/// down), and the last outcome.
func timed(_ workload: Workload, algorithm: ByzantineAlgorithm, delivery: Delivery? = nil) throws -> (Double, Outcome) {
    let start = seconds()
    var fastest = Double.infinity
    var outcome: Outcome?
    var runs = 0
    while runs < 3 || seconds() - start < 0.2 {
        let before = seconds()
        outcome = try run(workload, algorithm: algorithm, delivery: delivery)
        fastest = min(fastest, seconds() - before)
        runs += 1
    }
    guard let outcome else { throw EngineError.cancelled }
    return (fastest, outcome)
}

/// The same OM(m) over reliable synchronous channels and over `delivery`, side by side.
func compare(_ workload: Workload, _ delivery: Delivery, _ name: String) {
    do {
        let (reliable, _) = try timed(workload, algorithm: .om)
        let (other, outcome) = try timed(workload, algorithm: .om, delivery: delivery)
        let network = outcome.network
        print(String(
            format: "OM %4d %3d %@: %9.6f s/run against %9.6f s/run reliable and synchronous: %.2f× (%d lost, %d late, %d timed out)",
            workload.generals, workload.m, name, other, reliable, other / max(reliable, 1e-12), network.lost, network.late,
            network.timedOut))
    } catch {
        print("OM \(workload.generals) \(workload.m) \(name): refused: \(error)")
    }
}

func verify(_ workload: Workload, algorithm: ByzantineAlgorithm, cut: Bool = false) {
    var links = Links.complete(workload.generals)
    if cut { links.cut(0, 1) }
    let request = VerificationRequest(
        algorithm: algorithm, m: workload.m, generalCount: workload.generals, commander: 0, orders: [0, 1, 2],
        defaultValue: 1, valueCount: 3, traitors: workload.traitors, delivery: Delivery(links: links))
    let name = "verify \(algorithm.rawValue)(\(workload.m)) with \(workload.traitors)" + (cut ? ", C - L1 cut" : "")
    let start = seconds()
    do {
        let result = try Verifier.verify(request)
        let elapsed = seconds() - start
        let verdict = switch result.verdict {
        case .holds: result.exhaustive ? "holds: a proof" : "no violation in the sample"
        case .counterexample(let found):
            "counterexample: \(found.faulty.count) faulty, \(found.deviatingMessages) deviating messages" + (result.exhaustive ? "" : " (sampled)")
        case .interrupted: "interrupted"
        }
        print(String(
            format: "%@ on %3d generals  %9.3f s %9.1f MB  %@  (%d sub-problems or placements)", name, workload.generals, elapsed,
            peakMemoryMegabytes(), verdict, result.checked))
    } catch {
        print("\(name) on \(workload.generals) generals: refused: \(error)")
    }
}

guard let workloads = parseWorkloads(Array(CommandLine.arguments.dropFirst())) else {
    print("usage: strategos-bench [om|sm|om-lossy|om-async|verify-om|verify-om-cut|verify-sm N M[:T]]...   (default: \(defaultArguments.joined(separator: " ")))")
    exit(64)
}

print("runs: m traitors (L1..Lm) that flip every value; release build, one core")
print("alg    n   m      messages  seconds/run   messages/s   peak MB")
for workload in workloads {
    let algorithm: ByzantineAlgorithm
    switch workload.algorithm {
    case .om: algorithm = .om
    case .sm: algorithm = .sm
    case .verifyOM:
        verify(workload, algorithm: .om)
        continue
    case .verifyOMCut:
        verify(workload, algorithm: .om, cut: true)
        continue
    case .verifySM:
        verify(workload, algorithm: .sm)
        continue
    case .omLossy:
        compare(workload, Delivery(links: .complete(workload.generals), channel: .lossy(percent: 20)), "lossy 20%")
        continue
    case .omAsync:
        let late = NetworkDelay(sender: 1, rounds: 1)
        compare(
            workload, Delivery(links: .complete(workload.generals), timing: .asynchronous(Asynchrony(timeout: 2, delays: [late]))),
            "asynchronous")
        continue
    }
    do {
        let (perRun, outcome) = try timed(workload, algorithm: algorithm)
        let rate = Double(outcome.messages) / max(perRun, 1e-12)
        let row = String(
            format: "%@ %4d %3d %13d %12.6f %12.0f %9.1f", workload.algorithm.rawValue.uppercased(), workload.generals,
            workload.m, outcome.messages, perRun, rate, peakMemoryMegabytes())
        print(row + (outcome.agreement && outcome.validity ? "" : "   (IC1/IC2 broken)"))
    } catch {
        print("\(workload.algorithm.rawValue.uppercased()) \(workload.generals) \(workload.m): refused: \(error)")
    }
}
