import DLMS
import DLMSTransport
import ES951
import Foundation
import Testing
@testable import Concentrator

@Suite("Concentrator reads against the simulator", .timeLimit(.minutes(1)))
struct ConcentratorReadTests {
    @Test func infoIsOneRoundTrip() async throws {
        let rig = try await SimulatorRig.opened()
        let sentBefore = rig.counter.totals.framesSent, requestsBefore = rig.requests.count
        let info = try await rig.concentrator.readInfo()
        // One GET-with-list: one frame out, one request served.
        #expect(rig.counter.totals.framesSent - sentBefore == 1)
        #expect(rig.requests.count - requestsBefore == 1)
        #expect(info.serialNumber == "95100001")
        #expect(info.model == "ES-951")
        #expect(info.manufacturer == "EMIS")
        #expect(info.firmwareVersion == "2.7.0")
        #expect(info.hardwareVersion?.isEmpty == false)
        #expect(info.logicalDeviceName?.count == 16)
        #expect(info.logicalAddressOptical == 1001 && info.logicalAddressRS485 == 1001)
        #expect(info.rs485Baud == 9600)
        #expect(info.meterCounts?.configured == 200)
        #expect(info.timeZone == -180)
        #expect(info.clock?.deviation == -180)
        #expect(info.batteryVoltage?.unit == .volt && info.batteryVoltage?.scaler == -2)
        #expect(info.batteryUseTime?.unit == .second)
        // The log entry: deterministic time, the traffic of the command.
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        #expect(entry.what == "read info" && entry.outcome == .success)
        #expect(entry.time == SimulatorRig.fixedTime && entry.duration == .zero)
        #expect(entry.frames == 2 && entry.bytes > 100)
        await rig.finish()
    }

    /// The unit a write goes to: one GET-with-list the first time, none after it, nor
    /// after an information read that had both items (issue 14: writes name the unit).
    @Test func identityIsReadOnceAndTakenFromTheInformation() async throws {
        let rig = try await SimulatorRig.opened()
        var before = rig.requests.count
        let first = try await rig.concentrator.identity()
        #expect(first == DeviceIdentity(serialNumber: "95100001", logicalDeviceName: "EMSES95195100001"))
        #expect(first.text == "95100001 (EMSES95195100001)")
        #expect(rig.requests.count - before == 1)
        before = rig.requests.count
        _ = try await rig.concentrator.identity()
        #expect(rig.requests.count == before)
        await rig.finish()

        let other = try await SimulatorRig.opened()
        _ = try await other.concentrator.readInfo()
        before = other.requests.count
        #expect(try await other.concentrator.identity().serialNumber == "95100001")
        #expect(other.requests.count == before)
        await other.finish()
    }

    @Test func batteryAndClock() async throws {
        let rig = try await SimulatorRig.opened()
        let battery = try await rig.concentrator.readBattery()
        let volts = try #require(battery.voltage?.doubleValue)
        #expect((2.0...4.0).contains(volts))
        #expect(battery.voltage?.unit == .volt)
        #expect((battery.useTime?.raw ?? -1) >= 0)
        let requestsBefore = rig.requests.count
        let clock = try await rig.concentrator.readClock()
        #expect(rig.requests.count - requestsBefore == 1)
        #expect(clock.timeZone == -180)
        let seconds = try #require(clock.time.secondsSince1970())
        #expect(abs(seconds - Int64(Date().timeIntervalSince1970)) < 120)
        await rig.finish()
    }

    @Test func gprsAndIP() async throws {
        let rig = try await SimulatorRig.opened()
        let before = rig.requests.count
        let gprs = try await rig.concentrator.readGPRS()
        #expect(rig.requests.count - before == 1)
        #expect(gprs.apn == "internet")
        #expect(gprs.heartbeatSeconds == 180)
        #expect(gprs.dpdPassword == nil)
        #expect(gprs.primaryServer != nil)
        let ip = try await rig.concentrator.readIP()
        #expect(rig.requests.count - before == 2)
        #expect(ip.mac.count == 6)
        #expect(ip.tcpPort == 4059)
        await rig.finish()
    }

