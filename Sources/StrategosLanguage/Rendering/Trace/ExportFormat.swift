/// The file formats `export` writes, chosen by the file's extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    case mermaid, dot, json, svg, html

    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = format
    }

    /// The name `--trace-format` takes and messages print.
    public var name: String {
        switch self {
        case .mermaid: "Mermaid"
        case .dot: "Graphviz DOT"
        case .json: "JSON"
        case .svg: "SVG"
        case .html: "HTML"
        }
    }

    public var fileExtension: String { fileExtensions[0] }

    var fileExtensions: [String] {
        switch self {
        case .mermaid: ["mmd", "mermaid"]
        case .dot: ["dot", "gv"]
        case .json: ["json"]
        case .svg: ["svg"]
        case .html: ["html", "htm"]
        }
    }
}

/// Turns a view into the text of an export file.
public enum Exporter {
    /// Whether a view can be written in a format: traces in every format, a
    /// decision tree as Graphviz or SVG, the links as Graphviz or Mermaid, a
    /// sweep as an SVG chart or a page with the chart and the table.
    public static func supports(_ view: View, as format: ExportFormat) -> Bool {
        switch view {
        case .trace: format != .html
        case .report: format == .html
        case .tree: format == .dot || format == .svg
        case .links: format == .dot || format == .mermaid
        case .sweep: format == .svg || format == .html
        case .stats, .army, .table: false
        }
    }

    /// The export file's text, or nil when the view has no such format.
    public static func text(of shown: Shown, as format: ExportFormat) -> String? {
        switch shown {
        case .trace(let run, _):
            guard let trace = run.trace else { return nil }
            return switch format {
            case .mermaid: MermaidExporter.sequenceDiagram(run, trace: trace)
            case .dot: DotExporter.rounds(run, trace: trace)
            case .json: TraceJSONExporter.document(run, trace: trace)
            case .svg: SVGExporter.rounds(run, trace: trace)
            case .html: nil
            }
        case .tree(let run, let lieutenant):
            guard let trace = run.trace else { return nil }
            let tree = DecisionTree(run: run, trace: trace, lieutenant: lieutenant)
            return switch format {
            case .dot: DotExporter.tree(tree)
            case .svg: SVGExporter.tree(tree)
            case .mermaid, .json, .html: nil
            }
        case .links(let report):
            return switch format {
            case .dot: LinksExporter.dot(report)
            case .mermaid: LinksExporter.mermaid(report)
            case .json, .svg, .html: nil
            }
        case .sweep(let report):
            return switch format {
            case .svg: SweepRenderer.svg(report)
            case .html: SweepRenderer.html(report)
            case .mermaid, .dot, .json: nil
            }
        case .report(let subject, let script):
            return switch format {
            case .html: ReportExporter.html(subject, script: script)
            case .mermaid, .dot, .json, .svg: nil
            }
        case .stats, .army, .table:
            return nil
        }
    }

    /// A run's trace as `--trace-format` writes it on standard output: JSON
    /// as JSON Lines, so the traces of several runs make one stream a program
    /// reads line by line; every other format as its export file.
    public static func stream(of run: RunReport, as format: ExportFormat) -> String? {
        guard format == .json else { return text(of: .trace(run, TraceFilter()), as: format) }
        return run.trace.map { TraceJSONExporter.lines(run, trace: $0) }
    }
}
