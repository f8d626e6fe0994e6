/// How SM(m)'s signatures are made and checked. A signature covers a value and
/// a chain prefix (the generals who passed the value on, commander first, the
/// signer last). Loyal generals sign only what they send; faulty generals
/// collude, so a faulty sender that changes a value signs afresh for every
/// faulty general on the chain, and keeps the loyal generals' signatures,
/// which no longer match: the receiver's check catches the forgery.
public protocol SignatureScheme: Sendable {
    associatedtype Signature: Sendable
    /// The name a script gives the scheme (`signatures ed25519`).
    var name: String { get }
    func sign(value: Int, chain: ArraySlice<Int32>, signer: Int) -> Signature
    func verify(_ signature: Signature, value: Int, chain: ArraySlice<Int32>, signer: Int) -> Bool
}

/// The fast default: a signature is a record of the value its signer signed,
/// which no one can alter. Unforgeable by construction, as the paper assumes.
public struct ModelledSignatures: SignatureScheme {
    public init() {}

    public var name: String { "modelled" }

    public func sign(value: Int, chain: ArraySlice<Int32>, signer: Int) -> Int32 {
        Int32(value)
    }

    public func verify(_ signature: Int32, value: Int, chain: ArraySlice<Int32>, signer: Int) -> Bool {
        signature == Int32(value)
    }
}
