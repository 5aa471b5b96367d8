import Accounts
import ES951
import Testing
@testable import TUICore

/// The Internet protocol page's rules and keys (SPEC F-34).
@Suite("IP page") struct IPPageTests {
    let context = NetworkFixtures.writer()

    func screen(_ page: IPPage, _ context: PageContext = NetworkFixtures.writer()) -> String {
        var buffer = ScreenBuffer(width: 52, height: 14)
        page.render(in: buffer.area, into: &buffer, context: DrawContext(strings: context.strings), page: context, focused: true)
        return buffer.lines.joined(separator: "\n")
    }

    @Test func readShowsTheDeviceValues() {
        let page = IPPage.read()
        #expect(page.form.text(.ip) == "192.168.1.51")
        #expect(page.form.text(.mac) == "00:1E:C0:12:34:56")
        #expect(page.form.text(.dhcp) == "off")
        #expect(page.form.text(.tcpPort) == "4059")
        #expect(page.problems().isEmpty && page.form.changed.isEmpty)
        let text = screen(page)
        #expect(text.contains("MAC address [00:1E:C0:12:34:56"))
        #expect(text.contains("DHCP        [< off >"))
    }

    @Test func addressRules() {
        var page = IPPage.read()
        for row in IPPage.addresses {
            page.set(row, "256.1.1.1")
            #expect(page.problems()[row] == .reason(.invalidAddress), "\(row)")
            page.set(row, "10.0.0")
            #expect(page.problems()[row] == .reason(.invalidAddress), "\(row)")
            page.set(row, "")
            #expect(page.problems()[row] == .reason(.empty), "\(row)")
            page.set(row, "255.255.0.0")
            #expect(page.problems()[row] == nil, "\(row)")
            // A letter or Cyrillic is refused as it is typed.
            _ = page.handle(.character("д"), context)
            #expect(page.form.text(row) == "255.255.0.0")
            #expect(screen(page).contains("«д» not allowed; digits and dots only"))
        }
        page.set(.ip, "256.1.1.1")
        #expect(screen(page).contains("IP address: not an IPv4 address"))
    }

    @Test func theModelsRulesForTheAddressAndTheMask() {
        var page = IPPage.read()
        for bad in ["0.0.0.0", "255.255.255.255", "127.0.0.1"] {
            page.set(.ip, bad)
            #expect(page.problems()[.ip] == NetworkProblem(key: "network.problem.host"), "\(bad)")
        }
        #expect(screen(page).contains("IP address: not a usable host address"))
        // With DHCP the device takes its address from the network.
        page.form.focus = 0
        _ = page.handle(.character(" "), context)
        #expect(page.form.text(.dhcp) == "on")
        #expect(page.problems()[.ip] == nil)
        // DHCP off again: the static values can be typed (with it on they are locked).
        page.form.focus = 0
        _ = page.handle(.character(" "), context)
        page.set(.ip, "192.168.1.51")
        page.set(.mask, "255.0.255.0")
        #expect(page.problems()[.mask] == .reason(.nonContiguousMask))
        page.set(.mask, "0.0.0.0")
        #expect(page.problems()[.mask] == .reason(.nonContiguousMask))
        page.set(.mask, "255.255.255.128")
        #expect(page.problems()[.mask] == nil)
    }

    @Test func portRules() {
        var page = IPPage.read()
        for bad in ["0", "65536", "999999"] {
            page.set(.tcpPort, bad)
            #expect(page.problems()[.tcpPort] == .reason(.outOfRange(1...65535)), "\(bad)")
        }
        page.set(.tcpPort, "")
        #expect(page.problems()[.tcpPort] == .reason(.empty))
        page.set(.tcpPort, "1")
        #expect(page.problems()[.tcpPort] == nil)
        page.set(.tcpPort, "65535")
        #expect(page.problems()[.tcpPort] == nil)
        #expect(screen(page).contains("*"))
    }

    @Test func theMACCannotBeFocusedNorWritten() {
        var page = IPPage.read()
        page.form.focus = 5
        _ = page.handle(.down, context)
        #expect(page.form.focusedRow?.field == .tcpPort)
        _ = page.handle(.up, context)
        #expect(page.form.focusedRow?.field == .dns2)
    }

    @Test func dhcpTogglesWithSpaceLeftAndRight() {
        var page = IPPage.read()
        page.form.focus = 0
        _ = page.handle(.right, context)
        #expect(page.form.text(.dhcp) == "on")
        _ = page.handle(.left, context)
        #expect(page.form.text(.dhcp) == "off")
        #expect(page.form.changed.isEmpty)
        #expect(!page.hasTextFocus)
    }

