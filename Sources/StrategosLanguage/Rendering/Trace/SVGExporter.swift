import ByzantineEngine
import Foundation

/// Traces and decision trees as SVG, written here rather than by Graphviz, so
/// a slide or a web page needs nothing else. Every mark that colour gives is
/// also in the text (`!` for a lie, `?` for a forgery, `-` for a drop,
/// parentheses for a message the network kept), so a figure reads in grey.
enum SVGExporter {
    // MARK: - Traces

    /// Each round as a panel, side by side: the generals on a circle
    /// (commander on top, faulty ones marked), one arrow per sender and
    /// receiver with the values it carried, a legend, and the decisions.
    static func rounds(_ run: RunReport, trace: Trace) -> String {
        let words = TraceVocabulary(run: run)
        let rounds = Set(trace.messages.map(\.round)).sorted()
        let panel = panelSize(generals: run.generals.count)
        let decisions = run.decisions.map { "\($0.lieutenant) decides \($0.decision)" }
        let verdicts = "IC1 agreement " + (run.agreement ? "holds" : "FAILS") + " · IC2 validity " + (run.validity ? "holds" : "FAILS")
            + (decisions.isEmpty ? "" : " · " + decisions.joined(separator: ", "))
        // Wide enough for the panels and for the longest line of text (about 7.5 points a character).
        let width = max(max(rounds.count, 1) * panel + (max(rounds.count, 1) + 1) * margin, verdicts.count * 15 / 2 + 2 * margin)
        let height = panel + 2 * margin + 40 + 18 * (legend.count + 1) + 18
        var svg = SVGDocument(width: width, height: height, title: "\(run.title) · \(run.generals.count) generals")
        svg.text("\(run.title) · \(run.generals.count) generals · commander \(run.commander) orders \(run.order) · default \(run.defaultValue)",
                 x: margin, y: 22, size: 15, weight: "bold")
        for (column, round) in rounds.enumerated() {
            let origin = (x: margin + column * (panel + margin), y: margin + 20)
            drawRound(round, messages: trace.messages.filter { $0.round == round }, run: run, words: words, size: panel, at: origin, in: &svg)
        }
        var y = margin + 20 + panel + 30
        svg.text(verdicts, x: margin, y: y, size: 13, weight: "bold")
        for (mark, colour, meaning) in legend {
            y += 18
            svg.line(from: (margin, y - 4), to: (margin + 28, y - 4), colour: colour, dashed: mark == "-", dotted: mark == "( )")
            svg.text("\(mark)  \(meaning)", x: margin + 36, y: y, size: 12)
        }
        return svg.finished()
    }

    private static let margin = 24

    /// Larger armies get larger circles, so names stay apart.
    private static func panelSize(generals: Int) -> Int {
        max(260, min(720, generals * 28))
    }

    /// What each mark means, and its colour.
    private static let legend: [(mark: String, colour: String, meaning: String)] = [
        ("", "#333333", "a message as a loyal general sends it"),
        ("!", "#c62828", "a lie: not what a loyal general in the sender's place would send"),
        ("?", "#ef6c00", "SM: a forgery, whose signatures do not hold, discarded"),
        ("-", "#9e9e9e", "dropped by the sender: nothing sent, the receiver uses the default"),
        ("( )", "#1565c0", "sent but kept from the receiver by the network: lost, blocked or past the timeout"),
    ]

