import Foundation
import StrategosLanguage

/// One word tab completion can offer.
public struct Completion: Sendable, Equatable {
    public var text: String
    /// Typed after the word when it is the only match: a space after a
    /// keyword, nothing after `om(` or a directory, `"` after a file in a string.
    public var suffix: Character?

    public init(_ text: String, suffix: Character? = " ") {
        self.text = text
        self.suffix = suffix
    }
}

/// Tab completion that knows where it is: which words the parser would accept
/// at the cursor (`Parser.expectations(after:)`, the one grammar), the generals
/// and values of the current scenario, file names inside `load "..."` and meta
/// commands after `:`. Pure logic over the typed text, so
/// it is tested without a terminal; `ReadlineCompletion` connects it to readline.
public struct Completer {
    public struct DirectoryEntry: Sendable, Equatable {
        public var name: String
        public var isDirectory: Bool
        public init(_ name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    public var context: CompletionContext
    /// The entries of a directory (a path ending in `/`, or "" for the
    /// current one); a test supplies its own.
    public var listDirectory: (String) -> [DirectoryEntry]

    public init(context: CompletionContext, listDirectory: @escaping (String) -> [DirectoryEntry] = Completer.fileSystemEntries) {
        self.context = context
        self.listDirectory = listDirectory
    }

    /// Characters that end a word outside a string. Inside a string only the
    /// opening quote does, so a path keeps its spaces and slashes.
    static let wordBreaks = " \t\n\"(),;-"
    static let stringBreaks = "\""

    /// The word the cursor is in and whether it is inside a string: what
    /// readline replaces with the completion.
    public static func word(beforeCursor line: String) -> (word: Substring, isInString: Bool) {
        let isInString = openQuote(in: line) != nil
        let breaks = isInString ? stringBreaks : wordBreaks
        let start = line.lastIndex(where: breaks.contains).map(line.index(after:)) ?? line.startIndex
        return (line[start...], isInString)
    }

    /// The completions of the word before the cursor, in the order to show them.
    public func completions(beforeCursor line: String) -> [Completion] {
        let (word, isInString) = Self.word(beforeCursor: line)
        let before = String(line[..<word.startIndex])
        let candidates: [Completion]
        let lead = before.drop(while: \.isWhitespace)
        if context.pendingEntry.isEmpty, lead.hasPrefix(":") || (lead.isEmpty && word.hasPrefix(":")) {
            candidates = metaCompletions(before: before, word: word)
        } else if isInString {
            candidates = stringCompletions(before: before, word: word)
        } else if Self.isInComment(line) {
            candidates = []
        } else {
            candidates = Parser.expectations(after: entry(before: before)).flatMap(completions(for:))
        }
        var seen = Set<String>()
        return candidates.filter { $0.text.hasPrefix(word) && seen.insert($0.text).inserted }
    }

    // MARK: - Meta commands

    private func metaCompletions(before: String, word: Substring) -> [Completion] {
        let words = before.split(whereSeparator: \.isWhitespace)
        guard let command = words.first else {
            return MetaCommand.all.map { Completion(":" + $0.name) }
        }
        guard words.count == 1, let meta = MetaCommand.named(String(command.dropFirst())) else { return [] }
        switch meta.argument {
        case .file: return files(matching: word, closingQuote: false)
        case .topic: return HelpTopic.names.map { Completion($0) }
        case .none: return []
        }
    }

    // MARK: - Strings

    /// Where the parser wants a script to load (`load "...`): file names.
    /// Inside any other string: nothing.
    private func stringCompletions(before: String, word: Substring) -> [Completion] {
        guard Parser.expectations(after: entry(before: String(before.dropLast()))).contains(.path) else { return [] }
        return files(matching: word, closingQuote: true)
    }

    // MARK: - The grammar

    /// The entry so far: the pending lines and the line up to the cursor's word.
    private func entry(before text: String) -> String {
        context.pendingEntry.isEmpty ? text : context.pendingEntry + "\n" + text
    }

    /// The words that fit what the parser expects next, from the session's
    /// generals and values.
    private func completions(for expectation: Expected) -> [Completion] {
        switch expectation {
        case .keyword(let keyword): [Completion(keyword.rawValue)]
        case .call(let algorithm): [Completion(algorithm.rawValue + "(", suffix: nil)]
        case .general: context.generals.map { Completion($0) }
        case .lieutenant: context.generals.dropFirst().map { Completion($0) }
        case .twoGeneralsGeneral: ["A", "B"].map { Completion($0) }
        case .value: context.values.map { Completion($0) }
        case .integer, .path, .string: []
        }
    }

    /// Scripts (`.strat`) and directories whose path starts with `word`; any
    /// file when no script matches.
    private func files(matching word: Substring, closingQuote: Bool) -> [Completion] {
        let slash = word.lastIndex(of: "/").map(word.index(after:)) ?? word.startIndex
        let directory = String(word[..<slash])
        let entries = listDirectory(directory)
            .filter { $0.name.hasPrefix(word[slash...]) && ($0.name.first != "." || word[slash...].hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        let scripts = entries.filter { $0.isDirectory || $0.name.hasSuffix(".strat") }
        let chosen = scripts.contains { !$0.isDirectory } ? scripts : entries
        return chosen.map { entry in
            entry.isDirectory
                ? Completion(directory + entry.name + "/", suffix: nil)
                : Completion(directory + entry.name, suffix: closingQuote ? "\"" : " ")
        }
    }

    public static func fileSystemEntries(in directory: String) -> [DirectoryEntry] {
        let path = directory.isEmpty ? "." : directory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
            return DirectoryEntry(name, isDirectory: isDirectory.boolValue)
        }
    }

    // MARK: - Scanning the typed text

    /// Where an unterminated string starts on the cursor's line, if it does.
    static func openQuote(in line: String) -> String.Index? {
        var quote: String.Index?
        var isEscaped = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let _ = quote {
                if isEscaped { isEscaped = false } else if character == "\\" { isEscaped = true } else if character == "\"" { quote = nil }
            } else if character == "\"" {
                quote = index
            } else if character == "#" {
                return nil
            } else if character == "\n" {
                quote = nil
            }
            index = line.index(after: index)
        }
        return quote
    }

    /// Whether the cursor is inside a `#` comment.
    static func isInComment(_ line: String) -> Bool {
        let currentLine = line.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        var isInString = false
        var isEscaped = false
        for character in currentLine {
            if isInString {
                if isEscaped { isEscaped = false } else if character == "\\" { isEscaped = true } else if character == "\"" { isInString = false }
            } else if character == "\"" {
                isInString = true
            } else if character == "#" {
                return true
            }
        }
        return false
    }
}
