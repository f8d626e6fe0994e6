/// Turns an outcome the reachability found into the messages that make it:
/// top-down through the concrete recursion, each invocation weighs its
/// inputs again with every step kept, traces the cheapest tally back to the
/// outcome each input must give, and asks the input's sub-invocation for
/// that. A sub-invocation whose outcome costs nothing is left loyal.
struct OralMessagesWitness {
    let reachability: OralMessagesReachability
    let faulty: Set<Int>
    private(set) var messages: [DeviatingMessage] = []

    init(reachability: OralMessagesReachability, faulty: Set<Int>) {
        self.reachability = reachability
        self.faulty = faulty
    }

    /// Makes the loyal `deciding` lieutenants (one or two) of the invocation
    /// of `path.last` decide `outcome` (a value, or a pair as
    /// `first · values + second`) at the fewest deviating messages.
    mutating func realize(path: [Int], members: [Int], held: Int, rounds: Int, deciding: [Int], outcome: Int) throws(EngineError) {
        guard let commander = path.last else { throw .inconsistentVerification("an invocation without a commander") }
        let loyalCount = members.filter { !faulty.contains($0) }.count
        let problem = SubProblem(
            rounds: rounds, commanderIsLoyal: !faulty.contains(commander), held: held, loyal: loyalCount,
            faulty: members.count - loyalCount)
        let values = reachability.valueCount
        let decided = deciding.count == 1 ? [outcome] : [outcome / values, outcome % values]
        guard rounds > 0 else {
            for (lieutenant, value) in zip(deciding, decided) where value != held {
                messages.append(DeviatingMessage(path: path, receiver: lieutenant, value: value))
            }
            return
        }
        let sides = deciding.count
        let starts = reachability.starts(of: problem, sides: sides)
        let others = members.filter { !deciding.contains($0) }
        let inputs = others.map { reachability.input(of: problem, fromLoyal: !faulty.contains($0), sides: sides) }
        let combination = reachability.combination(problem, sides: sides, starts: starts, inputs: inputs.map(\.costs), keepsLayers: true)
        guard let final = combination.cheapestTally(deciding: outcome),
              let traced = combination.trace(final, optionsPerInput: inputs.map(\.costs)),
              let start = starts.first(where: {
                  combination.startIndex($0.values) == traced.start && $0.cost == combination.layers.first?[traced.start]
              })
        else { throw .inconsistentVerification("no strategy makes \(deciding) decide outcome \(outcome) under \(path)") }

        for (lieutenant, value) in zip(deciding, start.sent) where value != held {
            messages.append(DeviatingMessage(path: path, receiver: lieutenant, value: value))
        }
        if sides == 2 {
            // Each deciding lieutenant hears the other's sub-invocation.
            for (teller, listener) in [(1, 0), (0, 1)] {
                let child = problem.child(commandedByLoyal: true, holding: start.sent[teller])
                guard reachability.reach(child).single[start.fromEachOther[listener]] > 0 else { continue }
                try realize(
                    path: path + [deciding[teller]], members: members.filter { $0 != deciding[teller] },
                    held: start.sent[teller], rounds: rounds - 1, deciding: [deciding[listener]],
                    outcome: start.fromEachOther[listener])
            }
        }
        for (other, (input, taken)) in zip(others, zip(inputs, traced.outcomes)) {
            let sent = input.sent[taken]
            if sent != held { messages.append(DeviatingMessage(path: path, receiver: other, value: sent)) }
            guard input.costs[taken] - reachability.deviation(sent, from: held) > 0 else { continue }
            try realize(
                path: path + [other], members: members.filter { $0 != other }, held: sent, rounds: rounds - 1,
                deciding: deciding, outcome: taken)
        }
    }
}
