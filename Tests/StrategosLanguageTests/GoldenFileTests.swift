import Testing

/// A golden mismatch reads as the lines that changed, where they are.
@Suite struct GoldenFileTests {
    @Test func sameTextsHaveNoDifference() {
        #expect(LineDifference(expected: "a\nb\n", actual: "a\nb\n") == nil)
    }

    @Test func aChangedLineIsShownWithItsNumberAndContext() throws {
        let expected = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let actual = expected.replacingOccurrences(of: "line 6\n", with: "line six\n")
        let difference = try #require(LineDifference(expected: expected, actual: actual))
        #expect(difference.description == """
            first difference at line 6 (golden: 11 lines, output: 11)
                  3  line 3
                  4  line 4
                  5  line 5
            -     6  line 6
            +     6  line six
                  7  line 7
                  8  line 8
                  9  line 9
            """)
    }

    @Test func anAddedLineShowsNoGoldenLinesAndALongChangeIsCut() throws {
        let added = try #require(LineDifference(expected: "a\nb\n", actual: "a\nnew\nb\n"))
        #expect(added.description == "first difference at line 2 (golden: 3 lines, output: 4)\n      1  a\n+     2  new\n      3  b\n      4  ")
        let long = try #require(LineDifference(expected: "", actual: String(repeating: "x\n", count: 20)))
        #expect(long.description.hasSuffix("+        … 8 more lines\n     21  "))
    }
}