    @Test func metersArePagedFirstPageFirst() async throws {
        let rig = try await SimulatorRig.opened()
        let pages = Collected<(points: [Int], requestsSoFar: Int)>()
        let progress = Collected<ReadProgress>()
        await rig.concentrator.setProgressHandler { progress.append($0) }
        let requests = rig.requests
        let before = requests.count
        let meters = try await rig.concentrator.readMeters(pageSize: 50) { page in
            pages.append((page.map(\.point), requests.count))
        }
        #expect(meters.count == 200)
        #expect(Set(meters.map(\.point)).count == 200)
        #expect(pages.all.count == 4)
        #expect(pages.all.first?.points == Array(1...50))
        // The first page came after 2 requests (columns + entries, then page 1) of 5.
        #expect(pages.all.first.map { $0.requestsSoFar - before } == 2)
        #expect(requests.count - before == 5)
        #expect(meters.allSatisfy { $0.address.count == 8 && (1...4).contains($0.tariffMode) })
        #expect(progress.all.last?.rows == 200 && progress.all.last?.totalRows == 200)
        #expect(progress.all.contains { $0.rows == 50 })
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        #expect(entry.what == "read meter-list" && entry.rows == 200)
        await rig.finish()
    }

    @Test func pollStatusAndTopology() async throws {
        let rig = try await SimulatorRig.opened()
        let status = try await rig.concentrator.readPollStatus(pageSize: 100)
        #expect(status.count == 200)
        #expect(status.contains { $0.state == .online })
        let before = rig.requests.count
        let topology = try await rig.concentrator.readTopology()
        #expect(rig.requests.count - before == 1)
        #expect(topology.routes.count == 200)
        #expect(topology.maxHops == 15)
        #expect(!topology.tree.children.isEmpty)
        // Every relay (issue 20 item 6): the tree is as deep as the longest route, each
        // node once, and each path names hops + 1 addresses.
        var nodes = 0, deepest = 0
        func walk(_ n: Topology.Node, depth: Int) {
            for c in n.children { nodes += 1; deepest = max(deepest, depth + 1); walk(c, depth: depth + 1) }
        }
        walk(topology.tree, depth: 0)
        #expect(nodes == 200)
        let longest = Int(topology.routes.map(\.hopCount).max() ?? 0)
        #expect(longest > 3 && deepest == longest, "\(deepest) levels for routes of up to \(longest) hops")
        for r in topology.routes {
            let path = topology.path(to: r.destination)
            #expect(path.complete && path.addresses.count == Int(r.hopCount) + 1 && path.addresses[1] == r.nextHop)
        }
        let meters = try await rig.concentrator.readMeters(pageSize: 200)
        let far = try #require(meters.first { m in (topology.route(to: m.shortAddress)?.hopCount ?? 0) > 3 })
        let node = try #require(topology.node(address: far.address, meters: meters))
        #expect(node.hops > 3 && node.path.first == 0 && node.path.last == far.shortAddress)
        #expect(node.complete && node.path.count == node.hops + 1)
        #expect(node.firstHop?.lqi != nil)
        await rig.finish()
    }

    @Test(arguments: ProfileKind.allCases)
    func profileWholeAndByRange(_ kind: ProfileKind) async throws {
        let rig = try await SimulatorRig.opened()
        let before = rig.requests.count
        let whole = try await rig.concentrator.readProfile(kind, point: 3, from: nil, to: nil)
        // Point selector, capture objects, buffer with scaler_units.
        #expect(rig.requests.count - before == 3)
        let depth = try #require(SimulatorRig.map.object(named: kind.objectName)?.depth)
        #expect(whole.rows.count == depth)
        #expect(whole.rows.allSatisfy { $0.time != nil })
        switch kind {
        case .daily, .monthly:
            #expect(whole.columns.map(\.name) == ["active-energy-import", "active-energy-export", "reactive-energy-import", "reactive-energy-export"])
            #expect(whole.columns[0].unit == .wattHour && whole.columns[2].unit == .varHour)
        case .activeMax:
            #expect(whole.columns.map(\.name) == ["active-max-demand", "active-max-demand.capture-time"])
            #expect(whole.columns[0].unit == .watt)
        case .reactiveMax:
            #expect(whole.columns[0].unit == .varUnit)
        }
        let from = try #require(whole.rows[2].time), to = try #require(whole.rows[5].time)
        let part = try await rig.concentrator.readProfile(kind, point: 3, from: from, to: to)
        #expect(part.rows == Array(whole.rows[2...5]))
        let open = try await rig.concentrator.readProfile(kind, point: 3, from: from, to: nil)
        #expect(open.rows == Array(whole.rows[2...]))
        let empty = try await rig.concentrator.readProfile(kind, point: 0, from: nil, to: nil)
        #expect(empty.rows.isEmpty)
        await rig.finish()
    }

