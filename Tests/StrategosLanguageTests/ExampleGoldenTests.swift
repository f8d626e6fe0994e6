import Foundation
import Testing
@testable import StrategosLanguage

/// Every script in `examples/` is a golden test: its output (standard output
/// and standard error interleaved, as a terminal shows them, without colour) is
/// compared with the checked-in `examples/NAME.out`. After reviewing a change,
/// regenerate with `STRATEGOS_UPDATE_GOLDEN=1 swift test --filter ExampleGoldenTests`.
///
/// The numbered scripts are a course that teachers hand out, so the suite also
/// holds them to the shape of a lesson: numbered in order, each opening with
/// what to look at and what to change, each listed in `examples/README.md`.
@Suite struct ExampleGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = repository.appendingPathComponent("examples").path

    static func names(endingWith suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    static var examples: [String] { names(endingWith: ".strat") }

    /// The numbered lessons, in the order they are taught.
    static var lessons: [String] { examples.filter { $0.first?.isNumber == true } }

    /// A lesson's exports go to `writer`, so the tests write nothing into `examples/`.
    static func transcript(of name: String, writer: MemoryWriter = MemoryWriter()) -> Transcript {
        var settings = Session.Settings()
        settings.writer = writer
        return Transcript.run("examples/" + name, in: repository.path, settings: settings)
    }

    static func text(of name: String) -> String {
        (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
    }

    @Test func thereAreExamples() {
        #expect(Self.lessons.count >= 16)
        #expect(Self.examples.contains("tour.strat"))
        #expect(Self.examples == Self.lessons + ["tour.strat"], "besides the tour, every example is a numbered lesson")
    }

    @Test(arguments: examples)
    func exampleMatchesItsGoldenOutput(_ name: String) {
        let transcript = Self.transcript(of: name)
        #expect(transcript.outcome == .success, "every example must run with all its expectations met")
        let golden = URL(fileURLWithPath: Self.directory + "/" + name.dropLast(".strat".count) + ".out")
        GoldenFile.expect(transcript.text, matches: golden)
    }

    /// Lessons 5, 7, 8 and 15 each write their run as a page named after the
    /// lesson, which examples/README.md says how to open; running a lesson by
    /// hand leaves the page beside it, where git ignores it.
    @Test(arguments: ["05-oral-messages-om1", "07-fig3-lying-lieutenant", "08-fig4-two-faced-commander", "15-sm-decision-rules-fig5"])
    func lessonExportsAReport(_ lesson: String) throws {
        let writer = MemoryWriter()
        _ = Self.transcript(of: lesson + ".strat", writer: writer)
        let page = try #require(writer.files[lesson + ".html"], "\(lesson) exports \(lesson).html")
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<section class=\"round\""))
        #expect(Self.text(of: "README.md").contains(lesson + ".html"))
        let ignored = (try? String(contentsOf: Self.repository.appendingPathComponent(".gitignore"), encoding: .utf8)) ?? ""
        #expect(ignored.contains("/examples/*.html"))
    }

    /// A golden output whose script was renamed or removed would otherwise linger unchecked.
    @Test func everyGoldenOutputHasAScript() {
        for golden in Self.names(endingWith: ".out") {
            #expect(Self.examples.contains(golden.dropLast(".out".count) + ".strat"), "examples/\(golden) has no script")
        }
    }

    /// A student who runs a lesson twice must see the same thing: seeded
    /// randomness, verify's parallel search and SM's keys may not leak into the output.
    @Test(arguments: examples)
    func exampleRunsTheSameTwice(_ name: String) {
        #expect(Self.transcript(of: name).text == Self.transcript(of: name).text)
    }

    @Test func lessonsAreNumberedOneByOne() {
        for (index, name) in Self.lessons.enumerated() {
            let prefix = String(format: "%02d-", index + 1)
            #expect(name.hasPrefix(prefix), "lesson \(index + 1) is \(name), expected a name starting \(prefix)")
            let words = name.dropFirst(prefix.count).dropLast(".strat".count)
            #expect(words.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name) is not kebab-case")
        }
    }

    /// Each lesson opens with comment lines that say what it shows, what to
    /// look at in the output, and one line to change to see it break or recover.
    @Test(arguments: lessons)
    func lessonOpensWithWhatToLookAtAndWhatToChange(_ name: String) {
        let opening = Self.text(of: name).split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("#") }
        #expect(opening.count >= 3, "\(name) opens with no comment")
        #expect(opening.contains { $0.hasPrefix("# Look at:") }, "\(name) does not say what to look at")
        #expect(opening.contains { $0.hasPrefix("# Change: ") && $0.contains("→") }, "\(name) has no `# Change: … → …` line")
    }

    @Test func theExamplesReadmeRunsEveryExampleInOrder() {
        let readme = Self.text(of: "README.md")
        let commands = readme.components(separatedBy: "swift run strategos examples/").dropFirst()
            .map { String($0.prefix { $0 != "`" }) }
        #expect(commands == ["tour.strat"] + Self.lessons)
    }
}
