import DLMS
import Accounts
import Testing
@testable import TUICore

/// The Service pages as text, in the whole main window, at 80×24 and 120×36, in Russian
/// and English.
@Suite("Service snapshots") struct ServiceSnapshotTests {
    typealias F = ParametersFixtures

    static let changes = [SettingsChangeLine(key: "gprs.apn", old: "internet", new: "m2m.beeline.ru"),
                          SettingsChangeLine(key: "gprs.heartbeat-minutes", old: "5", new: "10"),
                          SettingsChangeLine(key: "ip.tcp-port", old: "4059", new: "4060")]

    func previewed(_ l: UILanguage, _ w: Int, _ h: Int) -> AppState {
        var s = F.on(.settingsFile, l, width: w, height: h)
        _ = s.update(.key(.down))
        F.type("site-7.set", into: &s)
        _ = s.update(.key(.enter))
        _ = s.update(.page(.settingsFile, .settingsPreview(Self.changes)))
        return s
    }

    @Test func settingsEmpty() {
        F.each { l, w, h in Snapshot.check(F.draw(F.on(.settingsFile, l, width: w, height: h)), "service-settings-empty-\(l)-\(w)x\(h)") }
    }

    @Test func settingsPreview() {
        F.each { l, w, h in Snapshot.check(F.draw(previewed(l, w, h)), "service-settings-preview-\(l)-\(w)x\(h)") }
    }

    @Test func settingsConfirmation() {
        F.each { l, w, h in
            var s = previewed(l, w, h)
            _ = s.update(.key(.function(6)))
            Snapshot.check(F.draw(s), "service-settings-confirm-\(l)-\(w)x\(h)")
        }
    }