    @Test func f6WritesOnlyTheChangedFields() {
        var page = IPPage.read()
        page.set(.dns2, "9.9.9.9")
        page.set(.tcpPort, "4060")
        page.form.focus = 0
        _ = page.handle(.character(" "), context)
        #expect(page.handle(.function(6), context).isEmpty)
        let text = screen(page)
        #expect(text.contains("DHCP: off → on"))
        #expect(text.contains("DNS 2: 1.1.1.1 → 9.9.9.9"))
        #expect(text.contains("TCP port: 4059 → 4060"))
        let requests = page.handle(.enter, context)
        guard case .writeIP(let settings, let changing)? = requests.first, requests.count == 1 else {
            Issue.record("no write: \(requests)"); return
        }
        #expect(changing == [.dhcp, .dns2, .tcpPort])
        #expect(settings.dns2 == IPv4Address(9, 9, 9, 9) && settings.tcpPort == 4060 && settings.dhcp)
    }

    @Test func nothingIsSentWhileAValueIsWrong() {
        var page = IPPage.read()
        page.set(.dns1, "9.9.9.9")
        page.set(.tcpPort, "65536")
        #expect(page.handle(.function(6), context).isEmpty)
        #expect(page.form.dialog == nil)
        #expect(page.form.focusedRow?.field == .tcpPort)
    }

    @Test func valuesNotTakenAreMarkedAndKept() {
        var page = IPPage.read()
        page.set(.dns1, "9.9.9.9")
        page.set(.gateway, "192.168.1.254")
        page.receive(.written([FieldWrite(field: "gateway", outcome: .accepted),
                               FieldWrite(field: "dns1", outcome: .notTaken(readBack: "8.8.8.8"))]), context)
        #expect(page.form.changed == [.dns1])
        #expect(page.form.text(.dns1) == "9.9.9.9")
        #expect(screen(page).contains("DNS 1: not taken, the device has 8.8.8.8"))
    }

    @Test func f5AsksBeforeReadingOverEdits() {
        var page = IPPage.read()
        page.set(.dns1, "9.9.9.9")
        #expect(page.read(context).isEmpty)
        #expect(screen(page).contains("Unsaved changes"))
        _ = page.handle(.tab, context)
        #expect(page.handle(.enter, context) == [.readIP])
    }

    @Test func aReaderCannotEdit() {
        let reader = NetworkFixtures.reader()
        var page = IPPage.read()
        page.form.focus = 0
        _ = page.handle(.character(" "), reader)
        page.form.focus = 1
        _ = page.handle(.character("1"), reader)
        #expect(page.form.changed.isEmpty)
        #expect(page.keyBar(reader).isEmpty)
        #expect(page.handle(.function(6), reader).isEmpty)
    }
}

/// Issue 18 item 11: with DHCP on the static address, mask and gateway cannot be typed;
/// a gateway outside the subnet is said (not refused).
@Suite struct IPPageDHCPTests {
    func screen(_ page: IPPage) -> String {
        var buffer = ScreenBuffer(width: 52, height: 14)
        page.render(in: buffer.area, into: &buffer, context: DrawContext(strings: Snapshot.strings(.en)),
                    page: NetworkFixtures.writer(), focused: true)
        return Snapshot.text(buffer)
    }

    @Test func dhcpOnLocksTheStaticAddresses() {
        var page = IPPage.read()
        #expect(page.form.locked.isEmpty)
        page.form.focus = 0
        _ = page.handle(.right, NetworkFixtures.writer())           // DHCP on
        #expect(page.form.locked == [.ip, .mask, .gateway])
        _ = page.handle(.down, NetworkFixtures.writer())
        #expect(page.form.rows[page.form.focus].field == .dns1, "the focus skips the locked rows")
        page.form.focus = 1
        _ = page.handle(.character("9"), NetworkFixtures.writer())
        #expect(page.form.text(.ip) == "192.168.1.51" && page.form.noteKey == "network.lockedByDHCP")
        _ = page.handle(.left, NetworkFixtures.writer())            // on a locked row: still refused
        page.form.focus = 0
        _ = page.handle(.left, NetworkFixtures.writer())            // DHCP off again
        #expect(page.form.locked.isEmpty)
    }

    @Test func aGatewayOutsideTheSubnetIsSaid() {
        var page = IPPage.read()
        page.set(.gateway, "10.0.0.1")
        #expect(page.warning() != nil)
        #expect(screen(page).contains("Gateway 10.0.0.1 is outside the subnet"), "\(screen(page))")
        #expect(page.problems()[.gateway] == nil, "not refused")
        page.set(.gateway, "192.168.1.254")
        #expect(page.warning() == nil)
    }
}
