import DLMS
import Testing
@testable import TUICore

/// The page contract: every node of the tree makes a page of its own (the app finds it
/// there, with no per-page switch elsewhere), each write request carries its permission,
/// and the information page is a page like the others.
@Suite struct PageRegistryTests {
    @Test func everyNodeMakesAPageOfItsOwnType() {
        let pages = Pages()
        var types: Set<ObjectIdentifier> = []
        for id in ParameterPage.allCases {
            let page = pages.page(id)
            #expect(page != nil, "no page for \(id)")
            if let page { types.insert(ObjectIdentifier(type(of: page))) }
        }
        #expect(types.count == ParameterPage.allCases.count)
    }

    @Test func theInformationPageReadsThroughTheSamePath() {
        var pages = Pages()
        let context = PageContext(strings: Snapshot.strings(.en), permissions: [], lls: false)
        let asked = pages.with(.info) { $0.read(context) }
        #expect(asked == [.readInfo(InfoPage.Line.allCases.flatMap(\.items))])
        pages.info.checked = []
        #expect(pages.with(.info) { $0.read(context) } == [])
        #expect(pages.with(.info) { $0.takeNotice() } == Snapshot.strings(.en)["info.nothingChecked"])
    }

    @Test func writesCarryTheirPermissionAndReadsNone() {
        #expect(PageRequest.setClock(COSEMDateTime(year: 2026, month: 11, day: 25, hour: 8, minute: 40, second: 50, utcOffsetMinutes: 0)!).permission == .setClock)
        #expect(PageRequest.removeMeter(point: 3).permission == .clear)
        #expect(PageRequest.transferFirmware(path: "f", id: "i", activate: false).permission == .firmware)
        #expect(PageRequest.writeSerialNumber("1").permission == .write)
        #expect(PageRequest.readMeters.permission == nil && !PageRequest.readMeters.isWrite)
        #expect(PageRequest.readInfo([]).family == .information)
        #expect(!PageRequest.changeLLSPassword(current: "old-secret", new: "new-secret").logText.contains("secret"))
    }
}
