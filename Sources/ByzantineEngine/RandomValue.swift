/// Seeded randomness for `random` deviations. A value depends only on the seed,
/// the message's path and its receiver (not on the order messages are made in),
/// so the same seed gives the same run however the engine walks the messages.
enum RandomValue {
    @inline(__always)
    static func pick(seed: UInt64, pathHash: UInt64, receiver: Int, valueCount: Int) -> Int {
        let mixed = SplitMix64.mix(seed ^ SplitMix64.mix(pathHash &+ UInt64(truncatingIfNeeded: receiver) &* 0x9E37_79B9_7F4A_7C15))
        return Int(mixed % UInt64(max(valueCount, 1)))
    }
}

enum PathHash {
    static let empty: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    static func extend(_ hash: UInt64, with general: Int) -> UInt64 {
        SplitMix64.mix(hash ^ UInt64(truncatingIfNeeded: general &+ 1))
    }

    static func of(_ path: [Int]) -> UInt64 {
        path.reduce(empty, extend)
    }
}

enum SplitMix64 {
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A lossy channel's losses: whether one message is lost depends only on the
/// seed, its path and its receiver, like a `random` value, so the same seed
/// loses the same messages however the engine walks them.
enum LossDraw {
    @inline(__always)
    static func isLost(seed: UInt64, pathHash: UInt64, receiver: Int, percent: Int) -> Bool {
        let mixed = SplitMix64.mix(~seed ^ SplitMix64.mix(pathHash ^ UInt64(truncatingIfNeeded: receiver &+ 1) &* 0xD1B5_4A32_D192_ED03))
        return Int(mixed % 100) < percent
    }
}
