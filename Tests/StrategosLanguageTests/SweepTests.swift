import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import StrategosLanguage

/// `sweep`: the paper's bound n > 3m as a table of proofs and
/// counterexamples, runs over a range, the JSON and the chart, and its errors.
@Suite struct SweepTests {
    static func sweep(_ script: String) throws -> SweepReport {
        let result = ScriptHarness.run(script)
        #expect(result.errors.isEmpty, "\(result.renderedErrors)")
        return try #require(result.events.compactMap { event -> SweepReport? in
            if case .sweep(let report) = event { report } else { nil }
        }.last)
    }

    /// OM(m) is proved exactly where n > 3m and refuted everywhere else it can run.
    @Test func verifyDrawsTheBound() throws {
        let report = try Self.sweep("sweep verify om for generals 3 to 10, m 1 to 3")
        for m in 1...3 {
            for n in 3...10 {
                let cell = report.cell(generals: n, m: m)
                if m >= n - 1 {
                    #expect(cell == .notApplicable, "n=\(n), m=\(m)")
                } else {
                    #expect(cell == (n > 3 * m ? .holds(proof: true) : .fails), "n=\(n), m=\(m)")
                }
            }
        }
        let text = SweepRenderer.text(report, style: TextStyle(color: false))
        #expect(text.contains("m=2  ·    ✗    ✗    ✗    ✓    ✓    ✓    ✓"))
    }

    /// A cell is a numbered army of its own: the scenario's named army, its
    /// commander, links and partitions do not come along.
    @Test func cellsLeaveTheScenariosArmyBehind() throws {
        let report = try Self.sweep("generals A, B, C, D\ncommander B\nlinks ring\npartition A, B | C, D\nsweep verify om for generals 3 to 5, m 1 to 1")
        #expect(report.cells == [[.fails, .holds(proof: true), .holds(proof: true)]])
    }

    /// SM(m) holds for any number of traitors.
    @Test func signedMessagesHoldEverywhere() throws {
        let report = try Self.sweep("sweep verify sm for generals 3 to 6, m 1 to 3")
        #expect(report.cells.joined().allSatisfy { $0 == .holds(proof: true) || $0 == .notApplicable })
    }

    /// A run sweep uses the scenario's faulty generals; a cell whose army lacks one says so.
    @Test func runUsesTheScenariosTraitors() throws {
        let twoFaced = try Self.sweep("general C traitor lies retreat to L1\nsweep run om for generals 3 to 5, m 0 to 1")
        #expect(twoFaced.cells[0].allSatisfy { $0 == .fails }, "OM(0) has no relays to expose two faces")
        #expect(twoFaced.cells[1].allSatisfy { $0 == .holds(proof: false) })
        let far = try Self.sweep("general L4 traitor lies retreat\nsweep run om for generals 3 to 6, m 1 to 1")
        #expect(far.cell(generals: 3, m: 1) == .refused("no L4 among 3 generals"))
        #expect(far.cell(generals: 5, m: 1) == .holds(proof: false))
        #expect(SweepRenderer.text(far, style: TextStyle(color: false)).contains("! refused: no L4 among 3 generals (and 1 more)"))
    }

    @Test func jsonAndChart() throws {
        let report = try Self.sweep("sweep verify om for generals 3 to 4, m 1 to 1")
        #expect(SweepRenderer.json(report)
            == #"{"sweep":"verify","algorithm":"om","generals":[3,4],"m":[1,1],"cells":[{"n":3,"m":1,"result":"counterexample"},{"n":4,"m":1,"result":"proof"}]}"# + "\n")
        let svg = SweepRenderer.svg(report)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("n = 3m + 1") && svg.contains(">✓<") && svg.contains(">✗<"))
        let (result, files) = ExportTests.exports(of: "sweep verify om for generals 3 to 4, m 1 to 1\nexport sweep \"bound.svg\"\nshow sweep")
        #expect(result.errors.isEmpty)
        #expect(files["bound.svg"] == svg)
    }

    /// As a page: the chart inline, the table under it, nothing from elsewhere.
    @Test func aSweepExportsAsAPage() throws {
        let (result, files) = ExportTests.exports(of: "sweep verify om for generals 3 to 4, m 1 to 1\nexport sweep \"bound.html\"")
        #expect(result.errors.isEmpty)
        let page = try #require(files["bound.html"])
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg ") && !page.contains("<?xml"))
        #expect(page.contains("<pre class=\"sweep\">sweep verify OM(m)"))
        #expect(page.contains("m=1  ✗    ✓"))
    }

    /// The pictures the README shows are what the commands write today.
    @Test func theReadmesPicturesAreCurrent() throws {
        let (_, files) = ExportTests.exports(of: """
            generals 4
            general L3 traitor lies retreat to L1 and hold to L2
            run om(1)
            export trace "fig3-trace-strategos.svg"
            sweep verify om for generals 3 to 10, m 1 to 3
            export sweep "bound.svg"
            """)
        let docs = ExampleGoldenTests.repository.appendingPathComponent("docs")
        for name in ["fig3-trace-strategos.svg", "bound.svg"] {
            let text = try #require(files[name])
            GoldenFile.expect(text, matches: docs.appendingPathComponent(name))
        }
    }

    @Test(arguments: [
        ("sweep verify om for generals 2 to 5, m 1 to 2", "a sweep takes armies of 3 to"),
        ("sweep verify om for generals 10 to 3, m 1 to 2", "the range 10 to 3 is empty; write the smaller number first, as in '3 to 10'"),
        ("sweep verify om for generals 3 to 100, m 0 to 30", "cells, more than the 400 one sweep computes; narrow a range"),
        ("sweep verify twogenerals for generals 3 to 5, m 1 to 2", "expected 'om' or 'sm' after 'verify'"),
        ("sweep verify om for generals 3 to 5", "expected ',' and the range of m"),
        ("show sweep", "there is no sweep to show yet"),
        ("sweep verify om for generals 3 to 4, m 1 to 1\nexport sweep \"bound.dot\"", "cannot be exported as Graphviz DOT; use .svg"),
    ])
    func errors(script: String, message: String) {
        let result = ScriptHarness.run(script)
        #expect(result.renderedErrors.first?.contains(message) == true, "\(result.renderedErrors)")
    }
}
