import ByzantineEngine
import Foundation
import Testing

@testable import StrategosLanguage

/// `links`, `cut`, `link`, `show links`, `export links` and `run om(m, p)`:
/// the paper's Section 5, where not every pair of generals can talk.
@Suite struct LinksTests {
    private func run(_ text: String, settings: Session.Settings = Session.Settings()) -> ScriptResult {
        ScriptHarness.run(text, settings: settings)
    }

    private func onlyRun(_ text: String) throws -> RunReport {
        let result = run(text)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        return try #require(result.runs.last)
    }

    /// The scenario's graph as the session resolves it, as pairs of names.
    private func pairs(after text: String) throws -> [String] {
        var session = Session()
        let result = ScriptHarness.run(text, in: &session)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        guard case .declared(let names) = session.scenario.army else { return [] }
        let links = session.scenario.links.resolved(names: names, commander: session.commanderName)
        return RunReport.LinksSummary.pairs(of: links, names: names).map { "\($0.0)-\($0.1)" }
    }

    // MARK: - The graph

    @Test func aRingGoesRoundTheCommanderFirstThenTheArmyInOrder() throws {
        #expect(try pairs(after: "generals 5; links ring") == ["C-L1", "C-L4", "L1-L2", "L2-L3", "L3-L4"])
        #expect(try pairs(after: "generals 5; commander L2; links ring") == ["C-L1", "C-L2", "L1-L3", "L2-L4", "L3-L4"])
    }

    @Test func linksSetsTheWholeGraphAndForgetsEarlierEdits() throws {
        #expect(try pairs(after: "generals 4; links none; link C - L1, L2 - L3") == ["C-L1", "L2-L3"])
        #expect(try pairs(after: "generals 4; cut C - L1; links ring") == ["C-L1", "C-L3", "L1-L2", "L2-L3"])
        #expect(try pairs(after: "generals 4; links none; link C - L1; links complete").count == 6)
        // Edits after it apply in order.
        #expect(try pairs(after: "generals 4; links none; link L1 - L2; cut L2 - L1; link L2 - L3") == ["L2-L3"])
    }

    @Test func resetClearsTheGraph() throws {
        var session = Session()
        _ = ScriptHarness.run("generals 4; links ring; cut C - L1", in: &session)
        #expect(session.scenario.links != LinksDeclaration())
        _ = ScriptHarness.run("reset", in: &session)
        #expect(session.scenario.links == LinksDeclaration())
    }

    @Test func aLinkGrowsTheArmyMadeOnDemand() throws {
        let run = try onlyRun("cut L5 - L6; run om(1)")
        #expect(run.generals == ["C", "L1", "L2", "L3", "L4", "L5", "L6"])
        #expect(run.links?.links.areLinked(5, 6) == false)
    }

