/// What standard output carries: text for people, or what a program reads,
/// one case per format. Everything else a program does not read (prints,
/// views, plans) then goes to standard error, without colour.
public enum OutputMode: Sendable, Equatable {
    /// Runs, verdicts and views as text.
    case text
    /// One JSON line for every run, verify and Two Generals result (`--json`).
    case json
    /// Every run as its trace in this format (`--trace-format`).
    case trace(ExportFormat)
}
