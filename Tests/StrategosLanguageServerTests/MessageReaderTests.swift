import Foundation
import Testing
@testable import StrategosLanguageServer

/// The base protocol's framing, read from chunks of any size; a bad header is
/// reported and skipped, and the frames after it still arrive.
@Suite struct MessageReaderTests {
    static func frames(of bytes: [UInt8], chunkSize: Int) -> [MessageReader.Frame] {
        var remaining = bytes[...]
        var reader = MessageReader {
            guard !remaining.isEmpty else { return nil }
            let chunk = remaining.prefix(chunkSize)
            remaining = remaining.dropFirst(chunkSize)
            return Data(chunk)
        }
        var frames: [MessageReader.Frame] = []
        while true {
            let frame = reader.next()
            frames.append(frame)
            if frame == .endOfInput { return frames }
        }
    }

    let stream = Array("Content-Length: 2\r\n\r\n{}content-type: x\r\ncontent-length:  3 \r\n\r\n[1]Content-Length: nine\r\n\r\nX-Junk\n\nContent-Length: 4\n\n\"é\"".utf8)

    @Test(arguments: [1, 2, 7, 1000])
    func framesArriveWhateverTheChunks(chunkSize: Int) {
        let frames = Self.frames(of: stream, chunkSize: chunkSize)
        #expect(frames == [
            .message(Data("{}".utf8)),
            .message(Data("[1]".utf8)),
            .badHeader("Content-Length 'nine' is not a size up to \(MessageReader.maximumBodyBytes) bytes"),
            .badHeader("a header without Content-Length"),
            .message(Data("\"é\"".utf8)),
            .endOfInput,
        ])
    }

    @Test func anInputEndingInsideAMessageIsReported() {
        #expect(Self.frames(of: Array("Content-Length: 10\r\n\r\n{}".utf8), chunkSize: 3) == [
            .badHeader("the input ended inside a message"), .endOfInput,
        ])
        #expect(Self.frames(of: Array("Content-Length: 10".utf8), chunkSize: 3) == [
            .badHeader("the input ended inside a header"), .endOfInput,
        ])
    }

    @Test func aHugeLengthIsRefusedRatherThanAwaited() {
        let frames = Self.frames(of: Array("Content-Length: 999999999999\r\n\r\n".utf8), chunkSize: 64)
        #expect(frames.first == .badHeader("Content-Length '999999999999' is not a size up to \(MessageReader.maximumBodyBytes) bytes"))
    }
}
