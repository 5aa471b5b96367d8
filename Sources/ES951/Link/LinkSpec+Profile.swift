import Foundation

/// A link spec as a saved connection profile stores it: JSON with a format version, every
/// field by name (the trace and map files are one run's, never stored). Profiles saved
/// before it are LINK-option text (``LinkSpec/linkText``); they are still read, and the
/// program rewrites them as JSON when it meets them.
extension LinkSpec {
    /// The version written in every stored spec.
    public static let profileVersion = 1

    /// Why a stored spec could not be read back.
    public enum ProfileTextError: Error, Equatable, Sendable {
        /// JSON that is not a spec of a known version, or whose fields are wrong.
        case malformed
        /// A newer program wrote it.
        case newerVersion(Int)
        /// Old LINK-option text with a word that is not understood.
        case legacy(word: String)
    }

    private struct Stored: Codable {
        var version: Int
        var medium: String
        var port: String?
        var baud: Int?
        var dataBits: Int?
        var parity: String?
        var stopBits: Int?
        var host: String?
        var tcpPort: Int?
        var wrapper: Bool?
        var security: String
        var clientSAP: Int?
        var serverAddress: Int?
        var logical: Int
        var addressSize: Int?
        var maxInfo: Int
        var window: Int
        var timeoutSeconds: Double
    }

    /// The spec as stored: JSON, keys sorted.
    public var profileText: String {
        let serial = medium == .serial, optical = medium == .optical, tcp = medium == .tcp
        let stored = Stored(version: Self.profileVersion, medium: medium.rawValue,
                            port: serial || optical ? port : nil, baud: serial ? baud : nil,
                            dataBits: serial ? dataBits : nil, parity: serial ? parity.rawValue : nil,
                            stopBits: serial ? stopBits : nil, host: tcp ? host : nil, tcpPort: tcp ? tcpPort : nil,
                            wrapper: tcp ? wrapper : nil, security: security.rawValue, clientSAP: clientSAP,
                            serverAddress: serverAddress, logical: logical, addressSize: addressSize,
                            maxInfo: maxInfo, window: window, timeoutSeconds: timeoutSeconds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(stored)) ?? Data(), as: UTF8.self)
    }

    /// Reads a stored spec: JSON, or the old LINK-option text (`legacy` then says it
    /// should be stored again as JSON).
    public static func fromProfile(_ text: String) throws(ProfileTextError) -> (spec: LinkSpec, legacy: Bool) {
        guard text.hasPrefix("{") else {
            do { return (try LinkSpec(linkText: text), true) } catch { throw .legacy(word: error.word) }
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else { throw .malformed }
        guard stored.version <= profileVersion else { throw .newerVersion(stored.version) }
        guard let medium = Medium(rawValue: stored.medium), let security = Security(rawValue: stored.security) else {
            throw .malformed
        }
        var spec = LinkSpec(medium: medium, security: security, clientSAP: stored.clientSAP,
                            serverAddress: stored.serverAddress, logical: stored.logical,
                            timeoutSeconds: stored.timeoutSeconds, addressSize: stored.addressSize,
                            maxInfo: stored.maxInfo, window: stored.window)
        if let v = stored.port { spec.port = v }
        if let v = stored.baud { spec.baud = v }
        if let v = stored.dataBits { spec.dataBits = v }
        if let v = stored.parity {
            guard let p = Parity(rawValue: v) else { throw .malformed }
            spec.parity = p
        }
        if let v = stored.stopBits { spec.stopBits = v }
        if let v = stored.host { spec.host = v }
        if let v = stored.tcpPort { spec.tcpPort = v }
        if let v = stored.wrapper { spec.wrapper = v }
        return (spec, false)
    }
}
