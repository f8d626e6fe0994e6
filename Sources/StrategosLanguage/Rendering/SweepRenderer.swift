import Foundation

/// A sweep as a table for people, one JSON line for programs, and an SVG
/// chart with the paper's line n = 3m + 1 (OM's bound) drawn through it,
/// alone or on a page.
public enum SweepRenderer {
    /// Rows m, columns n; a legend under them.
    public static func text(_ report: SweepReport, style: TextStyle) -> String {
        let width = max(String(report.generals.upperBound).count + 2, 4)
        var lines = [
            style.bold(report.title) + " · generals \(report.generals.lowerBound) to \(report.generals.upperBound)"
                + " · m \(report.m.lowerBound) to \(report.m.upperBound) · order \(report.order) · default \(report.defaultValue)",
            "     " + report.generals.map { "n=\($0)".padded(to: width + 1) }.joined().trailingSpacesRemoved,
        ]
        for (row, m) in report.m.enumerated() {
            let cells = report.cells[row].map { mark($0, style).padded(to: width + 1 + (style.color ? colourCodes : 0)) }
            lines.append("m=\(m)".padded(to: 5) + cells.joined().trailingSpacesRemoved)
        }
        lines.append(legend(report))
        let refused = report.cells.joined().compactMap { cell -> String? in
            if case .refused(let why) = cell { return why }
            return nil
        }
        if let first = refused.first {
            lines.append("! refused: \(first)" + (refused.count > 1 ? " (and \(refused.count - 1) more)" : ""))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The invisible characters a colour adds to a cell, so columns line up.
    private static let colourCodes = "\u{1B}[32m\u{1B}[0m".count

    private static func mark(_ cell: SweepReport.Cell, _ style: TextStyle) -> String {
        switch cell {
        case .holds(proof: true): style.green("✓")
        case .holds(proof: false): style.green("~")
        case .fails: style.red("✗")
        case .notApplicable: "·"
        case .refused: "!"
        }
    }

    private static func legend(_ report: SweepReport) -> String {
        switch report.action {
        case .verify:
            "✓ IC1 and IC2 hold for every strategy (a proof) · ~ hold in a sample · ✗ a counterexample · · m ≥ n − 1 or m = 0 · ! refused"
        case .run:
            "~ IC1 and IC2 hold in this run · ✗ they fail · · m ≥ n − 1 · ! refused (see below)"
        }
    }

    /// `{"sweep":"verify","algorithm":"om","generals":[3,10],"m":[1,3],"cells":[{"n":3,"m":1,"result":"counterexample"},…]}`.
    public static func json(_ report: SweepReport) -> String {
        var writer = JSONWriter()
        writer.field("sweep", report.action.rawValue)
        writer.field("algorithm", report.algorithm.rawValue)
        writer.field("generals", json: "[\(report.generals.lowerBound),\(report.generals.upperBound)]")
        writer.field("m", json: "[\(report.m.lowerBound),\(report.m.upperBound)]")
        let cells = report.m.flatMap { m in
            report.generals.map { n -> String in
                var cell = JSONWriter()
                cell.field("n", n)
                cell.field("m", m)
                cell.field("result", result(report.cell(generals: n, m: m) ?? .notApplicable, report.action))
                return cell.finished()
            }
        }
        writer.field("cells", objects: cells, onSeparateLines: false)
        return writer.finished() + "\n"
    }

    private static func result(_ cell: SweepReport.Cell, _ action: SweepCall.Action) -> String {
        switch cell {
        case .holds(proof: true): "proof"
        case .holds(proof: false): action == .verify ? "sample" : "holds"
        case .fails: action == .verify ? "counterexample" : "fails"
        case .notApplicable: "none"
        case .refused: "refused"
        }
    }

    // MARK: - Chart

    /// The chart as a page of its own with the table under it, for a course
    /// site or a slide: one file, nothing fetched from elsewhere.
    public static func html(_ report: SweepReport) -> String {
        let title = ReportExporter.escaped(report.title)
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title) · Strategos</title></head>
            <body style="font-family: sans-serif; margin: 2em;">
            <h1>\(title)</h1>
            \(ReportExporter.inline(svg(report)))
            <pre class="sweep">\(ReportExporter.escaped(text(report, style: TextStyle(color: false))))</pre>
            </body></html>

            """
    }

    /// n across, m up, a square per cell (green holds, red fails, marked in
    /// text too), and for OM the line n = 3m + 1 of the paper's bound.
    public static func svg(_ report: SweepReport) -> String {
        let cell = 34
        let left = 70
        let top = 50
        let columns = report.generals.count
        let rows = report.m.count
        // Wide enough for the cells and for the legend (about 6.5 points a character at size 11).
        let width = max(left + columns * cell + 40, legend(report).count * 13 / 2 + 40)
        let height = top + rows * cell + 110
        var svg = SVGDocument(width: width, height: height, title: report.title)
        svg.text(report.title + " · order \(report.order) · default \(report.defaultValue)", x: 20, y: 26, size: 15, weight: "bold")
        for (row, m) in report.m.enumerated() {
            // m grows upwards, as on the paper's axes.
            let y = top + (rows - 1 - row) * cell
            svg.text("m=\(m)", x: left - 8, y: y + cell / 2 + 4, size: 11, anchor: "end")
            for (column, n) in report.generals.enumerated() {
                let x = left + column * cell
                let (fill, mark) = look(report.cell(generals: n, m: m) ?? .notApplicable)
                svg.square(x: x, y: y, size: cell - 2, fill: fill)
                svg.text(mark, x: x + cell / 2 - 1, y: y + cell / 2 + 4, size: 13, anchor: "middle")
            }
        }
        for (column, n) in report.generals.enumerated() {
            svg.text("\(n)", x: left + column * cell + cell / 2 - 1, y: top + rows * cell + 14, size: 11, anchor: "middle")
        }
        svg.text("n (generals)", x: left + columns * cell / 2, y: top + rows * cell + 32, size: 12, anchor: "middle")
        if report.algorithm == .om {
            // n = 3m + 1 through the cells' centres: left of it OM(m) can fail, on and right of it the paper proves it.
            func point(n: Double, m: Double) -> (Double, Double) {
                let x = Double(left) + (n - Double(report.generals.lowerBound)) * Double(cell) + Double(cell) / 2 - 1
                let y = Double(top) + (Double(rows - 1) - (m - Double(report.m.lowerBound))) * Double(cell) + Double(cell) / 2
                return (x, y)
            }
            let lowM = Double(report.m.lowerBound) - 0.5
            let highM = Double(report.m.upperBound) + 0.5
            svg.polyline([point(n: 3 * lowM + 1 - 0.5, m: lowM), point(n: 3 * highM + 1 - 0.5, m: highM)], colour: "#1565c0")
            svg.text("n = 3m + 1: OM(m) needs more than 3m generals (Theorem 1)", x: 20, y: height - 40, size: 12, colour: "#1565c0")
        }
        svg.text(legend(report), x: 20, y: height - 18, size: 11)
        return svg.finished()
    }

    private static func look(_ cell: SweepReport.Cell) -> (fill: String, mark: String) {
        switch cell {
        case .holds(proof: true): ("#c8e6c9", "✓")
        case .holds(proof: false): ("#e8f5e9", "~")
        case .fails: ("#ffcdd2", "✗")
        case .notApplicable: ("#f5f5f5", "·")
        case .refused: ("#fff3e0", "!")
        }
    }
}
