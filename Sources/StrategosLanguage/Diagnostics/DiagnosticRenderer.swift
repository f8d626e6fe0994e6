/// Turns a diagnostic into the text a person reads: a GNU-style header that
/// editors and CI can parse, then the source line with a caret under the span.
///
/// ```
/// scenario.strat:3:24: error: expected a value after 'lies', found end of line
///  3 | general L3 traitor lies
///    |                        ^
/// ```
public enum DiagnosticRenderer {
    /// Lines longer than this are shown as a window around the caret, so a
    /// 10 MB line never prints 10 MB.
    static let maximumWidth = 120

    /// `limitNames` names the setting of a limit the message says was passed
    /// (the command line's flags).
    public static func render(_ diagnostic: Diagnostic, in file: SourceFile, color: Bool, limitNames: [Limit: String] = [:]) -> String {
        let style = Style(isEnabled: color)
        let location = file.location(of: diagnostic.span.start)
        let header =
            style.bold(printable("\(file.name):\(location.line):\(location.column):")) + " "
            + style.severity(diagnostic.severity) + " " + style.bold(printable(diagnostic.text(naming: limitNames)))
        let excerpt = Excerpt(of: diagnostic.span, onLine: location.line, in: file)
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let sourceLine = excerpt.text.isEmpty ? " \(number) |" : " \(number) | \(excerpt.text)"
        let caret = "^" + String(repeating: "~", count: excerpt.underlineWidth - 1)
        let caretLine = " \(gutter) | " + String(repeating: " ", count: excerpt.caretColumn) + style.caret(caret)
        return header + "\n" + sourceLine + "\n" + caretLine + "\n"
    }

    /// Text that may come from a script (a message quotes a string, a header
    /// names a loaded path) with its control characters as U+FFFD, as in the
    /// source line, so it cannot drive the terminal.
    private static func printable(_ text: String) -> String {
        String(text.map { isControl($0) ? "\u{FFFD}" : $0 })
    }

    private static func isControl(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii < UInt8(ascii: " ") || ascii == 0x7F
    }

    /// ANSI styling, or none at all when color is off.
    private struct Style {
        var isEnabled: Bool

        func bold(_ text: String) -> String { paint(text, "1") }
        func caret(_ text: String) -> String { paint(text, "1;32") }

        func severity(_ severity: Diagnostic.Severity) -> String {
            let word = severity.rawValue + ":"
            switch severity {
            case .error: return paint(word, "1;31")
            case .warning: return paint(word, "1;33")
            case .note: return paint(word, "1;36")
            }
        }

        private func paint(_ text: String, _ code: String) -> String {
            isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }

    /// The part of a line to show, and where the caret goes in it. Columns
    /// count characters, not bytes; tabs become spaces and control characters
    /// U+FFFD, so what is printed lines up with the caret and cannot drive the
    /// terminal.
    private struct Excerpt {
        var text: String
        /// Characters before the caret, as printed.
        var caretColumn: Int
        /// The caret and its tildes: the span's width on this line, at least 1.
        var underlineWidth: Int

        init(of span: SourceSpan, onLine line: Int, in file: SourceFile) {
            let bytes = file.utf8
            let lineStart = file.lineStarts[min(max(line - 1, 0), file.lineStarts.count - 1)]
            var lineEnd = line < file.lineStarts.count ? file.lineStarts[line] - 1 : bytes.count
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }

            // Decode only a bounded neighbourhood of the caret, cut at
            // character boundaries, however long the line is.
            let byteBudget = DiagnosticRenderer.maximumWidth * 4
            let caretStart = min(max(span.start, lineStart), lineEnd)
            let caretEnd = Self.boundary(
                before: min(max(span.end, caretStart), lineEnd, caretStart + byteBudget), above: caretStart, in: bytes)
            let windowStart = Self.boundary(after: max(lineStart, caretStart - byteBudget), below: caretStart, in: bytes)
            let windowEnd = Self.boundary(before: min(lineEnd, caretEnd + byteBudget), above: caretEnd, in: bytes)

            let before = Self.displayed(bytes[windowStart..<caretStart])
            let marked = Self.displayed(bytes[caretStart..<caretEnd])
            let after = Self.displayed(bytes[caretEnd..<windowEnd])
            let characters = before + marked + after
            let caret = before.count

            let isCut = windowStart > lineStart || windowEnd < lineEnd
            guard isCut || characters.count > DiagnosticRenderer.maximumWidth else {
                self.text = String(characters)
                self.caretColumn = caret
                self.underlineWidth = max(1, marked.count)
                return
            }
            let first = max(0, caret - DiagnosticRenderer.maximumWidth / 3)
            let last = min(characters.count, first + DiagnosticRenderer.maximumWidth)
            let opensCut = first > 0 || windowStart > lineStart
            let closesCut = last < characters.count || windowEnd < lineEnd
            self.text = (opensCut ? "…" : "") + String(characters[first..<last]) + (closesCut ? "…" : "")
            self.caretColumn = (opensCut ? 1 : 0) + caret - first
            self.underlineWidth = max(1, min(marked.count, last - caret))
        }

        private static func displayed(_ bytes: ArraySlice<UInt8>) -> [Character] {
            var characters: [Character] = []
            for character in String(decoding: bytes, as: UTF8.self) {
                if character == "\t" {
                    characters += [" ", " ", " ", " "]
                } else if DiagnosticRenderer.isControl(character) {
                    characters.append("\u{FFFD}")
                } else {
                    characters.append(character)
                }
            }
            return characters
        }

        private static func isContinuation(_ index: Int, in bytes: [UInt8]) -> Bool {
            index < bytes.count && bytes[index] & 0xC0 == 0x80
        }

        /// `index`, moved forward to the start of a character, but not past `limit`.
        private static func boundary(after index: Int, below limit: Int, in bytes: [UInt8]) -> Int {
            var index = index
            while index < limit, isContinuation(index, in: bytes) { index += 1 }
            return index
        }

        /// `index`, moved back to the start of a character, but not before `limit`.
        private static func boundary(before index: Int, above limit: Int, in bytes: [UInt8]) -> Int {
            var index = index
            while index > limit, isContinuation(index, in: bytes) { index -= 1 }
            return index
        }
    }
}
