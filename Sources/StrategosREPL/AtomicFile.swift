import Glibc

/// Writes a file so that it is either the old one or the whole new one, never
/// half of each: the text goes to a temporary file in the same directory
/// (rename is atomic only within a file system), which then replaces the target.
enum AtomicFile {
    struct Failure: Error, Equatable {
        var reason: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(reason: "it is a directory") }
        var template = ((directory.isEmpty ? "/" : directory + "/") + "." + name + ".XXXXXX").utf8CString
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw Failure(reason: Self.reason()) }
        let temporary = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        let bytes = Array(text.utf8)
        var written = 0
        var failure: String?
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = Self.reason()
                break
            }
            written += count
        }
        // mkstemp makes the file 0600; a script is an ordinary file, made
        // with the permissions the user's umask gives a new file.
        let mask = umask(0)
        umask(mask)
        if failure == nil, fchmod(descriptor, 0o666 & ~mask) != 0 || fsync(descriptor) != 0 { failure = Self.reason() }
        if close(descriptor) != 0, failure == nil { failure = Self.reason() }
        if failure == nil, rename(temporary, path) != 0 { failure = Self.reason() }
        if let failure {
            unlink(temporary)
            throw Failure(reason: failure)
        }
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
