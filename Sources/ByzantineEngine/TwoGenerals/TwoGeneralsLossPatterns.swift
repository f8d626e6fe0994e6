/// Every loss pattern of `messengers` messengers: every subset of 1...k,
/// fewest captured first, then in dictionary order ({1, 2} before {1, 3}
/// before {2}), so the first pattern a search meets is the simplest.
public enum TwoGeneralsLossPatterns {
    /// 2^k sets; callers keep k small (see the limits of the table and of verify).
    public static func all(messengers: Int) -> [[Int]] {
        guard messengers >= 1, messengers < Int.bitWidth - 1 else { return messengers == 0 ? [[]] : [] }
        let patterns = (0..<(1 << messengers)).map { mask in
            (1...messengers).filter { mask & (1 << ($0 - 1)) != 0 }
        }
        return patterns.sorted { left, right in
            left.count != right.count ? left.count < right.count : left.lexicographicallyPrecedes(right)
        }
    }
}
