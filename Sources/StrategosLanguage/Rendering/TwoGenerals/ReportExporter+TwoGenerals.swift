import ByzantineEngine

/// A Two Generals run as a report: the rules, the decisions, and the
/// messengers one step at a time, each step a figure of the two camps with
/// every messenger sent so far crossing (or caught in) the city between them.
extension ReportExporter {
    static func twoGenerals(_ run: TwoGeneralsReport) -> [String] {
        let problem = run.problem
        let outcome = run.outcome
        var body: [String] = []
        body.append("<h1>\(escaped(run.call)) · the Two Generals</h1>")
        body.append("<p>\(escaped(TwoGeneralsVocabulary.messaging(problem))) · lose \(escaped(TwoGeneralsVocabulary.lost(run.lost)))</p>")
        body.append("<table class=\"decisions\"><tr><th>general</th><th>rule</th><th>received</th><th>decides</th></tr>"
            + TwoGenerals.General.allCases.map { general in
                "<tr><td>\(general.rawValue)</td>"
                    + "<td>\(escaped(TwoGeneralsVocabulary.rule(of: general, in: problem, isDefault: !run.rulesSet.contains(general))))</td>"
                    + "<td>\(outcome.received[general]) of \(problem.messengers(to: general))</td>"
                    + "<td>\(TwoGeneralsVocabulary.decision(outcome.attacks[general]))</td></tr>"
            }.joined() + "</table>")
        let verdict = TwoGeneralsVocabulary.verdict(outcome.verdict)
        let coordination = switch outcome.verdict {
        case .cityCaptured: "coordinated: both attack"
        case .nothingHappens: "coordinated: neither attacks"
        case .armyDefeated(let alone): "NOT coordinated: \(alone.rawValue) attacks alone"
        }
        body.append("<p>\(ReportExporter.verdict(outcome.isCoordinated)) \(escaped(coordination)) · \(escaped(verdict))</p>")

        body.append("<h2>Messengers</h2>")
        guard problem.messengers > 0 else {
            body.append("<p>no messengers: each general decides on nothing received</p>")
            return body
        }
        body.append(controls(step: "messenger"))
        for number in 1...problem.messengers {
            let delivery = outcome.deliveries[number - 1]
            var section = "<section class=\"round\" data-round=\"\(number)\"><h3>messenger \(number) · \(route(number, in: problem))"
                + " · \(fate(delivery))</h3>"
            section += inline(figure(problem, outcome, upTo: number))
            section += "<ol class=\"messages\">" + (1...number).map { earlier in
                "<li class=\"\(kind(outcome.deliveries[earlier - 1]))\" data-pair=\"m\(earlier)\" "
                    + "data-label=\"messenger \(earlier) \(fate(outcome.deliveries[earlier - 1]))\">messenger \(earlier) "
                    + "\(route(earlier, in: problem)) <b>\(fate(outcome.deliveries[earlier - 1]))</b></li>"
            }.joined() + "</ol>"
            body.append(section + "</section>")
        }
        return body
    }

    private static func route(_ number: Int, in problem: TwoGenerals) -> String {
        let sender = problem.sender(of: number)
        return "\(sender.rawValue) → \(sender.other.rawValue)"
    }

    private static func fate(_ delivery: TwoGenerals.Delivery) -> String {
        switch delivery {
        case .arrived: "arrived"
        case .captured: "captured by the city"
        case .notSent: "not sent (an earlier one was captured)"
        }
    }

    /// The CSS class the message list colours a messenger with.
    private static func kind(_ delivery: TwoGenerals.Delivery) -> String {
        switch delivery {
        case .arrived: "loyal"
        case .captured: "network"
        case .notSent: "dropped"
        }
    }

    /// The two camps as lifelines with the city between them, and messengers
    /// 1 to `last` as arrows going down the page: a captured one stops in the
    /// city, one never sent is dashed. Each is marked in words too.
    static func figure(_ problem: TwoGenerals, _ outcome: TwoGeneralsOutcome, upTo last: Int) -> String {
        let (a, b, city) = (110.0, 390.0, 250.0)
        let spacing = 34
        let height = 90 + spacing * last
        var svg = SVGDocument(width: 500, height: height, title: "twogenerals(\(problem.messengers)) · messenger \(last)")
        svg.rectangle(x: Int(city) - 45, y: 30, width: 90, height: height - 40, colour: "#bdbdbd")
        svg.text("city", x: Int(city), y: 48, size: 12, colour: "#757575", anchor: "middle")
        for (general, x) in [(TwoGenerals.General.a, a), (.b, b)] {
            svg.text(general.rawValue, x: Int(x), y: 24, size: 15, weight: "bold", anchor: "middle")
            svg.line(from: (Int(x), 32), to: (Int(x), height - 10), colour: "#9e9e9e")
        }
        for number in 1...last {
            let y = Double(50 + spacing * number)
            let sender = problem.sender(of: number)
            let (from, to) = sender == .a ? (a, b) : (b, a)
            let delivery = outcome.deliveries[number - 1]
            let end = delivery == .captured ? city : to
            let (colour, dashed, dotted, mark) = switch delivery {
            case .arrived: ("#333333", false, false, "\(number)")
            case .captured: ("#1565c0", false, true, "(\(number) captured)")
            case .notSent: ("#9e9e9e", true, false, "- \(number) not sent")
            }
            svg.arrow(from: (from, y), to: (end, y + 16), colour: colour, dashed: dashed, dotted: dotted, pair: "m\(number)")
            svg.text(mark, x: Int((from + end) / 2), y: Int(y) - 2, size: 11, colour: colour, anchor: "middle")
        }
        return svg.finished()
    }
}