    @Test(arguments: [
        ("generals 4; link L1 - L7", "no general named L7; the army is C, L1, L2, L3; did you mean L1?"),
        ("generals A, B, C; cut A - D", "no general named D; the army is A, B, C; did you mean A?"),
        ("cut C - Alice", "no general named Alice; without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'"),
        ("link L2 - L2", "cannot link L2 to itself: a link joins two different generals"),
        ("cut C - C", "cannot cut C from itself: a link joins two different generals"),
        ("link L7 - L8; generals 4", "a 'cut' or 'link' names L7, which is not in the army C, L1, L2, L3; set the whole graph again with 'links complete' (or 'links ring', 'links none') or 'reset'"),
        ("generals 4; links none; run om(1)", "no general can message any other: the graph has no links; add some with 'link C - L1', or set them all with 'links complete' or 'links ring'"),
        ("generals 3; cut C - L1, C - L2, L1 - L2; run sm(1)", "no general can message any other: the graph has no links; add some with 'link C - L1', or set them all with 'links complete' or 'links ring'"),
    ])
    func errorsOfTheGraph(script: String, message: String) {
        let result = run(script)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [message])
    }

    @Test func aBadPairPointsAtItsName() {
        let result = run("generals 4\ncut L1 - L2, C - L9")
        let span = try? #require(result.errors.first?.span)
        #expect(span.map(result.file.text(of:)) == "L9")
        #expect(result.runs.isEmpty)
    }

    @Test func anEditThatFailsLeavesTheGraphAsItWas() {
        var session = Session()
        _ = ScriptHarness.run("generals 4; cut C - L1", in: &session)
        _ = ScriptHarness.run("cut L1 - L2, L3 - L9", in: &session)
        #expect(session.scenario.links.edits.map(\.first) == ["C"])
    }

    // MARK: - Runs on an incomplete graph

    @Test func omOnARingLosesValidityWithoutATraitor() throws {
        let run = try onlyRun("generals 4; links ring; run om(1)")
        #expect(run.faulty.isEmpty)
        #expect(!run.validity)
        #expect(!run.agreement)
        // L2 is the commander's only lieutenant out of reach: it hears C from L1 and L3.
        #expect(run.decision(of: "L2") == "attack")
        #expect(run.decision(of: "L1") == "retreat")
        #expect(run.messages == 6)
        let text = RunRenderer.text(run, style: TextStyle(color: false))
        #expect(text.contains("\nlinks: ring C - L1 - L2 - L3 - C; 2 of 6 missing\n"))
    }

    @Test func omOnACompleteGraphSaysNothingAboutLinks() throws {
        let run = try onlyRun("generals 4; links ring; links complete; run om(1)")
        #expect(run.links == nil)
        #expect(!RunRenderer.text(run, style: TextStyle(color: false)).contains("links"))
        #expect(!RunRenderer.json(run).contains("links"))
    }

    @Test func smOnARingHoldsWithMLargeEnough() throws {
        // Six generals in a ring: the loyal generals are 3 links apart, so
        // Theorem 4 needs m ≥ 0 + 3 − 1 = 2.
        let short = try onlyRun("generals 6; links ring; run sm(1)")
        #expect(short.links?.loyalDiameter == .diameter(3))
        #expect(short.meetsTheorem4 == false)
        #expect(!short.validity)
        #expect(short.decision(of: "L3") == "retreat")
        let enough = try onlyRun("generals 6; links ring; run sm(2)")
        #expect(enough.meetsTheorem4 == true)
        #expect(enough.agreement && enough.validity)
        #expect(enough.decisions.allSatisfy { $0.decision == "attack" })
        #expect(
            RunRenderer.text(enough, style: TextStyle(color: false)).contains(
                "\nTheorem 4: m = 2 ≥ t + d − 1 = 0 + 3 − 1 holds (t faulty generals, d the loyal generals' diameter)\n"))
        #expect(
            RunRenderer.text(short, style: TextStyle(color: false)).contains(
                "\nTheorem 4: m = 1 < t + d − 1 = 0 + 3 − 1 FAILS (t faulty generals, d the loyal generals' diameter): SM(1) does not guarantee IC1 and IC2\n"))
    }

    @Test func smSaysWhenTheLoyalGeneralsAreNotConnected() throws {
        let run = try onlyRun("generals 6; links ring; general L3 traitor; cut L1 - L2; run sm(3)")
        #expect(run.links?.loyalDiameter == .notConnected)
        #expect(run.meetsTheorem4 == false)
        #expect(
            RunRenderer.text(run, style: TextStyle(color: false)).contains(
                "\nTheorem 4: not connected: some loyal generals cannot reach each other through loyal generals, so no SM(m) guarantees IC1 and IC2\n"))
    }

    private func linksLine(_ script: String) throws -> String {
        let run = try onlyRun(script)
        return try #require(RunRenderer.text(run, style: TextStyle(color: false)).split(separator: "\n").first { $0.hasPrefix("links:") }.map(String.init))
    }

    @Test func theLinksLineNamesAtMostEightMissingLinks() throws {
        #expect(
            try linksLine("generals 7; links ring; link C - L3; run om(1)")
                == "links: 13 of 21 missing: C - L2, C - L4, C - L5, L1 - L3, L1 - L4, L1 - L5, L1 - L6, L2 - L4, … ('show links' lists every general's neighbours)")
        #expect(try linksLine("generals 5; cut L1 - L2; run om(1)") == "links: 1 of 10 missing: L1 - L2")
    }

    @Test func theLinksLineDrawsARingAsItsCycleFromTheCommander() throws {
        #expect(try linksLine("generals 6; commander L3; links ring; run om(1)") == "links: ring L3 - C - L1 - L2 - L4 - L5 - L3; 9 of 15 missing")
        #expect(try linksLine("generals 13; links ring; run om(1)") == "links: ring of 13 generals in army order, commander first; 65 of 78 missing")
    }

    @Test func jsonListsTheLinksPresentOnlyWhenSomeAreMissing() throws {
        let cut = try onlyRun("generals 4; cut C - L1; run om(1)")
        #expect(
            RunRenderer.json(cut)
                == #"{"algorithm":"om","m":1,"generals":["C","L1","L2","L3"],"commander":"C","order":"attack","default":"retreat","faulty":[],"decisions":{"L1":"attack","L2":"attack","L3":"attack"},"agreement":true,"validity":true,"messages":8,"rounds":2,"links":[["C","L2"],["C","L3"],["L1","L2"],["L1","L3"],["L2","L3"]]}"# + "\n")
        let sm = try onlyRun("generals 4; links ring; run sm(2)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(RunRenderer.json(sm).utf8)) as? [String: Any])
        #expect(object["links"] as? [[String]] == [["C", "L1"], ["C", "L3"], ["L1", "L2"], ["L2", "L3"]])
        #expect(object["sets"] != nil)
        let complete = try onlyRun("generals 4; run om(1)")
        #expect(!RunRenderer.json(complete).contains("links"))
    }

    @Test func verifySearchesTheGraphItIsGiven() throws {
        // On a complete graph of 4 OM(1) holds; on a ring, the commander's
        // order never reaches L2 directly, and one traitor is enough.
        let complete = run("generals 4; verify om(1); expect holds")
        #expect(complete.outcome == .success, "\(complete.rendered)")
        let ring = run("generals 4; links ring; verify om(1); expect counterexample")
        #expect(ring.outcome == .success, "\(ring.rendered)")
    }

    // MARK: - show links and export links

    @Test func showLinksOfACompleteGraph() throws {
        #expect(
            try shown("generals 4; show links") == """
                links · 4 generals · complete: every general linked to every other
                regularity    3-regular: every general has a regular set of 3 neighbours (the paper's Definition 1), all the others
                connectivity  3: no removal of generals disconnects the rest
                diameter      1: every two loyal generals are linked (Theorem 4's d)


                """)
    }

    @Test func showLinksOfARingMarksTheFaulty() throws {
        #expect(
            try shown("generals 5; general L2 traitor; links ring; show links") == """
                links · 5 generals · ring · 5 of 10 pairs linked · faulty L2
                  C   L1, L4
                  L1  C, L2
                  L2  L1, L3  faulty
                  L3  L2, L4
                  L4  C, L3
                regularity    2-regular: every general has a regular set of 2 neighbours (the paper's Definition 1); C has none of 3
                connectivity  2: the rest stay connected after removing any 1 general
                diameter      3: every two loyal generals are at most 3 links apart through loyal generals (Theorem 4's d)


                """)
    }

    @Test func showLinksOfAGraphWithACut() throws {
        #expect(
            try shown("generals 4; cut C - L1; show links") == """
                links · 4 generals · 5 of 6 pairs linked
                  C   L2, L3
                  L1  L2, L3
                  L2  C, L1, L3
                  L3  C, L1, L2
                regularity    2-regular: every general has a regular set of 2 neighbours (the paper's Definition 1); C has none of 3
                connectivity  2: the rest stay connected after removing any 1 general
                diameter      2: every two loyal generals are at most 2 links apart through loyal generals (Theorem 4's d)


                """)
    }

    @Test func showLinksSaysWhenTheLoyalGeneralsAreCutOff() throws {
        let text = try shown("generals 4; links none; link C - L1, L1 - L2, L2 - L3; general L1 traitor; show links")
        #expect(text.contains("\nconnectivity  1: removing one general can disconnect the rest\n"))
        #expect(text.contains("\ndiameter      not connected: some loyal generals cannot reach each other through loyal generals (Theorem 4 needs them connected)\n"))
        // L1 stands between C and the rest, so no neighbour of L1 reaches everyone else without it.
        #expect(text.contains("\nregularity    0-regular: L1 has no regular set of even 1 neighbour (the paper's Definition 1)\n"))
        #expect(try shown("generals 5; links none; link C - L1, C - L2, L1 - L3, L2 - L3, L3 - L4, L4 - C; show links").contains("\nregularity    1-regular: every general has a regular set of 1 neighbour (the paper's Definition 1); C has none of 2\n"))
    }

    @Test func showLinksNeedsNoRunAndUsesTheArmyARunWouldMake() throws {
        let text = try shown("general L4 traitor; links ring; show links")
        #expect(text.hasPrefix("links · 5 generals · ring · 5 of 10 pairs linked · faulty L4\n"))
    }

    /// Beyond `Army.largestGraph` generals a graph with links missing is refused (its analysis runs flows).
    @Test func aGraphWithLinksMissingTakesAtMostSixteenGenerals() {
        let result = run("generals 17; cut C - L1; run om(1)")
        #expect(result.outcome == .scriptError)
        #expect(result.errors.first?.message.hasPrefix("a graph with links missing takes at most 16 generals") == true)
        #expect(run("generals 17; links complete; run om(1)").errors.isEmpty)
    }

    @Test func aLongListOfNeighboursIsCutShort() throws {
        let text = try shown("generals 16; cut C - L1; show links")
        #expect(text.contains("\n  L1   L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, … (14 in all)\n"))
    }

    @Test func exportLinksWritesGraphvizThatRendersAndMermaid() throws {
        let writer = MemoryWriter()
        var settings = Session.Settings()
        settings.writer = writer
        let result = run("generals 4; links ring; general L2 traitor; export links \"g.dot\"; export links \"g.mmd\"", settings: settings)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        #expect(result.printed == ["exported the links to g.dot (Graphviz DOT)", "exported the links to g.mmd (Mermaid)"])
        let dot = try #require(writer.files["g.dot"])
        #expect(
            dot == """
                graph links {
                    label="links of 4 generals: 2-regular, commander C"; labelloc=t; fontname="Helvetica";
                    node [shape=circle, fontname="Helvetica"];
                    g0 [label="C", style=bold];
                    g1 [label="L1"];
                    g2 [label="L2", color=red, fontcolor=red, xlabel="faulty"];
                    g3 [label="L3"];
                    g0 -- g1;
                    g0 -- g3;
                    g1 -- g2;
                    g2 -- g3;
                }

                """)
        #expect(try ExportTests.renderWithGraphviz(dot).contains("<svg"))
        #expect(
            writer.files["g.mmd"] == """
                flowchart LR
                    %% links of 4 generals: 2-regular, commander C
                    g0(("C"))
                    g1(("L1"))
                    g2(("L2 faulty"))
                    g3(("L3"))
                    g0 --- g1
                    g0 --- g3
                    g1 --- g2
                    g2 --- g3
                    classDef faulty stroke:#c00,color:#c00,stroke-width:2px
                    class g2 faulty
                    style g0 stroke-width:3px

                """)
    }

    @Test func exportLinksRefusesJSONAndGraphsTooLargeToDraw() {
        let json = run("generals 4; export links \"g.json\"")
        #expect(json.errors.map(\.message) == ["the links cannot be exported as JSON; use .mmd or .dot"])
        var settings = Session.Settings()
        settings.writer = MemoryWriter()
        settings.traceLimit = 5
        let large = run("generals 4; export links \"g.dot\"", settings: settings)
        #expect(
            large.errors.map(\.message) == [
                "the graph has 6 links, more than the 5 an export draws; 'show links' summarises it (raise the limit)"
            ])
    }

    @Test func showArmyListsTheGraphAsStatements() {
        let scenario = {
            var session = Session()
            _ = ScriptHarness.run("generals 4; links ring; cut C - L1, L2 - L3; link C - L2", in: &session)
            return session.scenario
        }()
        #expect(ScenarioRenderer.text(scenario, style: TextStyle(color: false)).contains("\nlinks      links ring; cut C - L1, L2 - L3; link C - L2\n"))
    }

    // MARK: - OM(m, p)

    /// Six generals, each linked to three: two triangles joined by a matching
    /// (a prism), which is 3-regular in the paper's sense.
    static let prism = "generals 6; links none; link C - L1, L1 - L2, L2 - C, L3 - L4, L4 - L5, L5 - L3, C - L3, L1 - L4, L2 - L5"

    @Test func omMPRunsOnARegularGraphAndCountsMessagesPerLink() throws {
        let result = run(Self.prism + "; general L4 traitor lies retreat; run om(1, 3); expect consensus; expect messages 21")
        #expect(result.outcome == .success, "\(result.rendered)")
        #expect(result.warnings.isEmpty)
        let run = try #require(result.runs.first)
        #expect(run.p == 3)
        #expect(run.title == "OM(1, 3)")
        #expect(run.messagesPerRound == [3, 12, 6])
        let text = RunRenderer.text(run, style: TextStyle(color: false))
        #expect(text.hasPrefix("OM(1, 3) · 6 generals · commander C orders attack · default retreat\n"))
        #expect(text.hasSuffix("\n21 messages in 3 rounds · a message relayed along a path of k links counts as k\n\n"))
        #expect(RunRenderer.json(run).hasPrefix(#"{"algorithm":"om","m":1,"p":3,"generals":"#))
    }

    @Test func theTreeOfOMMPFollowsEachValueAlongItsPath() throws {
        let text = try shown(Self.prism + "; general L4 traitor lies retreat; run om(1, 3); show tree L5")
        #expect(
            text == """
                L5 decides attack
                majority(L1: retreat, L2: attack, L3: attack) = attack
                ├─ L1: retreat   C → L1 → L4 → L5 (lie: a loyal L4 sends attack)
                ├─ L2: attack    C → L2 → L5
                └─ L3: attack    C → L3 → L5


                """)
    }

    @Test func traceAndStatsWorkForOMMP() throws {
        let trace = try shown(Self.prism + "; run om(1, 3); show trace to L5 round 3")
        #expect(trace.hasPrefix("trace of OM(1, 3) · 6 generals · 1 of 21 messages shown\n"))
        #expect(trace.contains("C → L1 → L4 → L5  attack"))
        let stats = try shown(Self.prism + "; run om(1, 3); show stats")
        #expect(stats.hasPrefix("stats of OM(1, 3) · 6 generals · 3 rounds\n"))
        #expect(stats.contains("total        21         —"))
    }

    /// A link of a relay says which lieutenant the value is for, in text and in JSON.
    @Test func aRelayLinkSaysWhoTheValueIsFor() throws {
        let trace = try shown(Self.prism + "; run om(1, 3); show trace round 2")
        #expect(trace.contains("C → L1 → L4 (for L5)  attack"), "\(trace)")
        var settings = Session.Settings()
        settings.recordTraces = true
        var session = Session(settings: settings)
        _ = ScriptHarness.run(Self.prism + "; run om(1, 3)", in: &session)
        let run = try #require(session.lastRun)
        let json = try #require(run.trace.map { TraceJSONExporter.document(run, trace: $0) })
        #expect(json.contains(#""path":["C","L1"],"receiver":"L4","destination":"L5""#))
    }

    @Test func omMPBelowTheBoundWarns() throws {
        let result = run("generals 7; run om(1, 2)")
        #expect(result.errors.isEmpty)
        #expect(
            result.warnings.map(\.message) == [
                "p = 2 is less than 3m = 3: the paper's Theorem 3 needs p ≥ 3m, so OM(1, 2) does not guarantee IC1 and IC2"
            ])
        #expect(result.runs.first?.isBoundBroken == true)
    }

    @Test func onDemandTheArmyGrowsToP() throws {
        let run = try onlyRun("run om(1, 5)")
        #expect(run.generals.count == 6)
    }

    @Test(arguments: [
        ("generals 4; run om(1, 0)", "p must be 1 or more, got 0: in OM(m, p) the commander sends its order to a regular set of p neighbours", "0"),
        ("generals 7; run om(2, 1)", "OM(2, 1) needs p ≥ m: each level of its recursion has a regular set one smaller, so p = 1 runs out before m = 2 does", "1"),
        ("generals 7; run om(0, 3)", "OM(m, p) needs m ≥ 1, got 0; 'run om(0)' runs OM(0), in which the commander's order is all there is", "0"),
        ("generals 7; links ring; run om(1, 5)", "C has no regular set of 5 neighbours (the paper's Definition 1): it has only 2 neighbours; OM(1, 5) needs a 5-regular graph, and this one is only 2-regular ('show links' shows it)", "5"),
        (prism + "; cut L1 - L4; run om(1, 3)", "C has no regular set of 3 neighbours (the paper's Definition 1): its 3 neighbours do not reach every other general by paths that avoid C and meet only where they end; OM(1, 3) needs a 3-regular graph, and this one is only 2-regular ('show links' shows it)", "3"),
        ("generals 8; cut L1 - L2, L1 - L3; run om(2, 6)", "C has no regular set of 6 neighbours (the paper's Definition 1): no 6 of its 7 neighbours reach every other general by paths that avoid C and meet only where they end; OM(2, 6) needs a 6-regular graph, and this one is only 5-regular ('show links' shows it)", "6"),
        ("generals 4; verify om(1, 3)", "verify checks OM(m) and SM(m) on the current graph, not OM(m, p); 'run om(m, p)' runs it, and 'verify om(m)' checks OM(m) on the same links", "3"),
        ("generals 4; run om(3, 3)", "om(3) needs m < n − 1, but the army has 4 generals (n − 1 = 3)", "3"),
    ])
    func errorsOfOMMP(script: String, message: String, pointsAt: String) throws {
        let result = run(script)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [message])
        let span = try #require(result.errors.first?.span)
        #expect(result.file.text(of: span) == pointsAt)
    }

    @Test func aGeneralWithoutARegularSetDeeperDownIsNamedWithItsLevel() {
        let diagnostic = Diagnostic.notRegular("L3", p: 2, .nested(m: 1, commanders: 1), at: SourceSpan(start: 0, end: 0))
        #expect(
            diagnostic.message
                == "L3 has no regular set of 2 neighbours (the paper's Definition 1) in the graph without the commander above it, where OM(m, p) runs OM(1, 2); it needs one at every level of its recursion")
        let deeper = Diagnostic.notRegular("L3", p: 1, .nested(m: 1, commanders: 2), at: SourceSpan(start: 0, end: 0))
        #expect(deeper.message.contains("regular set of 1 neighbour (the paper's Definition 1) in the graph without the 2 commanders above it"))
    }

    @Test func anOMMPRunThatPassesTheMessageLimitSaysSo() {
        var settings = Session.Settings()
        settings.messageLimit = 10
        let result = run(Self.prism + "; run om(1, 3)", settings: settings)
        #expect(result.errors.map(\.message) == ["om(1, 3) with 6 generals sends more than the limit of 10 messages; raise it"])
    }

    /// Every view the script shows, as text without colour.
    private func shown(_ text: String) throws -> String {
        let result = run(text)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        var shown = ""
        for case .shown(let view) in result.events {
            shown += ViewRenderer.text(view, style: TextStyle(color: false))
        }
        return shown
    }
}
