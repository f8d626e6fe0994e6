/// A count as text writes it: "1 round", "3,609 messages", "2 strategies".
/// Its digits are grouped by commas, as the README writes numbers, and the
/// noun agrees with it; give `plural` where adding "s" is wrong. JSON writes
/// plain numbers and does not come here.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    Diagnostic.grouped(count) + " " + (count == 1 ? noun : plural ?? noun + "s")
}
