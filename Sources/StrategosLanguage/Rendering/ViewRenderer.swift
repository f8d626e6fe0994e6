/// The text of `show` views.
public enum ViewRenderer {
    public static func text(_ shown: Shown, style: TextStyle) -> String {
        switch shown {
        case .trace(let run, let filter):
            guard let trace = run.trace else { return "" }
            return TraceTextRenderer.text(run, trace: trace, filter: filter, style: style)
        case .tree(let run, let lieutenant):
            guard let trace = run.trace else { return "" }
            return TreeTextRenderer.text(DecisionTree(run: run, trace: trace, lieutenant: lieutenant), style: style)
        case .stats(let run):
            return StatsRenderer.text(run, style: style)
        case .army(let scenario):
            return ScenarioRenderer.text(scenario, style: style) + "\n"
        case .links(let report):
            return LinksRenderer.text(report, style: style)
        case .table(let table, let rulesSet):
            return TwoGeneralsTableRenderer.text(table, rulesSet: rulesSet, style: style)
        case .sweep(let report):
            return SweepRenderer.text(report, style: style)
        case .report(.run(let run), _), .report(.counterexample(let run, _), _):
            return RunRenderer.text(run, style: style)
        case .report(.twoGenerals(let run), _):
            return TwoGeneralsRunRenderer.text(run, style: style)
        }
    }
}