    @Test func currentReadings() async throws {
        let rig = try await SimulatorRig.opened()
        let table = try await rig.concentrator.readCurrentReadings(point: 1)
        #expect(table.rows.count == 1)
        #expect(table.columns.count == 4)
        await rig.finish()
    }

    @Test func eventsFilteredByCode() async throws {
        let rig = try await SimulatorRig.opened()
        let all = try await rig.concentrator.readEvents(point: 0)
        #expect(all.count >= 100)
        #expect(all.allSatisfy { $0.info != nil && $0.time != nil })
        let code = try #require(all.first?.code)
        let some = try await rig.concentrator.readEvents(point: 0, code: code)
        #expect(!some.isEmpty && some.allSatisfy { $0.code == code })
        #expect(some == all.filter { $0.code == code })
        let from = try #require(all[10].time), to = try #require(all[20].time)
        let window = try await rig.concentrator.readEvents(point: 0, from: from, to: to)
        #expect(window == Array(all[10...20]))
        await rig.finish()
    }

    @Test func wrongPasswordIsRejected() async throws {
        let rig = SimulatorRig(client: 32, password: "wrong")
        await #expect(throws: ConcentratorError.associationRejected(.rejectedPermanent, .serviceUser(13))) {
            _ = try await rig.concentrator.open()
        }
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        #expect(entry.outcome == .failure(.associationRejected(.rejectedPermanent, .serviceUser(13))))
        await rig.finish()
    }

    @Test func cancellingAPagedReadEndsCancelled() async throws {
        let rig = try await SimulatorRig.opened()
        let firstPage = AsyncStream<Void>.makeStream()
        let concentrator = rig.concentrator
        let task = Task { () async throws(ConcentratorError) -> [MeterRecord] in
            try await concentrator.readMeters(pageSize: 1) { _ in firstPage.continuation.yield() }
        }
        for await _ in firstPage.stream { break }
        task.cancel()
        let result = await task.result
        #expect(throws: ConcentratorError.cancelled) { try result.get() }
        // The link is still usable after a cancelled read.
        let info = try await rig.concentrator.readInfo([.serialNumber])
        #expect(info.serialNumber == "95100001")
        await rig.finish()
    }

    /// Cancelled in the middle of one long GET (a profile in blocks over a 19200 baud
    /// line): the session is told, the call ends `.cancelled`, and the link still works.
    @Test func cancellingDuringABlockTransfer() async throws {
        let rig = try await SimulatorRig.opened(baud: 19200)
        let concentrator = rig.concentrator
        let progress = Collected<ReadProgress>()
        let started = AsyncStream<Void>.makeStream()
        await concentrator.setProgressHandler { p in
            progress.append(p)
            if p.frames > 6 { started.continuation.yield() }
        }
        let task = Task { () async throws(ConcentratorError) -> ProfileTable in
            try await concentrator.readProfile(.daily, point: 1, from: nil, to: nil)
        }
        for await _ in started.stream { break }
        task.cancel()
        let result = await task.result
        #expect(throws: ConcentratorError.cancelled) { try result.get() }
        let entry = try #require(await concentrator.exchangeLog.last)
        #expect(entry.what == "read profile daily point 1" && entry.outcome == .failure(.cancelled))
        #expect(entry.frames > 6)
        await concentrator.setProgressHandler(nil)
        let info = try await concentrator.readInfo([.serialNumber])
        #expect(info.serialNumber == "95100001")
        await rig.finish()
    }
}
