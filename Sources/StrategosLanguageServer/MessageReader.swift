import Foundation

/// Reads the frames of the base protocol, `Content-Length: N` headers, a
/// blank line and N bytes of JSON, from a stream that arrives in chunks of any
/// size. A frame whose header cannot be understood is reported and skipped,
/// so one bad message never stops the server.
public struct MessageReader {
    public enum Frame: Equatable {
        case message(Data)
        /// A header block without a usable Content-Length: its bytes are gone.
        case badHeader(String)
        case endOfInput
    }

    /// A body larger than this is refused rather than buffered.
    public static let maximumBodyBytes = 64 << 20
    /// A header line longer than this is not a header: it is skipped.
    static let maximumHeaderLineBytes = 4096

    /// The next chunk of the stream; nil at its end.
    private let readChunk: () -> Data?
    private var buffer: [UInt8] = []
    private var position = 0
    private var isAtEnd = false

    public init(readChunk: @escaping () -> Data?) {
        self.readChunk = readChunk
    }

    public mutating func next() -> Frame {
        var length: Int?
        var problem: String?
        var sawHeader = false
        while true {
            guard let line = nextLine() else { return sawHeader ? .badHeader("the input ended inside a header") : .endOfInput }
            if line.isEmpty {
                // Blank lines before a header are tolerated, as stray line ends between frames.
                guard sawHeader else { continue }
                break
            }
            sawHeader = true
            let (name, value) = Self.field(line)
            if name == "content-length" {
                if let bytes = Int(value), bytes >= 0, bytes <= Self.maximumBodyBytes { length = bytes } else { problem = "Content-Length '\(value)' is not a size up to \(Self.maximumBodyBytes) bytes" }
            }
        }
        if let problem { return .badHeader(problem) }
        guard let length else { return .badHeader("a header without Content-Length") }
        guard let body = take(length) else { return .badHeader("the input ended inside a message") }
        return .message(body)
    }

    /// `Content-Length: 12` as a lower-cased name and a trimmed value.
    private static func field(_ line: String) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: ":") else { return ("", line) }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (name, value)
    }

    /// A line without its `\r\n` (or bare `\n`), cut at the longest a header
    /// line may be; nil at the end of input.
    private mutating func nextLine() -> String? {
        var scanned = 0
        while true {
            if let newline = buffer[(position + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[position..<min(end, position + Self.maximumHeaderLineBytes)], as: UTF8.self)
                position = newline + 1
                return line
            }
            scanned = buffer.count - position
            if !fill() {
                // The input ended mid-line: the rest is a line of its own, once.
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return String(decoding: buffer[position..<min(buffer.count, position + Self.maximumHeaderLineBytes)], as: UTF8.self)
            }
        }
    }

    private mutating func take(_ count: Int) -> Data? {
        while buffer.count - position < count {
            guard fill() else {
                position = buffer.count
                return nil
            }
        }
        let body = Data(buffer[position..<position + count])
        position += count
        return body
    }

    /// Appends the next chunk, first dropping what has been consumed.
    private mutating func fill() -> Bool {
        guard !isAtEnd, let chunk = readChunk(), !chunk.isEmpty else {
            isAtEnd = true
            return false
        }
        buffer.removeFirst(position)
        position = 0
        buffer.append(contentsOf: chunk)
        return true
    }
}