    @Test func settingsPartlyWritten() {
        F.each { l, w, h in
            var s = previewed(l, w, h)
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.settingsFile, .written([FieldWrite(field: "gprs.apn", outcome: .accepted),
                                                        FieldWrite(field: "gprs.heartbeat-minutes", outcome: .refused("read-write-denied")),
                                                        FieldWrite(field: "ip.tcp-port", outcome: .refused(l == .ru ? "не записано" : "not written"))])))
            Snapshot.check(F.draw(s), "service-settings-partly-\(l)-\(w)x\(h)")
        }
    }

    @Test func settingsBrokenFile() {
        F.each { l, w, h in
            var s = F.on(.settingsFile, l, width: w, height: h)
            _ = s.update(.key(.down))
            F.type("broken.set", into: &s)
            _ = s.update(.key(.enter))
            let text = l == .ru ? "broken.set:7: gprs.heartbeat-minutes = 0: минуты 1–1440 — ничего не записано."
                : "broken.set:7: gprs.heartbeat-minutes = 0: minutes 1–1440 — nothing was written."
            _ = s.update(.page(.settingsFile, .failed(Failure(.input, text))))
            Snapshot.check(F.draw(s), "service-settings-broken-\(l)-\(w)x\(h)")
        }
    }

    @Test func clearConfirmation() {
        F.each { l, w, h in
            var s = F.on(.clearData, l, width: w, height: h)
            _ = s.update(.key(.down))
            _ = s.update(.key(.right))
            _ = s.update(.key(.down))
            F.type("12", into: &s)
            _ = s.update(.key(.function(6)))
            F.type(l == .ru ? "ОЧИ" : "CLE", into: &s)
            Snapshot.check(F.draw(s), "service-clear-confirm-\(l)-\(w)x\(h)")
        }
    }

    @Test func clearForm() {
        F.each { l, w, h in Snapshot.check(F.draw(F.on(.clearData, l, width: w, height: h)), "service-clear-form-\(l)-\(w)x\(h)") }
    }

    @Test func firmwareSending() {
        F.each { l, w, h in
            var s = F.on(.firmware, l, width: w, height: h)
            F.type("/srv/fw/es951-2.8.0.bin", into: &s)
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.firmware, .firmwareProgress(FirmwareProgress(blocksSent: 52, blocksTotal: 70, bytesSent: 53248, bytesTotal: 71680,
                                                                             secondsLeft: 21, resumedFrom: 30))))
            Snapshot.check(F.draw(s), "service-firmware-sending-\(l)-\(w)x\(h)")
        }
    }

    @Test func firmwareCut() {
        F.each { l, w, h in
            var s = F.on(.firmware, l, width: w, height: h)
            F.type("es951-2.8.0.bin", into: &s)
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.firmware, .firmwareProgress(FirmwareProgress(blocksSent: 30, blocksTotal: 70, bytesSent: 30720, bytesTotal: 71680, secondsLeft: 40))))
            _ = s.update(.page(.firmware, .stopped))
            Snapshot.check(F.draw(s), "service-firmware-cut-\(l)-\(w)x\(h)")
        }
    }

    @Test func objectsDifferences() {
        F.each { l, w, h in
            var s = F.on(.objects, l, width: w, height: h)
            _ = s.update(.key(.function(5)))
            _ = s.update(.page(.objects, .objects([ObjectDifference(kind: .missing, logicalName: "0.0.44.0.0.255", map: "18/0"),
                                                   ObjectDifference(kind: .extra, logicalName: "0.0.96.50.0.255", device: "1/0"),
                                                   ObjectDifference(kind: .mismatched, logicalName: "0.0.25.1.0.255", map: "41/0", device: "41/1")],
                                                  compared: 112)))
            Snapshot.check(F.draw(s), "service-objects-diff-\(l)-\(w)x\(h)")
        }
    }

    static let deviceObjects = [
        DeviceObjectRow(classID: 1, version: 0, logicalName: "0.0.96.1.0.255", role: "serial-number", readable: true),
        DeviceObjectRow(classID: 1, version: 0, logicalName: "0.0.96.1.1.255", role: "model", readable: true),
        DeviceObjectRow(classID: 1, version: 0, logicalName: "0.0.94.7.128.255", role: "meter-list", readable: true),
        DeviceObjectRow(classID: 8, version: 0, logicalName: "0.0.1.0.0.255", role: "clock", readable: true),
        DeviceObjectRow(classID: 3, version: 0, logicalName: "1.0.1.8.0.255", role: "active-energy-import", readable: true),
        DeviceObjectRow(classID: 3, version: 0, logicalName: "1.0.32.7.0.255", role: nil, readable: true),
        DeviceObjectRow(classID: 7, version: 1, logicalName: "1.0.99.1.0.255", role: "load-profile", readable: true),
        DeviceObjectRow(classID: 15, version: 2, logicalName: "0.0.40.0.0.255", role: "association-current", readable: false),
    ]

    /// All objects (issue 17): the list by class with roles, one object's attributes by
    /// name, a profile as a table.
    @Test func allObjectsListAttributesAndTable() {
        F.each { l, w, h in
            var s = F.on(.allObjects, l, width: w, height: h)
            Snapshot.check(F.draw(s), "service-allobjects-empty-\(l)-\(w)x\(h)")
            _ = s.update(.key(.function(5)))
            _ = s.update(.page(.allObjects, .allObjects(Self.deviceObjects)))
            Snapshot.check(F.draw(s), "service-allobjects-list-\(l)-\(w)x\(h)")
            // The clock (the 4th in class order: 1, 1, 1, 3, 3, 7, 8 …): down to it, Enter.
            for _ in 0..<6 { _ = s.update(.key(.down)) }
            _ = s.update(.key(.enter))
            _ = s.update(.page(.allObjects, .objectAttributes(logicalName: "0.0.1.0.0.255", className: "Clock", [
                AttributeLine(index: 1, name: "logical-name", value: .text("0000010000ff")),
                AttributeLine(index: 2, name: "time", value: .text("2026-12-07T22:15:49+03:00")),
                AttributeLine(index: 3, name: "time-zone", value: .text("-180"), writable: true),
                AttributeLine(index: 4, name: "status", value: .text("0")),
                AttributeLine(index: 5, name: "daylight-savings-begin", value: .refused("hardware-fault")),
                AttributeLine(index: 6, name: "shift-time", value: .text(""), writable: true, isMethod: true),
            ])))
            Snapshot.check(F.draw(s), "service-allobjects-clock-\(l)-\(w)x\(h)")
            // F6 on the time zone: the value typed, Enter asks old → new.
            _ = s.update(.key(.down)); _ = s.update(.key(.down))
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.control("u")))
            for c in "-120" { _ = s.update(.key(.character(c))) }
            _ = s.update(.key(.enter))
            Snapshot.check(F.draw(s), "service-allobjects-confirm-\(l)-\(w)x\(h)")
            _ = s.update(.key(.escape))
            _ = s.update(.key(.escape))
            Snapshot.check(F.draw(s), "service-allobjects-back-\(l)-\(w)x\(h)")
            // The load profile (two up from the clock): its buffer as a table, F8 asks for a file.
            _ = s.update(.key(.up))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.allObjects, .profile(DataFixtures.daily)))
            Snapshot.check(F.draw(s), "service-allobjects-table-\(l)-\(w)x\(h)")
            _ = s.update(.key(.function(8)))
            Snapshot.check(F.draw(s), "service-allobjects-csv-\(l)-\(w)x\(h)")
        }
    }

    /// A method with no page of its own (the clock's shift-time): its parameter typed,
    /// then its name typed to confirm.
    @Test func allObjectsMethodConfirmedByItsName() {
        F.each { l, w, h in
            var s = F.on(.allObjects, l, width: w, height: h)
            _ = s.update(.key(.function(5)))
            _ = s.update(.page(.allObjects, .allObjects(Self.deviceObjects)))
            for _ in 0..<6 { _ = s.update(.key(.down)) }
            _ = s.update(.key(.enter))
            _ = s.update(.page(.allObjects, .objectAttributes(logicalName: "0.0.1.0.0.255", className: "Clock", [
                AttributeLine(index: 2, name: "time", value: .text("2026-12-07T22:15:49+03:00")),
                AttributeLine(index: 6, name: "shift-time", value: .text(""), writable: true, isMethod: true),
            ])))
            _ = s.update(.key(.down))
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.control("u")))
            for c in "long:60" { _ = s.update(.key(.character(c))) }
            _ = s.update(.key(.enter))
            for c in "shift-t" { _ = s.update(.key(.character(c))) }
            Snapshot.check(F.draw(s), "service-allobjects-method-\(l)-\(w)x\(h)")
            // Enter before the whole name: nothing is sent.
            #expect(s.update(.key(.enter)).isEmpty)
            for c in "ime" { _ = s.update(.key(.character(c))) }
            let effects = s.update(.key(.enter))
            #expect(effects == [.page(.allObjects, .invokeMethod(CosemMethodDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), method: 6),
                                                                  parameter: "long:60"))], "\(effects)")
        }
    }
}
