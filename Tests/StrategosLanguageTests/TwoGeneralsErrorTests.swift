import Testing

@testable import StrategosLanguage

/// Everything a user can get wrong about the Two Generals Problem: each error
/// points at the word to fix.
@Suite struct TwoGeneralsErrorTests {
    /// The script's errors as "line:column message".
    private func errors(_ text: String) -> [String] {
        let result = ScriptHarness.run(text)
        return result.errors.map {
            let location = result.file.location(of: $0.span.start)
            return "\(location.line):\(location.column) \($0.message)"
        }
    }

    @Test(arguments: [
        ("run twogenerals", ["1:5 'run twogenerals' needs the number of messengers, e.g. 'run twogenerals(2)'"]),
        ("run twogenerals(0)", ["1:17 twogenerals needs at least 1 messenger, not 0"]),
        ("run twogenerals(-2)", ["1:17 twogenerals needs at least 1 messenger, not -2"]),
        ("run twogenerals(101)", ["1:17 'run twogenerals' takes up to 100 messengers, not 101"]),
        (
            "verify twogenerals(13)",
            ["1:20 'verify twogenerals' takes up to 12 messengers (every pair of rules meets 2^k loss patterns, 4,096 at 12), not 13"]
        ),
        ("verify twogenerals", ["1:8 'verify twogenerals' needs the number of messengers, e.g. 'verify twogenerals(2)'"]),
        (
            "verify twogenerals(2) with 1 traitor",
            ["1:28 'with 1 traitor' is for verify om and sm; in the Two Generals Problem nobody is a traitor, and verify prints every pair of rules with the loss pattern that defeats it"]
        ),
        (
            "lose 3\nrun twogenerals(2)",
            ["2:17 'lose' captures messenger 3, but twogenerals(2) has messengers 1 to 2; change the 'lose' or send more messengers"]
        ),
        ("lose 2\nrun twogenerals(1)", ["2:17 'lose' captures messenger 2, but twogenerals(1) has only messenger 1; change the 'lose' or send more messengers"]),
        ("lose 0", ["1:6 messengers are numbered from 1, not 0"]),
        ("lose 1, 2, 1", ["1:12 messenger 1 is named twice in one 'lose'"]),
        (
            "A attacks if received 5\nrun twogenerals(2)",
            ["2:17 A can receive at most 1 messenger in twogenerals(2), so 'A attacks if received 5' could never attack; write 'A attacks never', or send more messengers"]
        ),
        (
            "messengers flood\nA attacks if received 1\nrun twogenerals(3)",
            ["3:17 A can receive at most 0 messengers in twogenerals(3) when A floods, so 'A attacks if received 1' could never attack; write 'A attacks never', or send more messengers"]
        ),
        ("B attacks if received -1", ["1:23 a general receives 0 messengers or more, not -1"]),
        ("C attacks always", ["1:1 no general named 'C' in the Two Generals Problem; the generals are A and B"]),
        ("loss 101%", ["1:6 a loss rate is 0% to 100%, not 101%"]),
        ("trials 0", ["1:8 trials must be 1 to 1,000,000, not 0"]),
        ("trials 2000000", ["1:8 trials must be 1 to 1,000,000, not 2,000,000"]),
        ("estimate twogenerals(3)", ["1:1 estimate needs a loss rate; set one first, e.g. 'loss 30%'"]),
        ("loss 5%\nestimate om(1)", ["2:10 estimate works on twogenerals, not om, e.g. 'estimate twogenerals(3)'"]),
        ("show table", ["1:1 there is no two-generals run to tabulate yet; 'show table' looks at the last 'run twogenerals(k)'"]),
        ("run om(1)\nshow table", ["2:1 'show table' looks at a 'run twogenerals(k)', but the last run was om(1)"]),
        (
            "run twogenerals(7)\nshow table",
            ["2:1 the truth table of twogenerals(7) would have 128 rows; 'show table' draws up to 6 messengers (64 rows)"]
        ),
        ("run twogenerals(2)\nshow trace", ["2:1 the last run was twogenerals(2), which has no trace, tree or stats; 'show table' tabulates it"]),
        ("run twogenerals(2)\nshow stats", ["2:1 the last run was twogenerals(2), which has no trace, tree or stats; 'show table' tabulates it"]),
        (
            "run twogenerals(2)\nexpect validity",
            ["2:1 'expect validity' checks a run of om or sm, but the last run was twogenerals(2); check it with 'expect agreement', 'expect violation', 'expect A decides attack' or 'expect messages N'"]
        ),
        ("run twogenerals(2)\nexpect L1 decides attack", ["2:8 no general named 'L1' in the Two Generals Problem; the generals are A and B"]),
        ("run twogenerals(2)\nexpect A decides hold", ["2:18 A and B decide attack or retreat, not 'hold'"]),
        ("lose 2\nexpect agreement", ["2:1 there is no run to check yet; 'expect' checks the last 'run'"]),
        (#"verify twogenerals(2) save "x.strat""#, ["1:28 'save' is for verify om and sm; in the Two Generals Problem nobody is a traitor, and verify prints every pair of rules with the loss pattern that defeats it"]),
        ("verify twogenerals(2) for order attack", ["1:33 'for order attack' is for verify om and sm; in the Two Generals Problem nobody gives an order, and verify tries every pair of rules against every loss pattern"]),
        // A two-generals run is not a verify: `expect holds` looks for a verify of om or sm.
        ("run twogenerals(2)\nexpect holds", ["2:1 'expect holds' checks the last 'verify' of om or sm, and there is none yet"]),
    ])
    func errorsPointAtTheWordToFix(script: String, expected: [String]) {
        #expect(errors(script) == expected)
    }

    @Test func anErrorStopsTheScript() {
        let result = ScriptHarness.run("lose 5\nrun twogenerals(2)\nprint \"not reached\"")
        #expect(result.outcome == .scriptError)
        #expect(result.printed == [])
    }
}
