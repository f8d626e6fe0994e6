import StrategosLanguage
import Testing
@testable import StrategosLanguageServer

/// Byte offsets and protocol positions: lines from 0, columns in UTF-16 code
/// units, which differ from bytes and from characters on a non-ASCII line.
@Suite struct PositionTests {
    // `Ω` is 2 bytes and 1 unit, `𝄞` 4 bytes and 2 units.
    let file = SourceFile(name: "t.strat", text: "generals 3\nprint \"Ω𝄞\"; run om(5)\n")

    @Test func anOffsetAfterWideCharactersCountsUTF16Units() throws {
        let run = try #require(file.text.utf8.firstRange(of: "run".utf8))
        let offset = file.text.utf8.distance(from: file.text.utf8.startIndex, to: run.lowerBound)
        #expect(offset == 27)
        #expect(file.position(of: offset) == LSP.Position(line: 1, character: 13))
        #expect(file.offset(of: LSP.Position(line: 1, character: 13)) == offset)
    }

    @Test func positionsRoundTripAtEveryScalarBoundary() {
        for line in 0..<2 {
            let text = file.line(line + 1)
            var units = 0
            for scalar in text.unicodeScalars {
                let position = LSP.Position(line: line, character: units)
                #expect(file.position(of: file.offset(of: position)) == position)
                units += UTF16.width(scalar)
            }
        }
    }

    @Test func aPositionPastALineOrTheFileIsClamped() {
        #expect(file.offset(of: LSP.Position(line: 0, character: 99)) == 10)
        #expect(file.offset(of: LSP.Position(line: 9, character: 0)) == file.utf8.count)
        #expect(file.offset(of: LSP.Position(line: -1, character: 3)) == 0)
        // Inside the two units of `𝄞`: the start of the character.
        #expect(file.offset(of: LSP.Position(line: 1, character: 9)) == file.offset(of: LSP.Position(line: 1, character: 8)))
    }

    @Test func theWholeRangeEndsAtTheLastPosition() {
        #expect(file.wholeRange == LSP.Range(start: .init(line: 0, character: 0), end: .init(line: 2, character: 0)))
    }
}
