@preconcurrency import CReadline
import Glibc

/// The REPL's history on disk: loaded at start, and appended to after every
/// entry, so nothing is lost on Ctrl-D, an error or a kill.
///
/// Each entry is written after a `#<time>` line, and read back with readline's
/// `history_multiline_entries`: the lines up to the next time stamp are one
/// entry, so a multi-line entry comes back as one history item.
public struct HistoryFile: Sendable, Equatable {
    /// nil: no place to keep it (no HOME); history then lasts one session.
    public let path: String?

    public init(path: String?) {
        self.path = path
    }

    /// `STRATEGOS_HISTORY` if set and not empty, else `~/.strategos_history`.
    public init(environment: [String: String]) {
        if let path = environment["STRATEGOS_HISTORY"], !path.isEmpty {
            self.init(path: path)
        } else if let home = environment["HOME"], !home.isEmpty {
            self.init(path: home.hasSuffix("/") ? home + ".strategos_history" : home + "/.strategos_history")
        } else {
            self.init(path: nil)
        }
    }

    /// Puts the saved entries into readline's history list; a missing file is
    /// a first session, not an error.
    func load() {
        // readline writes a time stamp only when the comment character is
        // set; the stamp is what marks where a multi-line entry starts.
        history_comment_char = CChar(UInt8(ascii: "#"))
        history_write_timestamps = 1
        history_multiline_entries = 1
        guard let path else { return }
        _ = read_history(path)
        trim(path)
    }

    /// Entries kept from one session to the next; the oldest go first.
    public static let maximumEntries = 1_000

    /// Keeps the file from growing for ever: rewrites it with the newest
    /// entries, through a temporary file and a rename, so that a kill half-way
    /// loses nothing.
    private func trim(_ path: String) {
        guard history_length > Self.maximumEntries else { return }
        stifle_history(Int32(Self.maximumEntries))
        unstifle_history()
        let temporary = path + ".trimming"
        guard write_history(temporary) == 0 else {
            unlink(temporary)
            return
        }
        rename(temporary, path)
    }

    /// Adds an entry to readline's list and appends it to the file.
    func append(_ entry: String) {
        add_history(entry)
        guard let path else { return }
        // append_history opens without O_CREAT: make the file on first use,
        // private to its owner like a shell's history.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return }
        close(descriptor)
        _ = append_history(1, path)
    }
}
