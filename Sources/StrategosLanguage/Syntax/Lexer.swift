/// Turns a script's UTF-8 bytes into tokens, one at a time, so a 10 MB script
/// never needs a 10 MB token array. Comments and spaces are dropped; newlines
/// are tokens because they end statements.
public struct Lexer {
    private let bytes: [UInt8]
    private var offset = 0
    /// Where the last token other than a newline ended: the end of input is
    /// reported there, just after the text that is unfinished, rather than on
    /// an empty line below it.
    private var lastTokenEnd = 0

    public init(_ file: SourceFile) {
        self.bytes = file.utf8
    }

    /// The next token; at the end, `endOfInput` again and again.
    public mutating func next() -> Token {
        let token = nextToken()
        if token.kind != .newline, token.kind != .endOfInput { lastTokenEnd = token.span.end }
        return token
    }

    private mutating func nextToken() -> Token {
        skipSpacesAndComment()
        guard let byte = byte(at: offset) else {
            return Token(.endOfInput, span: SourceSpan(start: lastTokenEnd, end: lastTokenEnd))
        }
        if lineBreakLength() != nil { return lexNewline() }
        switch byte {
        case UInt8(ascii: ","):
            return single(.comma)
        case UInt8(ascii: ";"):
            return single(.semicolon)
        case UInt8(ascii: "("):
            return single(.leftParen)
        case UInt8(ascii: ")"):
            return single(.rightParen)
        case UInt8(ascii: "%"):
            return single(.percent)
        case UInt8(ascii: "|"):
            return single(.bar)
        case UInt8(ascii: "\""):
            return lexString()
        case UInt8(ascii: "-") where isDigit(self.byte(at: offset + 1)):
            return lexInteger()
        case UInt8(ascii: "-"):
            return single(.minus)
        case _ where isDigit(byte):
            return lexInteger()
        default:
            if let scalar = scalar(at: offset), isNameStart(scalar.value) {
                return lexName()
            }
            return lexUnexpected(byte)
        }
    }

