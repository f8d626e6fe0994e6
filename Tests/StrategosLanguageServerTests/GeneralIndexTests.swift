import Testing
@testable import StrategosLanguageServer

/// Which words are generals, for hover and go to definition: those a
/// statement names, and without `generals A, B, …` the army made on demand.
@Suite struct GeneralIndexTests {
    @Test func anOnDemandLieutenantIsAGeneralUntilTheArmyIsNamed() throws {
        let onDemand = Document(uri: "untitled:1", text: "run om(1)\nshow tree L2\n")
        let l2 = try #require(GeneralIndex(general: "L2", in: onDemand))
        #expect(l2.definitions.isEmpty && l2.rules.isEmpty)
        #expect(GeneralIndex(general: "L02", in: onDemand) == nil)
        #expect(GeneralIndex(general: "L0", in: onDemand) == nil)
        #expect(GeneralIndex(general: "attack", in: onDemand) == nil)
        let named = Document(uri: "untitled:2", text: "generals A, B, C\nshow tree L2\n")
        #expect(GeneralIndex(general: "L2", in: named) == nil)
        #expect(GeneralIndex(general: "C", in: named)?.definitions.count == 1)
    }

    @Test func rulesAreListedInOrderAsTheLanguagePrintsThem() throws {
        let document = Document(uri: "untitled:3", text: "general L3 traitor\ncommander L3\ngeneral L3 loyal\ngeneral L3 silent to L1 in round 2\n")
        let l3 = try #require(GeneralIndex(general: "L3", in: document))
        #expect(l3.rules == ["general L3 traitor flips", "general L3 loyal", "general L3 traitor silent to L1 in round 2"])
        #expect(l3.definitions.map { document.file.position(of: $0.start).line } == [0, 1, 2, 3])
    }
}
