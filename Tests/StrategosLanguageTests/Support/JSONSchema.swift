import Foundation

/// The part of JSON Schema (draft 2020-12) that docs/schema/ uses: `type`,
/// `enum`, `properties`, `required`, `additionalProperties`, `items`,
/// `minimum`, `maximum`, and the annotations `$schema`, `title`,
/// `description`. A schema with any other keyword is refused rather than half
/// checked, so a schema cannot say more than the tests hold the output to.
struct JSONSchema {
    let schema: JSONValue
    let name: String

    static let directory = ExampleGoldenTests.repository.appendingPathComponent("docs/schema")

    /// `docs/schema/NAME.schema.json`.
    init(named name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name + ".schema.json"), encoding: .utf8)
        self.schema = try JSONValue.parse(text)
        self.name = name
    }

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) }.sorted()
    }

    /// Every way `value` breaks the schema, each as `where: what`; empty when it conforms.
    func violations(of value: JSONValue) -> [String] {
        Self.violations(of: value, against: schema, at: "$")
    }

    private static let keywords: Set = [
        "$schema", "title", "description", "type", "enum", "properties", "required", "additionalProperties", "items", "minimum", "maximum",
    ]

    private static func violations(of value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        guard case .object(let members) = schema else { return ["\(path): the schema is not an object"] }
        var found = members.map(\.key).filter { !keywords.contains($0) }.map { "\(path): the schema uses '\($0)', which this validator does not check" }
        if let type = schema["type"] {
            let allowed: [String] = switch type {
            case .string(let one): [one]
            case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
            case .null, .bool, .integer, .number, .object: []
            }
            if !allowed.contains(where: { Self.value(value, is: $0) }) {
                found.append("\(path): \(describe(value)) is not of type \(allowed.joined(separator: " or "))")
            }
        }
        if case .array(let choices)? = schema["enum"], !choices.contains(value) {
            found.append("\(path): \(describe(value)) is not one of the enum's values")
        }
        found += bounds(of: value, in: schema, at: path)
        if case .object(let fields) = value {
            found += objectViolations(fields, against: schema, at: path)
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                found += violations(of: element, against: items, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    private static func objectViolations(_ fields: [JSONValue.Member], against schema: JSONValue, at path: String) -> [String] {
        var found: [String] = []
        let keys = Set(fields.map(\.key))
        if case .array(let required)? = schema["required"] {
            for case .string(let key) in required where !keys.contains(key) {
                found.append("\(path): the required key '\(key)' is missing")
            }
        }
        for field in fields {
            let fieldPath = "\(path).\(field.key)"
            if let property = schema["properties"]?[field.key] {
                found += violations(of: field.value, against: property, at: fieldPath)
                continue
            }
            switch schema["additionalProperties"] {
            case .bool(false)?: found.append("\(path): the key '\(field.key)' is not in the schema")
            case .object(let members)?: found += violations(of: field.value, against: .object(members), at: fieldPath)
            case .bool(true)?, nil, .null?, .integer?, .number?, .string?, .array?: break
            }
        }
        return found
    }

    private static func bounds(of value: JSONValue, in schema: JSONValue, at path: String) -> [String] {
        guard let number = Self.number(value) else { return [] }
        var found: [String] = []
        if let minimum = schema["minimum"].flatMap(Self.number), number < minimum { found.append("\(path): \(number) is below \(minimum)") }
        if let maximum = schema["maximum"].flatMap(Self.number), number > maximum { found.append("\(path): \(number) is above \(maximum)") }
        return found
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let number): number
        case .null, .bool, .string, .array, .object: nil
        }
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch value {
        case .null: type == "null"
        case .bool: type == "boolean"
        case .integer: type == "integer" || type == "number"
        case .number(let number): type == "number" || (type == "integer" && number == number.rounded())
        case .string: type == "string"
        case .array: type == "array"
        case .object: type == "object"
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): String(bool)
        case .integer(let integer): String(integer)
        case .number(let number): String(number)
        case .string(let string): "\"\(string)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
