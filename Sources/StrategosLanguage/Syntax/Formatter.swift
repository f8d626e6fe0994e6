/// `strategos fmt`: one canonical layout. Each statement on a line of its
/// own, its tokens as written, separated by single spaces (none before `,`,
/// `)` or `%`, none after `(` or between a name and its `(`); a list split
/// over lines joined into one. Every comment is kept: one on a line of its
/// own stays there (at the start of the line), one after a statement's last
/// token stays after it, two spaces away, and one inside a statement that
/// spans lines moves to a line of its own before it. Blank lines between
/// groups shrink to one; none at the start or the end. Formatting a
/// formatted script changes nothing. Only the layout changes, never a token,
/// so the script means exactly what it meant.
public enum Formatter {
    /// A script with syntax errors is not formatted: these are they.
    public struct SyntaxErrors: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// The formatted text.
    public static func format(_ file: SourceFile) throws(SyntaxErrors) -> String {
        let parsed = Parser.parse(file)
        guard parsed.diagnostics.isEmpty else { throw SyntaxErrors(diagnostics: parsed.diagnostics) }
        var layout = Layout(file: file, statementEnds: parsed.program.statements.map(\.span.end))
        for item in items(of: file) { layout.take(item) }
        return layout.finished()
    }

    /// What a script is made of, in order, for the layout.
    private enum Item {
        case token(Token)
        /// From `#` to the end of its line, trailing spaces dropped.
        case comment(String)
        case lineBreak
    }

    private static func items(of file: SourceFile) -> [Item] {
        var items: [Item] = []
        var previousEnd = 0
        for token in Lexer.tokens(of: file) {
            // A newline token stands for a run of line breaks and the comments
            // between them, so the text between other tokens is read here.
            switch token.kind {
            case .newline: continue
            case .endOfInput:
                gapItems(file.utf8[previousEnd...], into: &items)
                return items
            case .name, .integer, .string, .comma, .semicolon, .leftParen, .rightParen, .percent, .bar, .minus, .invalid:
                gapItems(file.utf8[previousEnd..<max(previousEnd, token.span.start)], into: &items)
                items.append(.token(token))
                previousEnd = token.span.end
            }
        }
        return items
    }

    /// Between two tokens there are only spaces, line breaks and comments,
    /// each comment running to the end of its line.
    private static func gapItems(_ gap: ArraySlice<UInt8>, into items: inout [Item]) {
        var index = gap.startIndex
        while index < gap.endIndex {
            switch gap[index] {
            case UInt8(ascii: "\n"):
                items.append(.lineBreak)
                index += 1
            case UInt8(ascii: "#"):
                var end = index
                while end < gap.endIndex, gap[end] != UInt8(ascii: "\n") { end += 1 }
                let text = String(decoding: gap[index..<end], as: UTF8.self)
                items.append(.comment(String(text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())))
                index = end
            default:
                index += 1
            }
        }
    }

    /// The lines written so far and the statement being read.
    private struct Layout {
        let file: SourceFile
        /// Where each statement's last token ends, in order.
        let statementEnds: [Int]
        var lines: [String] = []
        var next = 0
        /// The tokens of a statement not yet complete, and comments met inside it.
        var open: [Token] = []
        var inner: [String] = []
        /// A complete statement, waiting for a comment later on its line.
        var waiting: String?
        var lineIsEmpty = true
        var blankPending = false

        mutating func take(_ item: Item) {
            switch item {
            case .token(let token):
                lineIsEmpty = false
                guard next < statementEnds.count else { return }
                if open.isEmpty {
                    // A separating `;` belongs to no statement.
                    if case .semicolon = token.kind { return }
                    flushWaiting(comment: nil)
                }
                open.append(token)
                guard token.span.end >= statementEnds[next] else { return }
                next += 1
                for comment in inner { write(comment) }
                waiting = Formatter.render(open, in: file)
                (open, inner) = ([], [])
            case .comment(let comment):
                lineIsEmpty = false
                if waiting != nil {
                    flushWaiting(comment: comment)
                } else if !open.isEmpty {
                    inner.append(comment)
                } else {
                    write(comment)
                }
            case .lineBreak:
                flushWaiting(comment: nil)
                if lineIsEmpty, open.isEmpty, !lines.isEmpty { blankPending = true }
                lineIsEmpty = true
            }
        }

        private mutating func flushWaiting(comment: String?) {
            guard let statement = waiting else { return }
            waiting = nil
            write(statement + (comment.map { "  " + $0 } ?? ""))
        }

        private mutating func write(_ line: String) {
            if blankPending { lines.append("") }
            blankPending = false
            lines.append(line)
        }

        mutating func finished() -> String {
            flushWaiting(comment: nil)
            return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        }
    }

    /// Whether formatting would change the file.
    public static func isFormatted(_ file: SourceFile) -> Bool {
        (try? format(file)) == file.text
    }

    /// A statement's tokens as written, spaced canonically.
    private static func render(_ tokens: [Token], in file: SourceFile) -> String {
        var text = ""
        var previous: Token.Kind?
        for token in tokens {
            if let previous, spaceBetween(previous, token.kind) { text += " " }
            text += file.text(of: token.span)
            previous = token.kind
        }
        return text
    }

    private static func spaceBetween(_ left: Token.Kind, _ right: Token.Kind) -> Bool {
        switch right {
        case .comma, .rightParen, .percent, .semicolon: return false
        case .leftParen: if case .name = left { return false }
        case .name, .integer, .string, .newline, .bar, .minus, .endOfInput, .invalid: break
        }
        if case .leftParen = left { return false }
        return true
    }
}
