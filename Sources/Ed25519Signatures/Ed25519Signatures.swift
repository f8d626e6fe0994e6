import ByzantineEngine
import Crypto
import Foundation

/// SM(m) with real signatures: every general has its own Ed25519 key pair, so a
/// forgery is real bytes that fail real verification. Keys come from the seed
/// (each general's private key is SHA-256 of the seed and its number), so the
/// same script gives the same run; Ed25519 signing is deterministic too.
public struct Ed25519Signatures: SignatureScheme {
    private let keys: KeyRing

    public init(generals: Int, seed: UInt64) throws(EngineError) {
        try self.init(generals: generals, seed: seed, makeKey: Curve25519.Signing.PrivateKey.init(rawRepresentation:))
    }

    /// `makeKey` turns a general's 32 bytes into its key; tests pass one that fails.
    init(generals: Int, seed: UInt64, makeKey: (Data) throws -> Curve25519.Signing.PrivateKey) throws(EngineError) {
        keys = try KeyRing(generals: generals, seed: seed, makeKey: makeKey)
    }

    public var name: String { "ed25519" }

    public func sign(value: Int, chain: ArraySlice<Int32>, signer: Int) -> Data {
        guard let key = keys.privateKey(of: signer) else { return Data() }
        return (try? key.signature(for: Self.message(value: value, chain: chain))) ?? Data()
    }

    public func verify(_ signature: Data, value: Int, chain: ArraySlice<Int32>, signer: Int) -> Bool {
        guard let key = keys.publicKey(of: signer) else { return false }
        return key.isValidSignature(signature, for: Self.message(value: value, chain: chain))
    }

    /// What a signature covers: the value, then the chain up to the signer,
    /// each as a little-endian 32-bit integer after a tag naming the protocol.
    static func message(value: Int, chain: ArraySlice<Int32>) -> Data {
        var bytes = Data("strategos-sm".utf8)
        for number in [Int32(truncatingIfNeeded: value)] + chain {
            withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}

/// Every general's key pair, made once. Immutable after `init`, which is why
/// sharing it between threads is safe although the key types do not say so.
private final class KeyRing: @unchecked Sendable {
    private let privateKeys: [Curve25519.Signing.PrivateKey]
    private let publicKeys: [Curve25519.Signing.PublicKey]

    /// A key that cannot be made stops the run: skipping it would hand every
    /// later general the key of the one after it.
    init(generals: Int, seed: UInt64, makeKey: (Data) throws -> Curve25519.Signing.PrivateKey) throws(EngineError) {
        var keys: [Curve25519.Signing.PrivateKey] = []
        for general in 0..<max(generals, 0) {
            var material = Data("strategos-key".utf8)
            withUnsafeBytes(of: seed.littleEndian) { material.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt64(general).littleEndian) { material.append(contentsOf: $0) }
            do {
                keys.append(try makeKey(Data(SHA256.hash(data: material))))
            } catch {
                throw .signingKeyUnavailable(general: general)
            }
        }
        privateKeys = keys
        publicKeys = keys.map(\.publicKey)
    }

    func privateKey(of general: Int) -> Curve25519.Signing.PrivateKey? {
        privateKeys.indices.contains(general) ? privateKeys[general] : nil
    }

    func publicKey(of general: Int) -> Curve25519.Signing.PublicKey? {
        publicKeys.indices.contains(general) ? publicKeys[general] : nil
    }
}
