/// The file formats `export` writes, chosen by the file's extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    case mermaid, dot, json

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
        }
    }

    public var fileExtension: String { fileExtensions[0] }

    var fileExtensions: [String] {
        switch self {
        case .mermaid: ["mmd", "mermaid"]
        case .dot: ["dot", "gv"]
        case .json: ["json"]
        }
    }
}

/// Turns a view into the text of an export file.
public enum Exporter {
    /// Whether a view can be written in a format: traces in every format, a
    /// decision tree as Graphviz, the links as Graphviz or Mermaid.
    public static func supports(_ view: View, as format: ExportFormat) -> Bool {
        switch view {
        case .trace: true
        case .tree: format == .dot
        case .links: format != .json
        case .stats, .army, .table: false
        }
    }

    /// The export file's text, or nil when the view has no such format.
    public static func text(of shown: Shown, as format: ExportFormat) -> String? {
        switch (shown, format) {
        case (.trace(let run, _), _):
            guard let trace = run.trace else { return nil }
            return switch format {
            case .mermaid: MermaidExporter.sequenceDiagram(run, trace: trace)
            case .dot: DotExporter.rounds(run, trace: trace)
            case .json: TraceJSONExporter.document(run, trace: trace)
            }
        case (.tree(let run, let lieutenant), .dot):
            guard let trace = run.trace else { return nil }
            return DotExporter.tree(DecisionTree(run: run, trace: trace, lieutenant: lieutenant))
        case (.links(let report), .dot):
            return LinksExporter.dot(report)
        case (.links(let report), .mermaid):
            return LinksExporter.mermaid(report)
        default:
            return nil
        }
    }
}
