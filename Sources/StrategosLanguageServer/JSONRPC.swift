import Foundation

/// JSON-RPC 2.0 as the protocol uses it: what identifies a message on the way
/// in, and the three shapes written on the way out.
enum JSONRPC {
    /// A request's id, which the response repeats: a number or a string.
    enum RequestID: Codable, Equatable {
        case number(Int)
        case string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .string(let string): try container.encode(string)
            }
        }
    }

    /// The method and id of a message; its params are decoded once the method says their type.
    struct Envelope: Decodable {
        var id: RequestID?
        var method: String?
    }

    struct Params<Value: Decodable>: Decodable {
        var params: Value
    }

    /// The error codes the server answers with.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case serverNotInitialized = -32002
    }

    /// The answer to a request: its result (nil is written as `null`, since a
    /// response must have one) or an error. The id is nil only when the
    /// request's could not be read, and is then written as `null`.
    struct Response: Encodable {
        enum Outcome {
            case result((any Encodable)?)
            case error(code: ErrorCode, message: String)
        }

        struct Failure: Encodable {
            var code: Int
            var message: String
        }

        var id: RequestID?
        var outcome: Outcome

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            switch outcome {
            case .result(let result?): try container.encode(result, forKey: .result)
            case .result(nil): try container.encodeNil(forKey: .result)
            case .error(let code, let message): try container.encode(Failure(code: code.rawValue, message: message), forKey: .error)
            }
        }
    }

    struct Notification<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: Params
    }

    /// A message as a frame: its header and its JSON, keys sorted so the same
    /// answer is the same bytes.
    static func frame(_ message: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every message is built of strings, numbers and booleans, which always encode.
        let body = (try? encoder.encode(message)) ?? Data("{}".utf8)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
