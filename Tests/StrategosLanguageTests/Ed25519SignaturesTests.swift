import ByzantineEngine
@testable import Ed25519Signatures
import Foundation
import Testing
@testable import StrategosLanguage

/// `signatures ed25519`: SM(m) with real keys decides exactly as with the
/// modelled signatures, and its forgeries fail real verification.
@Suite struct Ed25519SignaturesTests {
    static let keys = try? Ed25519Signatures(generals: 4, seed: 7)

    @Test func aSignatureHoldsForWhatWasSignedOnly() throws {
        let keys = try #require(Self.keys)
        let chain: [Int32] = [0, 2]
        let signature = keys.sign(value: 1, chain: chain[...], signer: 2)
        #expect(signature.count == 64, "an Ed25519 signature is 64 bytes")
        #expect(keys.verify(signature, value: 1, chain: chain[...], signer: 2))
        #expect(!keys.verify(signature, value: 0, chain: chain[...], signer: 2), "another value")
        #expect(!keys.verify(signature, value: 1, chain: [0, 3][...], signer: 2), "another chain")
        #expect(!keys.verify(signature, value: 1, chain: chain[...], signer: 3), "another general's key")
        #expect(!keys.verify(signature, value: 1, chain: chain[...], signer: 9), "no such general")
    }

    @Test func keysAndSignaturesFollowTheSeed() throws {
        let keys = try #require(Self.keys)
        let again = try Ed25519Signatures(generals: 4, seed: 7)
        let other = try Ed25519Signatures(generals: 4, seed: 8)
        let chain: [Int32] = [0]
        let signature = keys.sign(value: 0, chain: chain[...], signer: 0)
        #expect(again.sign(value: 0, chain: chain[...], signer: 0) == signature)
        #expect(again.verify(signature, value: 0, chain: chain[...], signer: 0))
        #expect(!other.verify(signature, value: 0, chain: chain[...], signer: 0))
    }

    /// A key that cannot be made is an error, not a gap that would shift every
    /// later general's key onto the general before it.
    @Test func aKeyThatCannotBeMadeStopsTheScheme() {
        struct Refused: Error {}
        var made = 0
        #expect(throws: EngineError.signingKeyUnavailable(general: 2)) {
            try Ed25519Signatures(generals: 4, seed: 7) { bytes in
                guard made < 2 else { throw Refused() }
                made += 1
                return try .init(rawRepresentation: bytes)
            }
        }
    }

    static let scenarios = [
        "generals 3\ngeneral L2 traitor lies retreat\nrun sm(1)",
        "generals 3\ngeneral C traitor lies attack to L1 and retreat to L2\nrun sm(1)",
        "generals 4\ngeneral C traitor lies attack to L2 and retreat to L1 and silent to L3\ngeneral L1 traitor silent to L2\nrun sm(1)",
        "generals 4\ngeneral C traitor lies attack to L2 and retreat to L1 and silent to L3\ngeneral L1 traitor silent to L2\nrun sm(2)",
        "generals 5\ngeneral L2 traitor flips\ngeneral L4 traitor lies hold to L1, L3\nrun sm(2)",
        "seed 3\ngenerals 6\ngeneral C traitor random\ngeneral L5 traitor random\nrun sm(2)",
    ]

    @Test(arguments: scenarios)
    func realKeysDecideAsTheModelDoes(_ script: String) throws {
        let modelled = try #require(ScriptHarness.run(script).runs.last)
        let real = try #require(ScriptHarness.run("signatures ed25519\n" + script).runs.last)
        #expect(real.signatures == .ed25519)
        #expect(modelled.signatures == .modelled)
        #expect(real.rows == modelled.rows)
        #expect(real.messages == modelled.messages)
        #expect(real.discarded == modelled.discarded)
        #expect(real.agreement == modelled.agreement)
        #expect(real.validity == modelled.validity)
    }

    @Test func theSchemeIsNamedInTextAndJSONOnlyWhenReal() throws {
        let run = try #require(ScriptHarness.run("signatures ed25519\ngenerals 3\nrun sm(1)").runs.last)
        #expect(RunRenderer.text(run, style: TextStyle(color: false)).hasPrefix(
            "SM(1) · 3 generals · commander C orders attack · default retreat · signatures ed25519\n"))
        #expect(RunRenderer.json(run).hasSuffix(#""discarded":0,"signatures":"ed25519"}"# + "\n"))
        let modelled = try #require(ScriptHarness.run("generals 3\nrun sm(1)").runs.last)
        #expect(!RunRenderer.json(modelled).contains("signatures"))
        let om = try #require(ScriptHarness.run("signatures ed25519\ngenerals 4\nrun om(1)").runs.last)
        #expect(om.signatures == nil, "oral messages are not signed")
    }

    @Test func resetGoesBackToTheModel() {
        var session = Session()
        _ = ScriptHarness.run("signatures ed25519", in: &session)
        #expect(session.scenario.signatures == .ed25519)
        _ = ScriptHarness.run("reset", in: &session)
        #expect(session.scenario.signatures == .modelled)
    }
}
