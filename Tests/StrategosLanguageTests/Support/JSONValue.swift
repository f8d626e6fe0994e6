/// A parsed JSON value that keeps what Foundation's parser blurs: an integer
/// apart from a number with a fraction, a boolean apart from 0 and 1, the
/// order of an object's keys. For checking output against docs/schema/.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    struct Member: Equatable {
        var key: String
        var value: JSONValue
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The first key of an object, which names what a `--json` line is.
    var firstKey: String? {
        guard case .object(let members) = self else { return nil }
        return members.first?.key
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "not JSON at byte \(offset)" }
    }

    /// Parses one whole JSON text (surrounding white space allowed).
    static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.offset == parser.bytes.count else { throw SyntaxError(offset: parser.offset) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard offset < bytes.count else { throw SyntaxError(offset: offset) }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        private mutating func expect(_ byte: Character) throws {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == byte.asciiValue else { throw SyntaxError(offset: offset) }
            offset += 1
        }

        /// Whether the next byte (after white space) is `byte`, consuming it if so.
        private mutating func take(_ byte: Character) -> Bool {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == byte.asciiValue else { return false }
            offset += 1
            return true
        }

        private mutating func object() throws -> JSONValue {
            try expect("{")
            var members: [Member] = []
            if take("}") { return .object(members) }
            repeat {
                skipSpace()
                let key = try string()
                try expect(":")
                members.append(Member(key: key, value: try value()))
            } while take(",")
            try expect("}")
            return .object(members)
        }

        private mutating func array() throws -> JSONValue {
            try expect("[")
            var elements: [JSONValue] = []
            if take("]") { return .array(elements) }
            repeat { elements.append(try value()) } while take(",")
            try expect("]")
            return .array(elements)
        }

        private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
            let end = offset + word.utf8.count
            guard end <= bytes.count, Array(bytes[offset..<end]) == Array(word.utf8) else { throw SyntaxError(offset: offset) }
            offset = end
            return value
        }

        private mutating func number() throws -> JSONValue {
            let start = offset
            let allowed = Set("0123456789+-.eE".utf8)
            while offset < bytes.count, allowed.contains(bytes[offset]) { offset += 1 }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            if let integer = Int(text) { return .integer(integer) }
            guard let number = Double(text), text.first != "+" else { throw SyntaxError(offset: start) }
            return .number(number)
        }

        private mutating func string() throws -> String {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw SyntaxError(offset: offset) }
            offset += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            let flush = { (raw: inout [UInt8], scalars: inout String.UnicodeScalarView) in
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush(&raw, &scalars)
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(&raw, &scalars)
                    guard offset < bytes.count else { throw SyntaxError(offset: offset) }
                    let escape = bytes[offset]
                    offset += 1
                    let simple: [UInt8: Unicode.Scalar] = [
                        UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{8}",
                        UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
                    ]
                    if let scalar = simple[escape] {
                        scalars.append(scalar)
                    } else if escape == UInt8(ascii: "u"), offset + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    {
                        // The writer escapes only control characters, never a surrogate pair.
                        scalars.append(scalar)
                        offset += 4
                    } else {
                        throw SyntaxError(offset: offset)
                    }
                case 0..<0x20:
                    throw SyntaxError(offset: offset - 1)
                default:
                    raw.append(byte)
                }
            }
            throw SyntaxError(offset: offset)
        }
    }
}
