/// What each statement does to a session, for the tools that treat statements
/// by kind: `strategos check` runs the declarations and stops each action
/// before it computes; a REPL's `:save` knows which statements rebuild the
/// scenario. One exhaustive switch, so a new statement must say what it is.
extension Statement.Kind {
    public enum Role: Sendable, Equatable {
        /// Changes the scenario: the army, its faults, its links, its network, the Two Generals' set-up.
        case declaration
        /// Computes a result from the scenario: `run`, `verify`, `sweep`, `estimate`, `shop`.
        case action
        /// Asserts something of the last result: `expect`.
        case check
        /// Shows or writes something and changes nothing: `show`, `export`, `print`.
        case view
        /// Runs other statements or forgets them: `load`, `reset`.
        case control
    }

    public var role: Role {
        switch self {
        case .generalsCount, .generalsNamed, .commander, .order, .defaultValue, .loyal, .faults, .seed, .signatures, .links,
            .cut, .link, .channel, .partition, .timing, .delay, .timeout:
            .declaration
        case .twoGenerals(let statement):
            switch statement {
            case .lose, .attacks, .messengers, .loss, .trials: .declaration
            case .estimate, .shop: .action
            }
        case .run, .verify, .sweep: .action
        case .expect: .check
        case .show, .export, .print: .view
        case .load, .reset: .control
        }
    }
}