    private static func drawRound(
        _ round: Int, messages: [Trace.Message], run: RunReport, words: TraceVocabulary, size: Int, at origin: (x: Int, y: Int),
        in svg: inout SVGDocument
    ) {
        svg.rectangle(x: origin.x, y: origin.y, width: size, height: size, colour: "#dddddd")
        svg.text("round \(round) · " + counted(messages.count, "message"), x: origin.x + 8, y: origin.y + 18, size: 13, weight: "bold")
        let n = run.generals.count
        let commander = words.commanderIndex
        let centre = (x: Double(origin.x) + Double(size) / 2, y: Double(origin.y) + Double(size) / 2 + 10)
        let radius = Double(size) / 2 - 46
        // The commander on top, the others clockwise in army order.
        let order = [commander] + (0..<n).filter { $0 != commander }
        var place: [Int: (x: Double, y: Double)] = [:]
        for (slot, general) in order.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(slot) / Double(n)
            place[general] = (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
        }
        // One arrow per sender and receiver: the values it carried, in reading order.
        var pairs: [[Int]: [Trace.Message]] = [:]
        var pairOrder: [[Int]] = []
        for message in words.readingOrder(messages) {
            let key = [message.sender, message.receiver]
            if pairs[key] == nil { pairOrder.append(key) }
            pairs[key, default: []].append(message)
        }
        let labelled = pairOrder.count <= 24
        for key in pairOrder {
            guard let carried = pairs[key], let from = place[key[0]], let to = place[key[1]] else { continue }
            let worst = carried.map(kind).max() ?? .loyal
            let (colour, dashed, dotted) = style(worst)
            // Two directions between a pair: each arrow a little to its right.
            let (dx, dy) = (to.x - from.x, to.y - from.y)
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            let (nx, ny) = (-dy / length * 4, dx / length * 4)
            let trim = 16 / length
            let start = (from.x + dx * trim + nx, from.y + dy * trim + ny)
            let end = (to.x - dx * trim + nx, to.y - dy * trim + ny)
            svg.arrow(from: start, to: end, colour: colour, dashed: dashed, dotted: dotted, pair: "\(key[0])-\(key[1])")
            guard labelled else { continue }
            let values = carried.map(words.mark)
            let shown = values.count <= 3 ? values.joined(separator: " ") : values.prefix(3).joined(separator: " ") + " …"
            svg.text(shown, x: Int((start.0 + end.0) / 2 + nx * 2), y: Int((start.1 + end.1) / 2 + ny * 2), size: 10, colour: colour, anchor: "middle")
        }
        for general in order {
            guard let point = place[general] else { continue }
            let name = words.general(general)
            let faulty = run.faulty.contains(name)
            svg.circle(x: point.x, y: point.y, radius: 15, colour: faulty ? "#c62828" : "#333333", fill: faulty ? "#ffebee" : "#ffffff")
            svg.text(name, x: Int(point.x), y: Int(point.y) + 4, size: 11, weight: general == commander ? "bold" : nil, anchor: "middle")
            if faulty { svg.text("faulty", x: Int(point.x), y: Int(point.y) + 28, size: 9, colour: "#c62828", anchor: "middle") }
        }
        if !labelled { svg.text("too many arrows to label: see the text trace", x: origin.x + 8, y: origin.y + size - 8, size: 10, colour: "#666666") }
    }

    /// What a message is, worst last, so an arrow shows the worst it carried.
    private enum Kind: Int, Comparable {
        case loyal, network, dropped, forged, lie
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    private static func kind(_ message: Trace.Message) -> Kind {
        switch message.disposition {
        case .discarded: .forged
        case .dropped: .dropped
        case .lost, .blocked, .timedOut: message.isLie ? .lie : .network
        case .received, .accepted, .duplicate: message.isLie ? .lie : .loyal
        }
    }

    private static func style(_ kind: Kind) -> (colour: String, dashed: Bool, dotted: Bool) {
        switch kind {
        case .loyal: ("#333333", false, false)
        case .lie: ("#c62828", false, false)
        case .forged: ("#ef6c00", false, false)
        case .dropped: ("#9e9e9e", true, false)
        case .network: ("#1565c0", false, true)
        }
    }

    /// One round alone, as the report steps through it.
    static func round(_ round: Int, of run: RunReport, trace: Trace) -> String {
        let panel = panelSize(generals: run.generals.count)
        var svg = SVGDocument(width: panel + 2 * margin, height: panel + 2 * margin, title: "\(run.title) · round \(round)")
        drawRound(
            round, messages: trace.messages.filter { $0.round == round }, run: run, words: TraceVocabulary(run: run), size: panel,
            at: (margin, margin), in: &svg)
        return svg.finished()
    }

    // MARK: - Trees

    /// The decision tree as an indented outline: each node a line of text,
    /// joined to its parent, suspect ones (a lie, a drop, a forgery) in red
    /// and marked `!`.
    static func tree(_ tree: DecisionTree) -> String {
        var rows: [(depth: Int, node: DecisionTree.Node)] = []
        func walk(_ node: DecisionTree.Node, depth: Int) {
            rows.append((depth, node))
            for child in node.children { walk(child, depth: depth + 1) }
        }
        walk(tree.root, depth: 0)
        let lineHeight = 22
        let widths = rows.map { row -> Int in
            let characters = row.node.label.count + row.node.detail.count + 4
            return row.depth * 24 + characters * 7
        }
        let longest = widths.max() ?? 200
        var svg = SVGDocument(width: longest + 2 * margin, height: (rows.count + 2) * lineHeight + margin, title: tree.title)
        svg.text(tree.title, x: margin, y: margin, size: 15, weight: "bold")
        var lastAtDepth: [Int: Int] = [:]
        for (index, row) in rows.enumerated() {
            let y = margin + (index + 1) * lineHeight + 8
            let x = margin + row.depth * 24
            if row.depth > 0, let parentY = lastAtDepth[row.depth - 1] {
                svg.line(from: (x - 16, parentY + 4), to: (x - 16, y - 4), colour: "#bbbbbb")
                svg.line(from: (x - 16, y - 4), to: (x - 4, y - 4), colour: "#bbbbbb")
            }
            lastAtDepth[row.depth] = y
            let colour = row.node.isSuspect ? "#c62828" : "#222222"
            svg.text((row.node.isSuspect ? "! " : "") + row.node.label, x: x, y: y, size: 12, colour: colour, weight: row.depth == 0 ? "bold" : nil)
            if !row.node.detail.isEmpty {
                svg.text(row.node.detail, x: x + (row.node.label.count + (row.node.isSuspect ? 2 : 0)) * 7 + 12, y: y, size: 11, colour: "#777777")
            }
        }
        return svg.finished()
    }
}

/// An SVG document built element by element, every text escaped.
struct SVGDocument {
    private var elements: [String] = []
    private let width: Int
    private let height: Int
    private let title: String

