/// A bound the session keeps on work or input. A message says which one was
/// passed but not what sets it: the program embedding the language has its own
/// setting for each (the command line, a flag) and names it when it renders.
public enum Limit: Sendable, Hashable, CaseIterable {
    case messages, traceLength, verifyBudget, inputBytes, loadDepth

    /// The setting's name in the words `form` puts it, or nothing when the
    /// front end gave it no name.
    func named(in names: [Limit: String], _ form: LimitMention.Form) -> String {
        guard let name = names[self] else { return "" }
        switch form {
        case .raisedWith: return " with \(name)"
        case .aside: return " (\(name))"
        }
    }
}

/// The place in a message where the setting of a limit it mentions is named,
/// so the message reads whole without it: "raise it", or "raise it with
/// --max-messages" once a front end names the setting.
public struct LimitMention: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// " with NAME", after "raise it".
        case raisedWith
        /// " (NAME)", after what the limit bounds.
        case aside
    }

    public var limit: Limit
    public var form: Form
    /// Where the name goes, in UTF-8 bytes from the start of the message.
    public var offset: Int

    /// `text` with the setting's name at `offset`, if `names` has one.
    func insert(into text: String, naming names: [Limit: String]) -> String {
        let name = limit.named(in: names, form)
        let bytes = Array(text.utf8)
        let offset = min(max(offset, 0), bytes.count)
        return String(decoding: bytes[..<offset], as: UTF8.self) + name + String(decoding: bytes[offset...], as: UTF8.self)
    }

    func moved(by bytes: Int) -> LimitMention {
        LimitMention(limit: limit, form: form, offset: offset + bytes)
    }
}
