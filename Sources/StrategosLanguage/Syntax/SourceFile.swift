/// A script's text with a line table, so a UTF-8 offset turns into a line and
/// column without rescanning the text for every diagnostic.
public struct SourceFile: Sendable, Equatable {
    /// The name diagnostics print: a path, `<stdin>` or `<command line>`.
    public let name: String
    public let text: String
    public let utf8: [UInt8]
    /// The offset at which each line starts; line 1 starts at 0.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        self.utf8 = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and 1-based column (in characters, for display) of an offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), utf8.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let prefix = utf8[lineStart..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return (low + 1, column)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text a span covers.
    public func text(of span: SourceSpan) -> String {
        let start = min(max(span.start, 0), utf8.count)
        let end = min(max(span.end, start), utf8.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