    init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    mutating func text(
        _ text: String, x: Int, y: Int, size: Int, colour: String = "#222222", weight: String? = nil, anchor: String? = nil
    ) {
        var attributes = #"x="\#(x)" y="\#(y)" font-size="\#(size)" fill="\#(colour)""#
        if let weight { attributes += #" font-weight="\#(weight)""# }
        if let anchor { attributes += #" text-anchor="\#(anchor)""# }
        elements.append("<text \(attributes)>\(Self.escaped(text))</text>")
    }

    mutating func line(from a: (Int, Int), to b: (Int, Int), colour: String, dashed: Bool = false, dotted: Bool = false) {
        elements.append(#"<line x1="\#(a.0)" y1="\#(a.1)" x2="\#(b.0)" y2="\#(b.1)" stroke="\#(colour)" stroke-width="1.5"\#(Self.dash(dashed, dotted))/>"#)
    }

    /// `pair` names the sender and receiver (`2-1`), so a page can find the arrow of a message.
    mutating func arrow(from a: (Double, Double), to b: (Double, Double), colour: String, dashed: Bool, dotted: Bool, pair: String) {
        elements.append(
            #"<line class="arrow" data-pair="\#(pair)" x1="\#(Self.number(a.0))" y1="\#(Self.number(a.1))" x2="\#(Self.number(b.0))" y2="\#(Self.number(b.1))" stroke="\#(colour)" stroke-width="1.5" marker-end="url(#\#(Self.markerID(colour)))"\#(Self.dash(dashed, dotted))/>"#)
        markers.insert(colour)
    }

    mutating func circle(x: Double, y: Double, radius: Int, colour: String, fill: String) {
        elements.append(#"<circle cx="\#(Self.number(x))" cy="\#(Self.number(y))" r="\#(radius)" stroke="\#(colour)" stroke-width="1.5" fill="\#(fill)"/>"#)
    }

    mutating func square(x: Int, y: Int, size: Int, fill: String) {
        elements.append(##"<rect x="\##(x)" y="\##(y)" width="\##(size)" height="\##(size)" fill="\##(fill)" stroke="#bdbdbd"/>"##)
    }

    mutating func polyline(_ points: [(Double, Double)], colour: String) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append(#"<polyline points="\#(list)" fill="none" stroke="\#(colour)" stroke-width="2"/>"#)
    }

    mutating func rectangle(x: Int, y: Int, width: Int, height: Int, colour: String) {
        elements.append(#"<rect x="\#(x)" y="\#(y)" width="\#(width)" height="\#(height)" rx="6" fill="none" stroke="\#(colour)"/>"#)
    }

    private var markers: Set<String> = []

    func finished() -> String {
        let definitions = markers.sorted().map { colour in
            #"<marker id="\#(Self.markerID(colour))" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="\#(colour)"/></marker>"#
        }
        return ([
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="sans-serif">"#,
            "<title>\(Self.escaped(title))</title>",
            ##"<rect width="100%" height="100%" fill="#ffffff"/>"##,
            "<defs>" + definitions.joined() + "</defs>",
        ] + elements + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    private static func markerID(_ colour: String) -> String {
        "arrow" + colour.filter(\.isHexDigit)
    }

    private static func dash(_ dashed: Bool, _ dotted: Bool) -> String {
        dashed ? #" stroke-dasharray="6 4""# : dotted ? #" stroke-dasharray="2 3""# : ""
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// Text and attribute values as XML reads them back.
    static func escaped(_ text: String) -> String {
        text.escaping(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])
    }
}
