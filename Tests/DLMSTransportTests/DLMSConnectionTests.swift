import DLMS
import Foundation
import Synchronization
import Testing
@testable import DLMSTransport

/// A tiny meter for the driver's tests: DLMS's ServerSession for HDLC plus a hand-written
/// responder (AARQ → AARE, GET → a value, SET and ACTION → success, RLRQ → RLRE).
struct TinyMeter {
    static let address = HDLCAddress.server(upper: 1, lower: 1001, size: 4)
    static let serial = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, 0, 255), attribute: 2)
    var password: [UInt8]? = Array("admin@emis".utf8)
    var objects: [CosemAttributeDescriptor: DLMSData] = [serial: .octetString(Array("95100001".utf8))]

    func answer(_ bytes: [UInt8]) -> [UInt8] {
        guard let apdu = try? APDU(decoding: bytes) else {
            return APDU.exceptionResponse(ExceptionResponse(stateError: 2, serviceError: 3)).encoded()
        }
        switch apdu {
        case .aarq(let aarq):
            let ok = password == nil ? aarq.mechanism == nil : (aarq.mechanism == .low && aarq.authenticationValue == password)
            let initiate = InitiateResponse(negotiatedConformance: Conformance(rawValue: 0x00_1E_1D), serverMaxReceivePDUSize: 1024)
            return APDU.aare(AARE(result: ok ? .accepted : .rejectedPermanent,
                                  diagnostic: .serviceUser(ok ? 0 : 13), userInformation: .initiateResponse(initiate))).encoded()
        case .getRequest(.normal(let inv, let attribute, _)):
            return APDU.getResponse(.normal(invokeID: inv, result: objects[attribute].map { .data($0) } ?? .error(.objectUndefined))).encoded()
        case .setRequest(.normal(let inv, _, _, _)):
            return APDU.setResponse(.normal(invokeID: inv, result: .success)).encoded()
        case .actionRequest(.normal(let inv, _, _)):
            return APDU.actionResponse(.normal(invokeID: inv, response: ActionResponseWithOptionalData(result: .success))).encoded()
        case .releaseRequest:
            return APDU.releaseResponse(ReleaseResponse(reason: 0)).encoded()
        default:
            return APDU.exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 2)).encoded()
        }
    }

    /// Serves one channel until it closes; the result tells whether the client disconnected.
    func serve(_ channel: any ByteChannel) -> Task<Bool, Never> {
        Task {
            var session = ServerSession(configuration: .init(address: Self.address))
            var disconnected = false
            while let bytes = try? await channel.read(atMost: 4096, timeout: .seconds(10)) {
                var actions = session.bytesReceived(bytes)
                while !actions.isEmpty {
                    switch actions.removeFirst() {
                    case .send(let frame): try? await channel.write(frame)
                    case .request(let apdu, _): actions += session.respond(answer(apdu))
                    case .disconnected: disconnected = true
                    case .connected: break
                    }
                }
            }
            return disconnected
        }
    }
}

/// Runs `operation` and gives up after `limit` instead of hanging the test run.
final class ResumeOnce<T: Sendable>: Sendable {
    let c: Mutex<CheckedContinuation<T?, Never>?>
    init(_ c: CheckedContinuation<T?, Never>) { self.c = Mutex(c) }
    func resume(_ v: T?) { c.withLock { $0.take() }?.resume(returning: v) }
}

func within<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    await withCheckedContinuation { (c: CheckedContinuation<T?, Never>) in
        let once = ResumeOnce(c)
        Task { once.resume(await operation()) }
        Task { try? await Task.sleep(for: limit); once.resume(nil) }
    }
}

@Suite struct DLMSConnectionTests {
    static let password = Array("admin@emis".utf8)

    static func configuration(password: [UInt8]? = Self.password, timeout: Duration = .seconds(2)) -> ClientConfiguration {
        ClientConfiguration(clientAddress: password == nil ? 16 : 32,
                            authentication: password.map { .low(password: $0) } ?? .none,
                            responseTimeout: timeout)
    }

