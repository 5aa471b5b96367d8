import Accounts
import ES951
import Testing
@testable import TUICore

/// The Basic parameters, Clock and Backup battery pages as text, in the whole main window,
/// at 80×24 and 120×36, in Russian and English.
@Suite("Parameters snapshots") struct ParametersSnapshotTests {
    typealias F = ParametersFixtures

    func basicRead(_ l: UILanguage, _ w: Int, _ h: Int) -> AppState {
        var s = F.on(.basic, l, width: w, height: h)
        _ = s.update(.key(.function(5)))
        _ = s.update(.page(.basic, .basic(F.basic)))
        return s
    }

    @Test func basicRead() {
        F.each { l, w, h in
            var s = basicRead(l, w, h)
            F.type("95102345", into: &s)
            Snapshot.check(F.draw(s), "basic-read-\(l)-\(w)x\(h)")
        }
    }

    @Test func basicWarningBeforeTheSerialNumberIsWritten() {
        F.each { l, w, h in
            var s = basicRead(l, w, h)
            F.type("95102345", into: &s)
            _ = s.update(.key(.function(6)))
            Snapshot.check(F.draw(s), "basic-warning-\(l)-\(w)x\(h)")
        }
    }

    @Test func basicSerialNumberNotTakenAndPasswordsTyped() {
        F.each { l, w, h in
            var s = basicRead(l, w, h)
            F.type("95102345", into: &s)
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.basic, .written([FieldWrite(field: "serialNumber", outcome: .notTaken(readBack: "\"95100001\""))])))
            _ = s.update(.key(.down))
            F.type("admin@emis", into: &s)
            _ = s.update(.key(.down))
            F.type("x", into: &s)
            F.type("й", into: &s)
            Snapshot.check(F.draw(s), "basic-nottaken-\(l)-\(w)x\(h)")
        }
    }

    @Test func basicForAReadUser() {
        for l in [UILanguage.ru, .en] {
            var s = F.on(.basic, l, as: AppFixtures.reader)
            _ = s.update(.key(.function(5)))
            _ = s.update(.page(.basic, .basic(F.basic)))
            Snapshot.check(F.draw(s), "basic-reader-\(l)-80x24")
        }
    }

    func clockRead(_ l: UILanguage, _ w: Int, _ h: Int) -> AppState {
        var s = F.on(.clock, l, width: w, height: h)
        _ = s.update(.key(.function(5)))
        _ = s.update(.page(.clock, .clock(F.clock)))
        _ = s.update(.tick(F.now.addingTimeInterval(3)))
        return s
    }

    @Test func clockRead() {
        F.each { l, w, h in
            Snapshot.check(F.draw(clockRead(l, w, h)), "clock-read-\(l)-\(w)x\(h)")
        }
    }

    @Test func clockBeforeARead() {
        for l in [UILanguage.ru, .en] {
            Snapshot.check(F.draw(F.on(.clock, l)), "clock-empty-\(l)-80x24")
        }
    }

    @Test func clockSetConfirmation() {
        F.each { l, w, h in
            var s = clockRead(l, w, h)
            for _ in 0..<8 { _ = s.update(.key(.backspace)) }
            F.type("12:00:00", into: &s)
            _ = s.update(.key(.function(6)))
            Snapshot.check(F.draw(s), "clock-confirm-\(l)-\(w)x\(h)")
        }
    }

    @Test func clockZoneNotTaken() {
        F.each { l, w, h in
            var s = clockRead(l, w, h)
            _ = s.update(.key(.down))
            _ = s.update(.key(.right))
            _ = s.update(.key(.right))
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.clock, .clock(F.clock)))
            _ = s.update(.page(.clock, .written([FieldWrite(field: "timeZone", outcome: .notTaken(readBack: "-180"))])))
            Snapshot.check(F.draw(s), "clock-nottaken-\(l)-\(w)x\(h)")
        }
    }

    @Test func clockForAReadUser() {
        for l in [UILanguage.ru, .en] {
            var s = F.on(.clock, l, as: AppFixtures.reader)
            _ = s.update(.key(.function(5)))
            _ = s.update(.page(.clock, .clock(F.clock)))
            Snapshot.check(F.draw(s), "clock-reader-\(l)-80x24")
        }
    }

    @Test func batteryRead() {
        F.each { l, w, h in
            var s = F.on(.battery, l, width: w, height: h, lls: false)
            _ = s.update(.key(.function(5)))
            let info = AppFixtures.info
            _ = s.update(.page(.battery, .battery(useTime: info.batteryUseTime, voltage: info.batteryVoltage)))
            Snapshot.check(F.draw(s), "battery-read-\(l)-\(w)x\(h)")
        }
    }
}
