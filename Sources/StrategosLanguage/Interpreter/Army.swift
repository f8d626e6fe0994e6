/// The generals of a scenario: declared with `generals`, or made on demand when
/// a `run` needs them (commander `C` plus `L1`..`Lk`).
public enum Army: Sendable, Equatable {
    case onDemand
    case declared([String])

    /// The most generals an army may have; larger armies are refused, not attempted.
    public static let maximumSize = 10_000
    /// The most generals a graph with links missing may have: its analysis
    /// (Definition 1's regular sets, connectivity) runs flows through it.
    public static let largestGraph = 16

    /// The names of an army of `count` generals made from a number: C, L1, L2, ...
    static func numbered(_ count: Int) -> [String] {
        count <= 0 ? [] : ["C"] + (1..<count).map { "L\($0)" }
    }

    /// The lieutenant number of an on-demand name (`L3` is 3), if it is one.
    static func lieutenantNumber(of name: String) -> Int? {
        guard name.first == "L", name.count >= 2 else { return nil }
        let digits = name.dropFirst()
        guard digits.first != "0", digits.allSatisfy(\.isASCII), let number = Int(digits), number >= 1 else { return nil }
        return number
    }

    /// Whether `name` can be a general of this army (on demand: `C` or `L1`, `L2`, ...).
    public func admits(_ name: String) -> Bool {
        switch self {
        case .onDemand: name == "C" || Army.lieutenantNumber(of: name) != nil
        case .declared(let names): names.contains(name)
        }
    }
}
