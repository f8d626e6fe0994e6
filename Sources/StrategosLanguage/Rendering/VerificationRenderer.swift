/// The two faces of a `verify`: text for people (what will be searched, said
/// before the search; what was found, after it), one JSON line for programs.
public enum VerificationRenderer {
    /// Both parts, as one text.
    public static func text(_ report: VerificationReport, style: TextStyle) -> String {
        plan(report, style: style) + verdict(report, style: style)
    }

    /// The header and the size of the space, and how it will be searched.
    public static func plan(_ report: VerificationReport, style: TextStyle) -> String {
        let name = "\(report.algorithm.rawValue.uppercased())(\(report.m))"
        let traitors = report.traitors == 1 ? "1 faulty general" : "\(report.traitors) faulty generals"
        var lines = [
            style.bold("verify \(name)")
                + " · \(report.generals.count) generals · commander \(report.commander) orders \(report.order) · default \(report.defaultValue) · up to \(traitors)"
        ]
        let says = report.values.joined(separator: ", ") + (report.mayStaySilent ? " or nothing" : "")
        lines.append(
            "space: \(count(report.fullSize)) strategies (each message a faulty general sends a loyal one: \(says)); "
                + "\(count(report.reducedSize)) with loyal lieutenants taken as interchangeable")
        lines.append(
            report.exhaustive
                ? "searching all \(count(report.reducedSize)) on every core"
                : "over the budget of \(count(Double(report.planned))) (--verify-budget): sampling that many at random (seeded), then a greedy adversary")
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the search found: the holds line, or the counterexample as a script.
    public static func verdict(_ report: VerificationReport, style: TextStyle) -> String {
        var lines: [String] = []
        if let script = report.counterexample {
            let broken = [report.breaksAgreement ? "IC1 (agreement)" : nil, report.breaksValidity ? "IC2 (validity)" : nil]
                .compactMap { $0 }.joined(separator: " and ")
            let searched = report.exhaustive ? "" : " of the sample"
            lines.append(
                style.red("counterexample") + " after \(count(Double(report.checked))) strategies\(searched): \(broken) "
                    + (report.breaksAgreement && report.breaksValidity ? "fail" : "fails"))
            lines += script.split(separator: "\n").map { "  " + $0 }
            if let path = report.savedTo { lines.append("saved to \(path)") }
        } else if report.exhaustive {
            lines.append(style.green("IC1 and IC2 hold") + " for all \(count(report.fullSize)) strategies (exhaustive: \(count(Double(report.checked))) checked)")
        } else {
            lines.append(
                style.yellow("no violation found") + " in a seeded sample of \(count(Double(report.checked))) strategies and a greedy adversary; "
                    + "this is a sample of \(count(report.reducedSize)), not a proof")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// One line: the LANGUAGE.md schema, then what was checked.
    public static func json(_ report: VerificationReport) -> String {
        var writer = JSONWriter()
        writer.field("verify", report.algorithm.rawValue)
        writer.field("m", report.m)
        writer.field("holds", report.holds)
        writer.field("exhaustive", report.exhaustive)
        writer.field("strategies", number: report.fullSize)
        writer.field("counterexample", report.counterexample)
        writer.field("reduced", number: report.reducedSize)
        writer.field("checked", report.checked)
        writer.field("traitors", report.traitors)
        return writer.finished() + "\n"
    }

    /// 1,234 up to 10^15, then 1.2e19: the size of a space people can read.
    private static func count(_ value: Double) -> String {
        // A space can outgrow a Double; infinity divided by ten is never below ten.
        guard value.isFinite else { return "more than 1e308" }
        guard value < 1e15 else {
            let exponent = Int(value.exponentTenFloor)
            let mantissa = value / pow10(exponent)
            return "≈ \((mantissa * 10).rounded() / 10)e\(exponent)"
        }
        return Diagnostic.grouped(Int(value))
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { total, _ in total * 10 }
    }
}

extension Double {
    /// ⌊log10(self)⌋ for a positive value.
    var exponentTenFloor: Double {
        var exponent = 0.0
        var rest = self
        while rest >= 10 {
            rest /= 10
            exponent += 1
        }
        return exponent
    }
}
