import DLMS
import DLMSTransport
import ES951
import Foundation
import Testing
@testable import Concentrator

@Suite("Concentrator writes with read-back", .timeLimit(.minutes(1)))
struct ConcentratorWriteTests {
    @Test func gprsWrittenAndReadBackUnderLLS() async throws {
        let rig = try await SimulatorRig.opened()
        var gprs = try await rig.concentrator.readGPRS()
        gprs.apn = "m2m.example"
        gprs.primaryServer = ServerEndpoint(host: "10.1.2.3", port: 5000)
        gprs.backupServer = ServerEndpoint(host: "10.1.2.4", port: 5001)
        gprs.heartbeatSeconds = 300
        gprs.dpdUser = "dpd"
        gprs.dpdPassword = "secret"
        let outcomes = try await rig.concentrator.write(gprs: gprs, changing: Set(GPRSField.allCases))
        #expect(outcomes == [.accepted, .accepted, .accepted, .accepted])
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        #expect(entry.what == "write gprs apn,servers,dpd,heartbeat" && entry.outcome == .written(accepted: 4, of: 4))
        let back = try await rig.concentrator.readGPRS()
        var expected = gprs
        expected.dpdPassword = nil
        #expect(back == expected)
        // Invalid values are not written.
        gprs.heartbeatSeconds = 0
        await #expect(throws: ConcentratorError.self) { _ = try await rig.concentrator.write(gprs: gprs, changing: [.heartbeat]) }
        #expect(try await rig.concentrator.readGPRS().heartbeatSeconds == 300)
        await rig.finish()
    }

    @Test func ipWrittenAndReadBack() async throws {
        let rig = try await SimulatorRig.opened()
        var ip = try await rig.concentrator.readIP()
        ip.ip = IPv4Address(192, 168, 5, 7)
        ip.dns2 = IPv4Address(8, 8, 4, 4)
        #expect(try await rig.concentrator.write(ip: ip, changing: [.ip, .dns2]) == [.accepted, .accepted])
        let back = try await rig.concentrator.readIP()
        #expect(back.ip == ip.ip && back.dns2 == ip.dns2)
        await rig.finish()
    }

    @Test func writesRefusedUnderNLS() async throws {
        let rig = try await SimulatorRig.opened(client: 16, password: nil)
        var gprs = try await rig.concentrator.readGPRS()
        gprs.heartbeatSeconds = 600
        #expect(try await rig.concentrator.write(gprs: gprs, changing: [.heartbeat]) == [.refused(.readWriteDenied)])
        let heartbeat = try SimulatorRig.map.descriptor("heartbeat-interval", 2)
        #expect(try await rig.concentrator.set(heartbeat, .longUnsigned(600)) == .refused(.readWriteDenied))
        #expect(try await rig.concentrator.setTimeZone(minutes: -120) == .refused(.readWriteDenied))
        #expect(try await rig.concentrator.readGPRS().heartbeatSeconds == 180)
        // NLS may still choose a point: reading a profile works.
        #expect(try await rig.concentrator.readProfile(.monthly, point: 2).rows.count == 14)
        await rig.finish()
    }

    @Test func genericSetReadsBack() async throws {
        let rig = try await SimulatorRig.opened()
        let heartbeat = try SimulatorRig.map.descriptor("heartbeat-interval", 2)
        #expect(try await rig.concentrator.set(heartbeat, .longUnsigned(600)) == .accepted)
        #expect(try await rig.concentrator.get([heartbeat]) == [.data(.longUnsigned(600))])
        // A read-only attribute is refused.
        let model = try SimulatorRig.map.descriptor("model", 2)
        let outcome = try await rig.concentrator.set(model, .visibleString(Array("X".utf8)))
        #expect(outcome == .refused(.readWriteDenied))
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        #expect(entry.what == "set 1/0.0.96.1.1.255/2" && entry.outcome == .written(accepted: 0, of: 1))
        await rig.finish()
    }

    @Test func clockSetSyncAndTimeZone() async throws {
        let rig = try await SimulatorRig.opened()
        let target = try #require(COSEMDateTime(year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0, utcOffsetMinutes: 180))
        #expect(try await rig.concentrator.setClock(target) == .accepted)
        let read = try await rig.concentrator.readClock()
        let delta = try #require(read.time.secondsSince1970()) - (try #require(target.secondsSince1970()))
        #expect((0...10).contains(delta))
        #expect(try await rig.concentrator.setTimeZone(minutes: -120) == .accepted)
        #expect(try await rig.concentrator.readClock().timeZone == -120)
        let now = Date()
        #expect(try await rig.concentrator.syncClock(now: now) == .accepted)
        let synced = try await rig.concentrator.readClock()
        #expect(synced.time.deviation == -120)
        #expect(abs(try #require(synced.time.secondsSince1970()) - Int64(now.timeIntervalSince1970)) <= 10)
        await rig.finish()
    }
}
