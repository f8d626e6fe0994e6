import ArgumentParser

/// Reads a count option's value, refusing text that is not a whole number of
/// at least `minimum` in words that say what the option takes. The options that
/// use it parse `.unconditional`ly: ArgumentParser would otherwise take `-5`
/// for an option and report that the value is missing.
func count(atLeast minimum: Int) -> @Sendable (String) throws -> Int {
    { text in
        guard let value = Int(text), value >= minimum else {
            throw ValidationError("give a whole number of at least \(minimum)")
        }
        return value
    }
}

/// A count option's help, with the default ArgumentParser states only for an
/// option it reads itself, not through a transform.
func countHelp(_ abstract: String, default value: Int) -> ArgumentHelp {
    ArgumentHelp(abstract + " (default: \(value))", valueName: "n")
}
