/// A minimal JSON writer that keeps keys in the order they are written, so the
/// output matches the documented schema key for key.
struct JSONWriter {
    private(set) var text = "{"
    private var isFirst = true

    mutating func field(_ key: String, _ value: String) {
        beginField(key)
        text += Self.quoted(value)
    }

    /// A string, or `null`.
    mutating func field(_ key: String, _ value: String?) {
        beginField(key)
        text += value.map(Self.quoted) ?? "null"
    }

    /// An array of objects already written: on one line (a `--json` line), or
    /// one object per line so a long trace file stays readable.
    mutating func field(_ key: String, objects: [String], onSeparateLines: Bool = false) {
        beginField(key)
        if onSeparateLines, !objects.isEmpty {
            text += "[\n  " + objects.joined(separator: ",\n  ") + "\n]"
        } else {
            text += "[" + objects.joined(separator: ",") + "]"
        }
    }

    /// A number that may be too large for an integer: exact up to 2^53, else in
    /// exponent form, and `null` when it is too large even for that (JSON has no infinity).
    mutating func field(_ key: String, number value: Double) {
        beginField(key)
        if !value.isFinite {
            text += "null"
        } else {
            text += value < 9.0e15 && value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// A value already written as JSON on one line: a nested writer's
    /// `finished()`, an array of numbers.
    mutating func field(_ key: String, json: String) {
        beginField(key)
        text += json
    }

    mutating func field(_ key: String, _ value: Int) {
        beginField(key)
        text += String(value)
    }

    mutating func field(_ key: String, _ value: Bool) {
        beginField(key)
        text += value ? "true" : "false"
    }

    mutating func field(_ key: String, _ values: [String]) {
        beginField(key)
        text += "[" + values.map(Self.quoted).joined(separator: ",") + "]"
    }

    /// An object of string values, in the order given.
    mutating func field(_ key: String, pairs: [(String, String)]) {
        beginField(key)
        text += "{" + pairs.map { Self.quoted($0.0) + ":" + Self.quoted($0.1) }.joined(separator: ",") + "}"
    }

    /// An object of string arrays, in the order given.
    mutating func field(_ key: String, lists: [(String, [String])]) {
        beginField(key)
        text += "{" + lists.map { Self.quoted($0.0) + ":[" + $0.1.map(Self.quoted).joined(separator: ",") + "]" }.joined(separator: ",") + "}"
    }

    /// An array of string arrays, e.g. the pairs `[["C","L1"],["L1","L2"]]`.
    mutating func field(_ key: String, arrays: [[String]]) {
        beginField(key)
        text += "[" + arrays.map { "[" + $0.map(Self.quoted).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }

    /// This object's fields, then another's.
    func merging(_ other: JSONWriter) -> JSONWriter {
        guard !other.isFirst else { return self }
        var merged = self
        merged.text += (isFirst ? "" : ",") + other.text.dropFirst()
        merged.isFirst = false
        return merged
    }

    func finished() -> String {
        text + "}"
    }

    private mutating func beginField(_ key: String) {
        if !isFirst { text += "," }
        isFirst = false
        text += Self.quoted(key) + ":"
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            // Every control character, DEL and the C1 ones too: JSON would
            // take them raw, but a terminal showing the line would obey them.
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
