import Foundation
import Testing

/// A client of `strategos lsp` for the tests: starts the built binary, writes
/// framed JSON-RPC to it and reads framed answers back, each wait bounded so a
/// server that hangs fails its test instead of hanging the suite.
final class LanguageServerClient: @unchecked Sendable {
    typealias Message = [String: Any]

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var received: [Message] = []
    private var nextID = 0

    init() throws {
        process.executableURL = try #require(StrategosBinary.executable, "the strategos binary was not found")
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in readFrames(from: handle) }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Parses `Content-Length` frames until the server closes its output.
    private func readFrames(from handle: FileHandle) {
        var buffer = Data()
        while true {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { return }
            buffer.append(chunk)
            while let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
                let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
                guard let length = header.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                      buffer.distance(from: headerEnd.upperBound, to: buffer.endIndex) >= length
                else { break }
                let bodyEnd = buffer.index(headerEnd.upperBound, offsetBy: length)
                let body = buffer[headerEnd.upperBound..<bodyEnd]
                buffer = Data(buffer[bodyEnd...])
                let message = (try? JSONSerialization.jsonObject(with: body)) as? Message ?? ["unparsed": String(decoding: body, as: UTF8.self)]
                lock.withLock { received.append(message) }
                arrived.signal()
            }
        }
    }

    /// Writes bytes as they are, framed or not.
    func write(raw text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    func notify(_ method: String, _ params: Message = [:]) throws {
        try send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and returns its response, skipping the notifications before it.
    func request(_ method: String, _ params: Message = [:]) throws -> Message {
        nextID += 1
        let id = nextID
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return try next { $0["id"] as? Int == id }
    }

    private func send(_ message: Message) throws {
        let body = try JSONSerialization.data(withJSONObject: message)
        write(raw: "Content-Length: \(body.count)\r\n\r\n")
        input.fileHandleForWriting.write(body)
    }

    /// The first message received that matches, waiting at most `seconds` in all.
    func next(within seconds: TimeInterval = 20, where matches: (Message) -> Bool) throws -> Message {
        let deadline = DispatchTime.now() + seconds
        while true {
            let found: Message? = lock.withLock {
                guard let index = received.firstIndex(where: matches) else { return nil }
                return received.remove(at: index)
            }
            if let found { return found }
            guard arrived.wait(timeout: deadline) == .success else {
                Issue.record("no matching message from the server within \(seconds) seconds")
                throw CancellationError()
            }
        }
    }

    /// The server's exit status once it ends, nil if it is still running after `seconds`.
    func exitStatus(within seconds: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
