import Foundation

/// Why a script could not be read.
public struct LoadFailure: Error, Sendable, Equatable {
    public var reason: String
    /// The limit a script too large passed, named in `reason`.
    public var limit: LimitMention?

    public init(_ reason: String, limit: LimitMention? = nil) {
        self.reason = reason
        self.limit = limit
    }

    /// The one wording of it, after whatever a front end puts first (a
    /// diagnostic's place, `strategos:`, the REPL's `error:`): `cannot read
    /// 'nope.strat': no such file`. A nil path is standard input.
    /// `names` names the setting of a limit it passed (the command line's flags).
    public func message(readingFile path: String?, naming names: [Limit: String] = [:]) -> String {
        let text = lead(path) + reason
        return limit(readingFile: path)?.insert(into: text, naming: names) ?? text
    }

    /// `limit`, placed in `message(readingFile:)`.
    func limit(readingFile path: String?) -> LimitMention? {
        limit?.moved(by: lead(path).utf8.count)
    }

    private func lead(_ path: String?) -> String {
        "cannot read \(path.map { "'\($0)'" } ?? "standard input"): "
    }
}

/// Reads the scripts that `load` names. The session asks a loader instead of the
/// file system directly, so tests and a REPL can supply their own.
public protocol SourceLoader: Sendable {
    /// Reads `path`, resolved against the directory of the script named
    /// `relativeTo` (nil: the current directory). Returns the file (named as the
    /// user should see it) and a key that is the same for the same file however
    /// it is reached, for finding load cycles.
    func load(_ path: String, relativeTo: String?) throws(LoadFailure) -> (file: SourceFile, key: String)
}

/// Reads scripts from disk. Bytes that are not UTF-8 are kept as U+FFFD, so the
/// lexer reports them where they are instead of the whole file being refused.
public struct FileSystemLoader: SourceLoader {
    /// The directory relative paths start from; nil is the process's current
    /// directory. File names stay relative, so diagnostics read the same anywhere.
    public var workingDirectory: String?
    /// A larger script is refused. The size is checked while reading, not
    /// from the file's metadata, because `/dev/zero` or a pipe has no size and no end.
    public var maximumBytes: Int

    public static let defaultMaximumBytes = 64 << 20

    public init(workingDirectory: String? = nil, maximumBytes: Int = Self.defaultMaximumBytes) {
        self.workingDirectory = workingDirectory
        self.maximumBytes = maximumBytes
    }

    public func load(_ path: String, relativeTo: String?) throws(LoadFailure) -> (file: SourceFile, key: String) {
        // Resolved, an empty path would name the script's own directory.
        guard !path.isEmpty else { throw LoadFailure("the path is empty") }
        let resolved = ScriptPath.resolve(path, relativeTo: relativeTo, in: nil)
        let onDisk = ScriptPath.resolve(path, relativeTo: relativeTo, in: workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: onDisk, isDirectory: &isDirectory) else {
            throw LoadFailure("no such file")
        }
        guard !isDirectory.boolValue else { throw LoadFailure("it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: onDisk) else {
            throw LoadFailure("permission denied or not a readable file")
        }
        defer { try? handle.close() }
        let data = try Self.read(handle, maximumBytes: maximumBytes)
        let key = URL(fileURLWithPath: onDisk).standardizedFileURL.resolvingSymlinksInPath().path
        return (SourceFile(name: resolved, text: String(decoding: data, as: UTF8.self)), key)
    }

    /// Everything `handle` holds, or a failure as soon as it holds more than
    /// `maximumBytes`, so an endless input costs at most that much memory.
    public static func read(_ handle: FileHandle, maximumBytes: Int) throws(LoadFailure) -> Data {
        var data = Data()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw LoadFailure("it could not be read (\(error.localizedDescription))")
            }
            guard let chunk, !chunk.isEmpty else { return data }
            guard data.count + chunk.count <= maximumBytes else {
                let reason = "it is larger than \(Diagnostic.grouped(maximumBytes)) bytes, the limit for a script; raise it"
                throw LoadFailure(reason, limit: LimitMention(limit: .inputBytes, form: .raisedWith, offset: reason.utf8.count))
            }
            data.append(chunk)
        }
    }
}

/// Where a path named in a script points: relative to the directory of the
/// script that names it, and that relative to a working directory.
enum ScriptPath {
    static func resolve(_ path: String, relativeTo script: String?, in workingDirectory: String?) -> String {
        var resolved = path
        if !path.hasPrefix("/"), let script, let slash = script.lastIndex(of: "/") {
            let directory = String(script[..<slash])
            resolved = directory.isEmpty ? "/" + path : directory + "/" + path
        }
        guard !resolved.hasPrefix("/"), let workingDirectory else { return resolved }
        return workingDirectory + "/" + resolved
    }
}
