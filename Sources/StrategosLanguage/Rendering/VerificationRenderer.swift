import ByzantineEngine
import Foundation

/// The two faces of a `verify`: text for people (what will be searched, said
/// before the search; what was found, after it), one JSON line for programs.
public enum VerificationRenderer {
    /// Both parts, as one text.
    public static func text(_ report: VerificationReport, style: TextStyle, limitNames: [Limit: String] = [:]) -> String {
        plan(report, style: style, limitNames: limitNames) + verdict(report, style: style)
    }

    /// The header, the space and how it will be decided; `limitNames` names
    /// the setting of the budget (the command line's flag).
    public static func plan(_ report: VerificationReport, style: TextStyle, limitNames: [Limit: String] = [:]) -> String {
        let budget = Limit.verifyBudget.named(in: limitNames, .aside)
        let name = "\(report.algorithm.rawValue.uppercased())(\(report.m))"
        let traitors = counted(report.traitors, "faulty general")
        var lines = [
            style.bold("verify \(name)")
                + " · \(counted(report.generals.count, "general")) · commander \(report.commander) · default \(report.defaultValue) · up to \(traitors)"
        ]
        lines.append(
            report.orders.count == 1
                ? "order: \(report.orders[0]) only (for order)"
                : "orders: \(report.orders.joined(separator: ", ")) (each checked as a loyal commander's order)")
        let says = report.values.joined(separator: ", ") + " or nothing"
            + (report.algorithm == .om ? " (under OM nothing is the default)" : "")
        let network = report.network
        let each = network.channel == .broadcast ? "on each path, one value for all its receivers (broadcast)," : "on each path to each receiver,"
        var space = "space: \(count(report.scope.strategies)) strategies: every placement of up to \(traitors) (\(count(report.scope.placements))), "
            + "and every message a faulty general sends, \(each) any of \(says)"
        if network.timing == .asynchronous {
            space += network.bound.map { $0 < network.timeout } ?? false
                ? "; the network's delays, at most \(network.bound ?? 0) rounds, never outlast the timeout of \(network.timeout)"
                : "; and every message of a loyal general, delivered or held past the timeout by the network (its delays are the adversary's)"
        }
        if case .lossy(let percent) = network.channel { space += "; the channel loses \(percent)% of the messages, those the seed draws, as in a run" }
        if !network.partitions.isEmpty { space += "; the partitions block what they block in a run" }
        lines.append(space)
        switch report.scope.method {
        case .exact:
            let how = switch report.algorithm {
            case .om where !report.scope.symmetric:
                "for each of \(Diagnostic.grouped(report.scope.subproblems)) placements and orders (with \(differences(report)) no two generals need play the same part), "
                    + "what each sub-invocation of OM (a commander, the generals before it, the value it holds) can make each loyal lieutenant and each pair decide, "
                    + "composed bottom-up from OM(0); \(report.linksComplete ? "a message kept from its receiver" : "a missing link") carries the default"
            case .om: "what each of \(Diagnostic.grouped(report.scope.subproblems)) kinds of sub-invocation of OM can make its loyal lieutenants decide, composed bottom-up from OM(0)"
            case .sm: "for each of \(Diagnostic.grouped(report.scope.subproblems)) placements and orders, which values can enter a loyal lieutenant's V_i by which round"
            }
            lines.append("method: exact, every strategy at once: \(how)")
        case .enumerate:
            lines.append(
                "method: every strategy, one by one (\(count(Double(report.scope.planned))) runs): \(whyNotExact(report)), "
                    + "but these strategies fit the budget\(budget)")
        case .sample where !report.scope.symmetric:
            lines.append(
                "method: sampling: \(whyNotExact(report)), "
                    + "and the \(count(report.scope.strategies)) strategies are over the budget's \(count(report.scope.exactWorkLimit / Double(Verifier.tallyStepsPerStrategy)))\(budget); "
                    + "\(sampled(report)) at random (seeded)" + (report.network.isDefault ? ", then a greedy adversary" : ""))
        case .sample:
            lines.append(
                "method: sampling: the exact method needs \(count(report.scope.exactWork)) tally steps, over the budget's \(count(report.scope.exactWorkLimit))\(budget); "
                    + "\(sampled(report)) at random (seeded) from the \(count(report.scope.sampledSpace)) that depend on receiver, round and previous sender, then a greedy adversary")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What makes the generals play different parts: "links missing", "a
    /// partition", "a network that may withhold messages", joined.
    private static func differences(_ report: VerificationReport) -> String {
        let network = report.network
        var reasons: [String] = []
        if !report.linksComplete { reasons.append("links missing") }
        if !network.partitions.isEmpty { reasons.append(network.partitions.count == 1 ? "a partition" : "partitions") }
        switch network.channel {
        case .reliable: break
        case .lossy: reasons.append("a lossy channel")
        case .broadcast: reasons.append("a broadcast channel")
        }
        if network.timing == .asynchronous, (network.bound.map { $0 >= network.timeout } ?? true) {
            reasons.append("a network that may withhold messages")
        }
        guard reasons.count > 1, let last = reasons.popLast() else { return reasons.first ?? "this system model" }
        return reasons.joined(separator: ", ") + " and " + last
    }

    /// Why no exact method decides this verification.
    private static func whyNotExact(_ report: VerificationReport) -> String {
        if report.algorithm == .sm, report.network.isDefault {
            return "SM's exact method lets any lieutenant extend a chain to any other, and with links missing they cannot"
        }
        let lossOrBroadcast = report.network.channel != .reliable
        let method = report.algorithm == .om && !lossOrBroadcast
            ? "the exact method would need more than the budget"
            : "no exact method models \(differences(report)) under \(report.algorithm.rawValue.uppercased())"
        return method
    }

    /// What the search found: the holds line, or the counterexample as a script.
    public static func verdict(_ report: VerificationReport, style: TextStyle) -> String {
        var lines: [String] = []
        if let found = report.counterexample {
            let broken = [found.breaksAgreement ? "IC1 (agreement)" : nil, found.breaksValidity ? "IC2 (validity)" : nil]
                .compactMap { $0 }.joined(separator: " and ")
            let verb = found.breaksAgreement && found.breaksValidity ? "fail" : "fails"
            let faulty = counted(found.faulty.count, "faulty general")
            let messages = counted(found.deviatingMessages, "deviating message")
            let minimal = switch (report.scope.method, report.algorithm) {
            case (.exact, .om): "the fewest of both"
            case (.exact, .sm): "the fewest faulty generals; no message can be left out"
            case (.enumerate, _): "the fewest of both"
            case (.sample, _): "found by sampling; no rule can be left out"
            }
            lines.append(
                style.red("counterexample") + " for order \(found.order): \(broken) \(verb) with \(faulty) and \(messages) (\(minimal))")
            lines += found.script.split(separator: "\n").map { "  " + $0 }
            if let path = report.savePath { lines.append("saved to \(path)") }
        } else if report.exhaustive {
            let orders = report.orders.count == 1 ? "the order \(report.orders[0])" : "every order"
            lines.append(
                style.green("IC1 and IC2 hold") + " for every strategy (all \(count(report.scope.strategies))), every placement and \(orders): a proof, not a sample")
        } else {
            lines.append(
                style.yellow("no violation found") + " in a seeded sample of \(count(Double(report.checked))) strategies"
                    + (report.network.isDefault ? " and a greedy adversary; " : "; ")
                    + "this is a sample, not a proof")
        }
        if report.counterexample == nil, let path = report.savePath {
            lines.append("nothing saved to \(path): no counterexample")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// One line, the keys in the order docs/json.md gives them.
    public static func json(_ report: VerificationReport) -> String {
        var writer = JSONWriter()
        writer.field("verify", report.algorithm.rawValue)
        writer.field("m", report.m)
        writer.field("orders", report.orders)
        writer.field("holds", report.holds)
        writer.field("exhaustive", report.exhaustive)
        if let strategies = report.scope.strategies.value {
            writer.field("strategies", number: strategies)
        } else if report.scope.strategies.log10 < 300 {
            writer.field("strategies", number: Foundation.pow(10, report.scope.strategies.log10))
        } else {
            writer.field("strategies", json: "null")
        }
        writer.field("counterexample", report.counterexample?.script)
        writer.field("strategiesLog10", number: (report.scope.strategies.log10 * 1000).rounded() / 1000)
        writer.field("method", method(report.scope.method))
        writer.field("subproblems", report.scope.subproblems)
        writer.field("checked", report.checked)
        writer.field("traitors", report.traitors)
        if let found = report.counterexample {
            writer.field("order", found.order)
            writer.field("faulty", found.faulty)
            writer.field("deviatingMessages", found.deviatingMessages)
        }
        return writer.finished() + "\n"
    }

    /// How many strategies a sample draws, "1 strategy" agreeing in number.
    private static func sampled(_ report: VerificationReport) -> String {
        report.scope.planned == 1 ? "1 strategy" : "\(count(Double(report.scope.planned))) strategies"
    }

    private static func method(_ method: VerificationMethod) -> String {
        switch method {
        case .exact: "exact"
        case .enumerate: "enumerate"
        case .sample: "sample"
        }
    }

    /// A number of strategies people can read: exact up to 10^15, then ≈ 1.2e19, whatever its size.
    private static func count(_ strategies: StrategyCount) -> String {
        if let value = strategies.value, value < 1e15 { return Diagnostic.grouped(Int(value)) }
        guard strategies.log10.isFinite else { return "0" }
        let exponent = strategies.log10.rounded(.down)
        let mantissa = Foundation.pow(10, strategies.log10 - exponent)
        return "≈ \((mantissa * 10).rounded() / 10)e\(Int(exponent))"
    }

    /// 1,234 up to 10^15, then 1.2e19: a size people can read.
    private static func count(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return value > 0 ? "more than 1e308" : "0" }
        return count(StrategyCount(log10: Foundation.log10(value), value: value < 1e15 ? value.rounded() : nil))
    }
}
