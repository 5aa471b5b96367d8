import Accounts
import DLMS
import ES951
import Foundation
@testable import TUICore

/// Meters, poll status and a PLC network the meter pages' tests start from (fixed).
enum MetersFixtures {
    /// 25 November 2026, 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_608_000)
    static let base: Int64 = 1_795_608_000

    /// Point `i`: serial 2000 0000 + i·7919, address 70:B3:D5:1F:00:00:hi:lo, short
    /// address i, every third three-phase, tariffs 1…4.
    static func meter(_ i: Int) -> MeterRecord {
        MeterRecord(point: i, serial: String(20_000_000 + i * 7919),
                    address: [0x70, 0xB3, 0xD5, 0x1F, 0, 0, UInt8(i >> 8), UInt8(i & 0xFF)],
                    shortAddress: UInt16(i), kind: i % 3 == 0 ? .threePhase : .singlePhase,
                    tariffMode: UInt8(1 + i % 4), powerLimit: ScaledValue(raw: 15_000, scaler: 0, unit: nil))
    }

    static func meters(_ count: Int) -> [MeterRecord] { (1...max(1, count)).prefix(count).map(meter) }

    static func time(_ secondsBefore: Int64) -> COSEMDateTime? {
        COSEMDateTime(secondsSince1970: base - secondsBefore, utcOffsetMinutes: 180)
    }

    /// Every 20th point (7, 27, …) blacklisted, every 10th (3, 13, …) unknown, the rest online.
    static func status(_ i: Int) -> PollStatus {
        if i % 20 == 7 {
            return PollStatus(point: i, state: .blacklisted, lastGoodPoll: time(Int64(2 + i % 37) * 86_400),
                              lastFailedPoll: time(600), failedPolls: UInt32(100 + i))
        }
        if i % 10 == 3 {
            return PollStatus(point: i, state: .unknown, lastGoodPoll: nil, lastFailedPoll: nil, failedPolls: 0)
        }
        return PollStatus(point: i, state: .online, lastGoodPoll: time(Int64(i) * 60),
                          lastFailedPoll: i % 4 == 0 ? time(Int64(i) * 3600) : nil, failedPolls: i % 4 == 0 ? 2 : 0)
    }

    static func statuses(_ count: Int) -> [PollStatus] { (1...max(1, count)).prefix(count).map(status) }

    /// Points 1, 2, 3 are the concentrator's neighbours; 4…12 go through them, one or two
    /// hops further.
    static var topology: Topology {
        var routes: [Topology.Route] = []
        for i in 1...12 {
            let first = i <= 3 ? i : (i % 3) + 1
            let hops = i <= 3 ? 1 : (i <= 8 ? 2 : 3)
            routes.append(Topology.Route(destination: UInt16(i), nextHop: UInt16(first), routeCost: UInt16(10 * hops + i),
                                         hopCount: UInt8(hops), weakLinks: UInt8(hops - 1), validTime: 240))
        }
        let neighbours = [Topology.Neighbour(shortAddress: 1, lqi: 210), Topology.Neighbour(shortAddress: 2, lqi: 150),
                          Topology.Neighbour(shortAddress: 3, lqi: 96)]
        return Topology(coordinator: 0, maxHops: 15, routes: routes, neighbours: neighbours)
    }

    /// ``topology`` with the relay before each destination: 9…12 go through the 2-hop
    /// node of their first hop (6, 4, 5, 6).
    static var routedTopology: Topology {
        var t = topology
        var previous: [UInt16: UInt16] = [1: 0, 2: 0, 3: 0]
        for i in UInt16(4)...8 { previous[i] = (i % 3) + 1 }
        previous[9] = 6; previous[10] = 4; previous[11] = 5; previous[12] = 6
        t.previousHops = previous
        return t
    }

    /// The page context of an administrator on an LLS connection, in a 52×14 area.
    static func context(_ language: UILanguage = .en, lls: Bool = true, busy: Bool = false,
                        permissions: Set<Permission>? = nil, height: Int = 14, width: Int = 52) -> PageContext {
        PageContext(strings: Snapshot.strings(language), permissions: permissions ?? AppFixtures.administrator.permissions,
                    lls: lls, busy: busy, now: now, area: Rect(x: 0, y: 0, width: width, height: height))
    }

    /// A page after F5 and the whole list of `count` meters, in pages of 20 then 100.
    static func page(_ count: Int, _ context: PageContext = context()) -> MetersPage {
        var page = MetersPage()
        _ = page.read(context)
        let all = meters(count)
        var start = 0
        while start < all.count {
            let size = start == 0 ? 20 : 100
            page.receive(.metersPage(Array(all[start..<min(all.count, start + size)])), context)
            start += size
        }
        page.receive(.meters(all, status: statuses(count)), context)
        return page
    }
}
