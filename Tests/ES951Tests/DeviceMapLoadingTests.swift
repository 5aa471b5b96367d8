import DLMS
import Foundation
import Resources
import Testing
@testable import ES951

@Suite("Device map loading")
struct DeviceMapLoadingTests {
    @Test func builtInMapLoadsThroughBundleModule() throws {
        #expect(ResourceBundle.url(of: .deviceMap) != nil)
        let bytes = try ResourceBundle.bytes(of: .deviceMap)
        #expect(bytes.count > 1000)
        let map = try DeviceMap.builtIn()
        #expect(map.objects.count == 54)
        #expect(map.object(OBISCode("0.0.96.1.0.255")!)?.name == "serial-number")
    }

    @Test func builtInEventsLoadThroughBundleModule() throws {
        #expect(ResourceBundle.url(of: .events) != nil)
        let events = try EventCatalogue.builtIn()
        #expect(events.events.count == 63)
    }
}
