import Foundation

/// Writes what `export` produces. The session asks a writer instead of the file
/// system directly, so tests can keep exports in memory.
public protocol FileWriter: Sendable {
    /// Writes `text` to `path` (resolved like `load` paths) in one piece.
    func write(_ text: String, to path: String, relativeTo script: String?) throws(LoadFailure)
}

/// Writes files atomically (a temporary file, then a rename), so a reader never
/// sees half a diagram.
public struct FileSystemWriter: FileWriter {
    public var workingDirectory: String?

    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory
    }

    public func write(_ text: String, to path: String, relativeTo script: String?) throws(LoadFailure) {
        let resolved = ScriptPath.resolve(path, relativeTo: script, in: workingDirectory)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: resolved), options: .atomic)
        } catch {
            throw LoadFailure((error as NSError).localizedFailureReason ?? "it cannot be written")
        }
    }
}