    @Test func opensReadsWritesCallsAndClosesWithATrace() async throws {
        let (client, server) = MemoryChannel.pair()
        let meter = TinyMeter().serve(server)
        let path = NSTemporaryDirectory() + "hlmcs-conn-trace-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trace = try FrameTrace(path: path)
        let link = DLMSConnection(channel: client, configuration: Self.configuration(), trace: trace)
        let outcome = await within(.seconds(20)) { () -> String in
            do {
                let info = try await link.open()
                guard info.serverAddress == TinyMeter.address else { return "address \(info.serverAddress)" }
                let values = try await link.get([AttributeWithAccess(TinyMeter.serial)])
                guard values == [.data(.octetString(Array("95100001".utf8)))] else { return "get \(values)" }
                let missing = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, 9, 255), attribute: 2)
                guard try await link.get([AttributeWithAccess(missing)]) == [.error(.objectUndefined)] else { return "get missing" }
                guard try await link.set(TinyMeter.serial, .octetString([0x31])) == .success else { return "set" }
                let method = CosemMethodDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), method: 1)
                guard try await link.action(method, .integer(0)).result == .success else { return "action" }
                await link.close()
                return "ok"
            } catch { return "error \(error)" }
        }
        #expect(outcome == "ok")
        #expect(await meter.value, "the meter saw the DISC")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        // SNRM, AARQ, 4 requests, RLRQ, DISC sent; as many answers received.
        #expect(lines.filter { $0.contains(" > ") }.count == 8)
        #expect(lines.filter { $0.contains(" < ") }.count == 8)
        let passwordHex = Self.password.map { String($0, radix: 16) }.joined(separator: " ")
        #expect(!text.contains(passwordHex), "the password never appears")
        #expect(text.contains(Array(repeating: "2a", count: Self.password.count).joined(separator: " ")))
    }

    @Test func wrongPasswordIsAProtocolError() async {
        let (client, server) = MemoryChannel.pair()
        _ = TinyMeter().serve(server)
        let link = DLMSConnection(channel: client, configuration: Self.configuration(password: Array("wrong".utf8)))
        let error = await within(.seconds(20)) { () -> DLMSConnectionError? in
            do { _ = try await link.open(); return nil } catch let e as DLMSConnectionError { return e } catch { return nil }
        }
        #expect(error == .dlms(.associationRejected(.rejectedPermanent, diagnostic: .authenticationFailure)))
        await client.close()
    }

    @Test func silentPeerFailsAfterFourTimeouts() async {
        let (client, _peer) = MemoryChannel.pair()
        let link = DLMSConnection(channel: client, configuration: Self.configuration(timeout: .milliseconds(50)))
        let start = ContinuousClock.now
        let error = await within(.seconds(10)) { () -> DLMSConnectionError? in
            do { _ = try await link.open(); return nil } catch let e as DLMSConnectionError { return e } catch { return nil }
        }
        #expect(error == .dlms(.noResponse(attempts: 4)))
        #expect(ContinuousClock.now - start >= .milliseconds(200), "4 × 50 ms")
        _ = _peer
    }

    @Test func cutChannelIsATransportErrorNotAHang() async throws {
        let (client, server) = MemoryChannel.pair()
        _ = TinyMeter().serve(server)
        // Cut after the SNRM and the AARQ went out.
        let faulty = FaultyChannel(client, faults: FaultSpec(cutAfter: 2))
        let link = DLMSConnection(channel: faulty, configuration: Self.configuration())
        let error = await within(.seconds(10)) { () -> DLMSConnectionError? in
            do { _ = try await link.open(); return nil } catch let e as DLMSConnectionError { return e } catch { return nil }
        }
        #expect(error == .transport(.cut))
        let closed = await within(.seconds(10)) { await link.close(); return true }
        #expect(closed == true, "close() is bounded")
    }

    @Test func peerClosingMidRequestIsClosed() async throws {
        let (client, server) = MemoryChannel.pair()
        let meter = TinyMeter().serve(server)
        let link = DLMSConnection(channel: client, configuration: Self.configuration())
        let error = await within(.seconds(10)) { () -> DLMSConnectionError? in
            do {
                _ = try await link.open()
                await server.close()
                _ = try await link.get([AttributeWithAccess(TinyMeter.serial)])
                return nil
            } catch let e as DLMSConnectionError { return e } catch { return nil }
        }
        #expect(error == .transport(.closed))
        _ = await meter.value
    }

    /// Each try would wait an hour: only the caller's cancellation can end `open()`
    /// within the time limit. (No wall-clock assertion: a busy machine delays tasks.)
    @Test(.timeLimit(.minutes(1))) func cancellingTheCallerCancelsTheSession() async throws {
        let (client, _peer) = MemoryChannel.pair()
        let link = DLMSConnection(channel: client, configuration: Self.configuration(timeout: .seconds(3600)))
        let task = Task { () -> DLMSConnectionError? in
            do { _ = try await link.open(); return nil } catch let e as DLMSConnectionError { return e } catch { return nil }
        }
        // The SNRM has gone out: the session is waiting for its answer.
        #expect(try await _peer.read(atMost: 64, timeout: .seconds(30)).first == 0x7E)
        task.cancel()
        let error = await within(.seconds(50)) { await task.value }
        #expect(error == .some(.dlms(.cancelled)))
        _ = _peer
    }
}
