/// Turns an outcome the reachability found into the messages that make it:
/// top-down through the concrete recursion, each invocation weighs its
/// inputs again with every step kept, traces the cheapest tally back to the
/// outcome each input must give, and asks the input's sub-invocation for
/// that. A sub-invocation whose outcome costs nothing is left loyal.
struct OralMessagesWitness<Model: OralMessagesModel> {
    let model: Model
    private(set) var messages: [DeviatingMessage] = []

    init(model: Model) {
        self.model = model
    }

    /// Makes the loyal `deciding` lieutenants (one or two) of the invocation
    /// of `path.last` decide `outcome` (a value, or a pair as
    /// `first · values + second`) at the fewest deviating messages.
    mutating func realize(path: [Int], members: [Int], held: Int, rounds: Int, deciding: [Int], outcome: Int) throws(EngineError) {
        guard let commander = path.last else { throw .inconsistentVerification("an invocation without a commander") }
        let call = Call(commander: commander, members: members, held: held, rounds: rounds)
        let values = model.valueCount
        let decided = deciding.count == 1 ? [outcome] : [outcome / values, outcome % values]
        guard rounds > 0 else {
            for (lieutenant, value) in zip(deciding, decided) {
                try send(call, path: path, to: lieutenant, value)
            }
            return
        }
        let starts = model.starts(call, deciding: deciding)
        let others = members.filter { !deciding.contains($0) }
        let inputs = others.map { model.input(call, from: $0, deciding: deciding) }
        let combination = model.combination(call, deciding: deciding, starts: starts, inputs: inputs.map(\.costs), keepsLayers: true)
        guard let final = combination.cheapestTally(deciding: outcome),
              let traced = combination.trace(final, optionsPerInput: inputs.map(\.costs)),
              let start = starts.first(where: {
                  combination.startIndex($0.values) == traced.start && $0.cost == combination.layers.first?[traced.start]
              })
        else { throw .inconsistentVerification("no strategy makes \(deciding) decide outcome \(outcome) under \(path)") }

        for (lieutenant, value) in zip(deciding, start.sent) {
            try send(call, path: path, to: lieutenant, value)
        }
        if deciding.count == 2 {
            // Each deciding lieutenant hears the other's sub-invocation.
            for (teller, listener) in [(1, 0), (0, 1)] {
                let told = model.reach(call, child: deciding[teller], holding: start.sent[teller], deciding: [deciding[listener]])
                guard told[start.fromEachOther[listener]] > 0 else { continue }
                try realize(
                    path: path + [deciding[teller]], members: members.filter { $0 != deciding[teller] },
                    held: start.sent[teller], rounds: rounds - 1, deciding: [deciding[listener]],
                    outcome: start.fromEachOther[listener])
            }
        }
        for (other, (input, taken)) in zip(others, zip(inputs, traced.outcomes)) {
            let sent = input.sent[taken]
            let sending = try send(call, path: path, to: other, sent)
            guard input.costs[taken] - sending > 0 else { continue }
            try realize(
                path: path + [other], members: members.filter { $0 != other }, held: sent, rounds: rounds - 1,
                deciding: deciding, outcome: taken)
        }
    }

    /// Records the commander's message to `receiver` when it deviates; its cost.
    @discardableResult
    private mutating func send(_ call: Call, path: [Int], to receiver: Int, _ value: Int) throws(EngineError) -> Cost {
        guard let sending = model.sendable(call, to: receiver).first(where: { $0.value == value }) else {
            throw .inconsistentVerification("\(path) cannot make \(receiver) receive \(value)")
        }
        if sending.cost > 0 {
            let withheld = model.isWithheld(call, to: receiver, value: value)
            messages.append(DeviatingMessage(path: path, receiver: receiver, value: withheld ? nil : value, byNetwork: withheld))
        }
        return sending.cost
    }
}
