import Foundation
import Testing

/// Runs the built `strategos` binary as a subprocess.
enum StrategosBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (SwiftPM puts both in the build
    /// products directory), else in the package's `.build`.
    static let executable: URL? = {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("strategos"))
        candidates.append(bundle.appendingPathComponent("strategos"))
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("strategos"))
        }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("strategos"))
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { package.deleteLastPathComponent() }
        candidates.append(package.appendingPathComponent(".build/debug/strategos"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `strategos arguments`, with `input` on standard input (nil: /dev/null),
    /// in `directory`, with `environment` added to (or removed from, nil) the current one.
    static func run(
        _ arguments: [String], input: String? = nil, directory: String? = nil,
        environment: [String: String?] = ["NO_COLOR": nil]
    ) throws -> Result {
        let executable = try #require(Self.executable, "the strategos binary was not found")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env

        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let stdin = Pipe()
        if input != nil {
            process.standardInput = stdin
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
        if let input {
            // Write from another thread so a large input cannot deadlock against full output pipes.
            let handle = stdin.fileHandleForWriting
            let data = Data(input.utf8)
            DispatchQueue.global().async {
                handle.write(data)
                try? handle.close()
            }
        }
        // Drain both pipes concurrently, then wait.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary directory for script files.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "strategos-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
