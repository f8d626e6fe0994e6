import Foundation
import Testing

/// A checked-in expected output. `STRATEGOS_UPDATE_GOLDEN=1` rewrites it from
/// the actual output instead, to be reviewed with `git diff`.
enum GoldenFile {
    static var updating: Bool {
        ProcessInfo.processInfo.environment["STRATEGOS_UPDATE_GOLDEN"] == "1"
    }

    /// Expects `actual` to be the text of the golden file at `url` (rewritten
    /// first when updating). A mismatch is reported as the lines that differ,
    /// numbered and with context, not as two whole outputs to compare by eye.
    static func expect(_ actual: String, matches url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if updating {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("\(url.lastPathComponent) is missing; make it with STRATEGOS_UPDATE_GOLDEN=1 and read it", sourceLocation: sourceLocation)
            return
        }
        if let difference = LineDifference(expected: expected, actual: actual) {
            Issue.record("\(url.lastPathComponent) differs from the output:\n\(difference)", sourceLocation: sourceLocation)
        }
    }
}

/// The one stretch of lines where two texts differ: the lines both share
/// before and after it are trimmed off, and what is left is shown as the
/// golden's lines (`-`) and the output's (`+`), with a little context.
struct LineDifference: CustomStringConvertible {
    static let context = 3
    /// Enough lines of each side to see the change; a longer one is cut.
    static let shownLines = 12

    let expected: [Substring]
    let actual: [Substring]
    /// Lines at the start both share.
    let commonPrefix: Int
    /// Lines at the end both share, after the prefix.
    let commonSuffix: Int

    /// Nil when the texts are the same.
    init?(expected: String, actual: String) {
        guard expected != actual else { return nil }
        self.expected = expected.split(separator: "\n", omittingEmptySubsequences: false)
        self.actual = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let shorter = min(self.expected.count, self.actual.count)
        var prefix = 0
        while prefix < shorter, self.expected[prefix] == self.actual[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, self.expected[self.expected.count - 1 - suffix] == self.actual[self.actual.count - 1 - suffix] {
            suffix += 1
        }
        commonPrefix = prefix
        commonSuffix = suffix
    }

    var description: String {
        let expectedEnd = expected.count - commonSuffix
        let actualEnd = actual.count - commonSuffix
        var lines = ["first difference at line \(commonPrefix + 1) (golden: \(expected.count) lines, output: \(actual.count))"]
        lines += numbered(expected, max(0, commonPrefix - Self.context)..<commonPrefix, mark: " ")
        lines += numbered(expected, commonPrefix..<expectedEnd, mark: "-")
        lines += numbered(actual, commonPrefix..<actualEnd, mark: "+")
        lines += numbered(actual, actualEnd..<min(actual.count, actualEnd + Self.context), mark: " ")
        return lines.joined(separator: "\n")
    }

    private func numbered(_ text: [Substring], _ range: Range<Int>, mark: String) -> [String] {
        let shown = range.prefix(Self.shownLines).map { "\(mark) \(String($0 + 1).leftPadded(to: 5))  \(text[$0])" }
        let cut = range.count - shown.count
        return shown + (cut > 0 ? ["\(mark)        … \(cut) more lines"] : [])
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
