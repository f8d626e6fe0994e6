import ByzantineEngine
import Foundation

/// `swift run -c release strategos-bench [n m ...]`: runs OM(m) with m traitors
/// that flip every value (the workload of ../shared/bench/om_limit.c) and prints
/// messages, seconds, messages per second and the process's peak memory.
struct Workload {
    var generals: Int
    var m: Int
}

func parseWorkloads(_ arguments: [String]) -> [Workload]? {
    if arguments.isEmpty {
        return [Workload(generals: 16, m: 5), Workload(generals: 20, m: 4), Workload(generals: 25, m: 5)]
    }
    guard arguments.count % 2 == 0 else { return nil }
    var workloads: [Workload] = []
    var index = 0
    while index < arguments.count {
        guard let n = Int(arguments[index]), let m = Int(arguments[index + 1]) else { return nil }
        workloads.append(Workload(generals: n, m: m))
        index += 2
    }
    return workloads
}

func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

#if canImport(Glibc)
let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF_WHO, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in kilobytes on Linux
}

guard let workloads = parseWorkloads(Array(CommandLine.arguments.dropFirst())) else {
    print("usage: strategos-bench [N M]...   (default: 16 5  20 4  25 5)")
    exit(64)
}

print("OM(m), m traitors (L1..Lm) that flip every value; release build, one core")
print("   n   m      messages   seconds   messages/s   peak MB")
for workload in workloads {
    let flip = Deviation(.flip)
    let traitors = Dictionary(uniqueKeysWithValues: (1...max(workload.m, 1)).prefix(workload.m).map { ($0, [flip]) })
    let problem = GeneralsProblem(generalCount: workload.generals, deviations: traitors)
    let start = seconds()
    do {
        let outcome = try OralMessages.run(problem, m: workload.m, messageLimit: Int.max)
        let elapsed = seconds() - start
        let rate = Double(outcome.messages) / max(elapsed, 1e-9)
        let row = String(
            format: "%4d %3d %13d %9.3f %12.0f %9.1f", workload.generals, workload.m, outcome.messages, elapsed, rate,
            peakMemoryMegabytes())
        print(row + (outcome.agreement && outcome.validity ? "" : "   (IC1/IC2 broken)"))
    } catch {
        print(String(format: "%4d %3d  refused: %@", workload.generals, workload.m, "\(error)"))
    }
}