    /// Every token of a file up to and including `endOfInput`; for tests and tools.
    public static func tokens(of file: SourceFile) -> [Token] {
        var lexer = Lexer(file)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    // MARK: - Tokens

    private mutating func single(_ kind: Token.Kind) -> Token {
        offset += 1
        return Token(kind, span: SourceSpan(start: offset - 1, end: offset))
    }

    /// One token for a run of line breaks, blank lines and comment lines,
    /// spanning the first break. The parser never needs two newlines in a row,
    /// and looking past the newlines after `and` then takes one token, not one
    /// per blank line.
    private mutating func lexNewline() -> Token {
        let start = offset
        var end = start
        while let length = lineBreakLength() {
            offset += length
            if end == start { end = offset }
            skipSpacesAndComment()
        }
        return Token(.newline, span: SourceSpan(start: start, end: end))
    }

    /// 1 at `\n`, 2 at `\r\n`, nil anywhere else.
    private func lineBreakLength() -> Int? {
        switch byte(at: offset) {
        case UInt8(ascii: "\n"): 1
        case UInt8(ascii: "\r") where byte(at: offset + 1) == UInt8(ascii: "\n"): 2
        default: nil
        }
    }

    /// Names are for people to read and type; a longer one is almost surely a
    /// runaway paste, and refusing it keeps every message that quotes a name short.
    public static let maximumNameLength = 64

    private mutating func lexName() -> Token {
        let start = offset
        var length = 0
        while let scalar = scalar(at: offset), isNameContinuation(scalar) {
            offset += scalar.length
            length += 1
        }
        let span = SourceSpan(start: start, end: offset)
        guard length <= Self.maximumNameLength else {
            return Token(.invalid(.nameTooLong(length: length, at: span)), span: span)
        }
        return Token(.name(text(from: start)), span: span)
    }

    private mutating func lexInteger() -> Token {
        let start = offset
        if byte(at: offset) == UInt8(ascii: "-") { offset += 1 }
        while isDigit(byte(at: offset)) { offset += 1 }
        // `0.3` is one mistake, a fraction where the language counts or
        // takes a percentage, not an integer followed by a stray '.'.
        if byte(at: offset) == UInt8(ascii: "."), isDigit(byte(at: offset + 1)) {
            offset += 1
            while isDigit(byte(at: offset)) { offset += 1 }
            let span = SourceSpan(start: start, end: offset)
            return Token(.invalid(.fractionalNumber(text(from: start), at: span)), span: span)
        }
        let spelling = text(from: start)
        let span = SourceSpan(start: start, end: offset)
        guard let value = Int(spelling) else {
            return Token(.invalid(.integerTooLarge(spelling, at: span)), span: span)
        }
        return Token(.integer(value, spelling: spelling), span: span)
    }

    /// `"..."` on one line, with the escapes `\"`, `\\`, `\n` and `\t`. An
    /// unknown escape or a missing closing quote spoils the whole string, and
    /// the token still ends where the string was meant to, so the parser
    /// resumes after it.
    private mutating func lexString() -> Token {
        let start = offset
        offset += 1
        var decoded: [UInt8] = []
        var badEscape: Diagnostic?
        while let byte = byte(at: offset) {
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                let span = SourceSpan(start: start, end: offset)
                if let badEscape { return Token(.invalid(badEscape), span: span) }
                return Token(.string(String(decoding: decoded, as: UTF8.self)), span: span)
            case UInt8(ascii: "\n"):
                return unterminatedString(from: start)
            case UInt8(ascii: "\r") where self.byte(at: offset + 1) == UInt8(ascii: "\n"):
                return unterminatedString(from: start)
            case UInt8(ascii: "\\"):
                let escapeStart = offset
                offset += 1
                switch self.byte(at: offset) {
                case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): decoded.append(UInt8(ascii: "\t"))
                case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    return unterminatedString(from: start)
                default:
                    let length = scalar(at: offset)?.length ?? 1
                    let span = SourceSpan(start: escapeStart, end: offset + length)
                    if badEscape == nil { badEscape = .unknownEscape(text(of: span), at: span) }
                    offset += length - 1
                }
                offset += 1
            default:
                decoded.append(byte)
                offset += 1
            }
        }
        return unterminatedString(from: start)
    }

    private mutating func unterminatedString(from start: Int) -> Token {
        let span = SourceSpan(start: start, end: offset)
        return Token(.invalid(.unterminatedString(at: span)), span: span)
    }

    private mutating func lexUnexpected(_ byte: UInt8) -> Token {
        let start = offset
        let diagnostic: Diagnostic
        if let scalar = scalar(at: offset), scalar.value >= 0x80 {
            offset += scalar.length
            let span = SourceSpan(start: start, end: offset)
            // Invalid UTF-8 reaches us already replaced by U+FFFD, when the
            // script's bytes were decoded into a String.
            diagnostic = scalar.value == 0xFFFD
                ? .invalidUTF8(at: span)
                : .unexpectedCharacter(Unicode.Scalar(scalar.value) ?? "\u{FFFD}", at: span)
        } else {
            offset += 1
            let span = SourceSpan(start: start, end: offset)
            diagnostic = isPrintableASCII(byte)
                ? .unexpectedCharacter(Unicode.Scalar(byte), at: span)
                : .unexpectedByte(byte, at: span)
        }
        return Token(.invalid(diagnostic), span: SourceSpan(start: start, end: offset))
    }

    // MARK: - Bytes and scalars

    private mutating func skipSpacesAndComment() {
        while let byte = byte(at: offset) {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                offset += 1
            case UInt8(ascii: "\r") where self.byte(at: offset + 1) != UInt8(ascii: "\n"):
                offset += 1
            case UInt8(ascii: "#"):
                while let next = self.byte(at: offset), next != UInt8(ascii: "\n") {
                    if next == UInt8(ascii: "\r"), self.byte(at: offset + 1) == UInt8(ascii: "\n") { return }
                    offset += 1
                }
            default:
                return
            }
        }
    }

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private func text(of span: SourceSpan) -> String {
        String(decoding: bytes[span.start..<min(span.end, bytes.count)], as: UTF8.self)
    }

    /// The scalar starting at `index` and its length in bytes. The bytes come
    /// from a Swift String and so are valid UTF-8, but a truncated sequence
    /// still yields nil rather than a trap.
    private func scalar(at index: Int) -> (value: UInt32, length: Int)? {
        guard let lead = byte(at: index) else { return nil }
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (UInt32(lead), 1)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        for position in index + 1..<index + length {
            guard let continuation = byte(at: position), continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return (value, length)
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: " ") && byte <= UInt8(ascii: "~")
    }

    private func isNameStart(_ value: UInt32) -> Bool {
        // ASCII is decided here: the Unicode property lookup is slow enough
        // to dominate lexing.
        if value < 0x80 {
            let byte = UInt8(value)
            return byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// Letters, digits, `_`, and the combining marks that decomposed accented
    /// letters are made of (`é` written as `e` + U+0301).
    private func isNameContinuation(_ scalar: (value: UInt32, length: Int)) -> Bool {
        if isNameStart(scalar.value) { return true }
        if scalar.value < 0x80 { return isDigit(UInt8(scalar.value)) }
        guard let unicode = Unicode.Scalar(scalar.value) else { return false }
        switch unicode.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
