/// Text laid out in columns, for the renderers' tables.
extension String {
    /// The string with spaces after it, to fill a column `width` characters wide.
    public func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The string without the spaces a padded last column leaves at its end.
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension String {
    /// The text with each character that `replacements` lists written as its
    /// replacement: the escapes of a string literal, of XML.
    func escaping(_ replacements: [Character: String]) -> String {
        var result = ""
        for character in self {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
