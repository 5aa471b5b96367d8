import DLMS
import DLMSTransport

/// A tiny IEC 62056-47 wrapper client for tests: APDUs encoded with module DLMS, each
/// wrapped with ``WrapperCodec`` (source wPort = the client SAP, destination wPort 1),
/// one request and one answer at a time. GET answers in blocks are reassembled with
/// ``GetBlockAssembler``.
struct WrapperClient {
    enum Failure: Error, Equatable {
        case transport(TransportError)
        case badPDU(String)
    }

    let channel: any ByteChannel
    let client: UInt16
    var codec = WrapperCodec()
    var timeout: Duration = .seconds(5)
    /// Every PDU received, in order (to check the addresses).
    var received: [WrapperCodec.PDU] = []

    init(channel: any ByteChannel, client: UInt16) { self.channel = channel; self.client = client }

    /// Sends one APDU and returns the answer.
    mutating func exchange(_ apdu: APDU) async throws(Failure) -> APDU {
        guard let bytes = WrapperCodec.encode(.init(source: client, destination: 1, apdu: apdu.encoded())) else {
            throw .badPDU("too long")
        }
        do { try await channel.write(bytes) } catch { throw .transport(error) }
        while true {
            do {
                if let pdu = try codec.decode() {
                    received.append(pdu)
                    do { return try APDU(decoding: pdu.apdu) } catch { throw Failure.badPDU("\(error)") }
                }
            } catch let error as Failure {
                throw error
            } catch {
                throw .badPDU("\(error)")
            }
            do { codec.append(try await channel.read(atMost: 4096, timeout: timeout)) } catch { throw .transport(error) }
        }
    }

    /// AARQ → AARE: NLS, or LLS with `password`.
    mutating func associate(password: String? = nil, maxPDU: UInt16 = 0xFFFF) async throws(Failure) -> AARE {
        let initiate = InitiateRequest(proposedConformance: .clientProposal, clientMaxReceivePDUSize: maxPDU)
        let aarq = password.map { AARQ(mechanism: .low, authenticationValue: Array($0.utf8), userInformation: initiate) }
            ?? AARQ(userInformation: initiate)
        guard case .aare(let aare) = try await exchange(.aarq(aarq)) else { throw .badPDU("no AARE") }
        return aare
    }

    /// GET normal, then GET next until the last block.
    mutating func get(_ text: String, access: SelectiveAccess? = nil) async throws(Failure) -> GetDataResult {
        let invoke = InvokeIDAndPriority(id: 1)
        var answer = try await exchange(.getRequest(.normal(invokeID: invoke, attribute: CosemAttributeDescriptor(text)!, access: access)))
        var assembler = GetBlockAssembler()
        while true {
            switch answer {
            case .getResponse(.normal(_, let result)):
                return result
            case .getResponse(.withDataBlock(_, let block)):
                let last: Bool
                do { last = try assembler.append(block) } catch { throw .badPDU("\(error)") }
                if last {
                    do { return .data(try assembler.value()) } catch { throw .badPDU("\(error)") }
                }
                answer = try await exchange(.getRequest(.next(invokeID: invoke, blockNumber: assembler.nextRequestBlockNumber)))
            default:
                throw .badPDU("\(answer)")
            }
        }
    }

    mutating func set(_ text: String, _ value: DLMSData) async throws(Failure) -> DataAccessResult {
        let request = SetRequest.normal(invokeID: InvokeIDAndPriority(id: 2), attribute: CosemAttributeDescriptor(text)!,
                                        access: nil, value: value)
        guard case .setResponse(.normal(_, let result)) = try await exchange(.setRequest(request)) else { throw .badPDU("no SET answer") }
        return result
    }

    mutating func release() async throws(Failure) -> APDU {
        try await exchange(.releaseRequest(ReleaseRequest()))
    }
}
