import StrategosLanguage

/// Between the language's UTF-8 byte offsets and the protocol's positions:
/// 0-based lines and columns in UTF-16 code units (an `é` is one unit and two
/// bytes, a `𝄞` two units and four bytes).
extension SourceFile {
    func position(of offset: Int) -> LSP.Position {
        let clamped = min(max(offset, 0), utf8.count)
        let line = location(of: clamped).line - 1
        let prefix = String(decoding: utf8[lineStarts[line]..<clamped], as: UTF8.self)
        return LSP.Position(line: line, character: prefix.utf16.count)
    }

    func range(of span: SourceSpan) -> LSP.Range {
        LSP.Range(start: position(of: span.start), end: position(of: span.end))
    }

    /// The byte offset of a position; a column past the end of its line is the
    /// end of the line, a line past the end of the file the end of the file.
    func offset(of position: LSP.Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return utf8.count }
        let start = lineStarts[position.line]
        let end = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : utf8.count
        let line = String(decoding: utf8[start..<end], as: UTF8.self)
        var units = 0
        var bytes = 0
        for scalar in line.unicodeScalars {
            let width = UTF16.width(scalar)
            guard units + width <= position.character else { break }
            units += width
            bytes += UTF8.width(scalar)
        }
        return start + bytes
    }

    /// The whole text, for an edit that replaces all of it.
    var wholeRange: LSP.Range {
        LSP.Range(start: LSP.Position(line: 0, character: 0), end: position(of: utf8.count))
    }
}
