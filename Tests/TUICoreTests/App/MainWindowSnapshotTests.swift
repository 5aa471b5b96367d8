import Accounts
import Testing
@testable import TUICore

/// The main window as text, at 80×24 and 120×36, in Russian and English (issue 6).
@Suite("Main window snapshots") struct MainWindowSnapshotTests {
    static let languages: [UILanguage] = [.ru, .en]

    func each(_ body: (UILanguage, Int, Int) -> Void) {
        for language in Self.languages {
            for size in Snapshot.sizes { body(language, size.width, size.height) }
        }
    }

    func draw(_ s: AppState) -> ScreenBuffer { s.render(DrawContext(strings: s.strings)) }

    @Test func afterLogin() {
        each { l, w, h in
            Snapshot.check(draw(AppFixtures.main(l, width: w, height: h)), "main-\(l)-\(w)x\(h)")
        }
    }

    /// Issue 18 item 4: a long status wraps over the page's last lines instead of being
    /// cut at 80 columns, and a TCP link too long for its row takes two (the security
    /// joins the state's row).
    @Test func aLongStatusWrapsAndALongLinkTakesTwoRows() {
        each { l, w, h in
            var s = AppFixtures.main(l, width: w, height: h)
            s.connection.medium = .tcp
            s.connection.host = "192.168.100.200"
            s.connection.tcpPort = 4059
            s.status = s.strings["status.needsLLS"]
            let buffer = draw(s)
            Snapshot.check(buffer, "status-wrapped-\(l)-\(w)x\(h)")
            let text = Snapshot.text(buffer)
            #expect(text.contains("192.168.100.200:4059"), "\(text)")
            #expect(text.contains(l == .en ? "settings (F3)." : "настройках (F3)."), "\(text)")
        }
    }

    @Test func informationRead() {
        each { l, w, h in
            var s = AppFixtures.main(l, width: w, height: h)
            _ = s.update(.key(.function(5)))
            _ = s.update(.connected("demo · NLS · 16 → 1/17"))
            var info = AppFixtures.info
            info.hardwareVersion = nil
            _ = s.update(.page(.info, .info(info, asked: AppFixtures.allItems)))
            _ = s.update(.log("08:40:50  read info  ok  0.001 s  328 B  2 frames"))
            Snapshot.check(draw(s), "info-read-\(l)-\(w)x\(h)")
        }
    }

    /// A device without some objects (a СПОДУС concentrator): those lines say it has none,
    /// the refused one says refused, and the panel names the map chosen.
    @Test func informationOfADeviceLackingObjects() {
        each { l, w, h in
            var s = AppFixtures.main(l, width: w, height: h)
            _ = s.update(.key(.function(5)))
            _ = s.update(.connected("demo · NLS · 16 → 1/17"))
            _ = s.update(.deviceMap("СПОДУС"))
            var info = AppFixtures.info
            info.manufacturer = nil
            info.hardwareVersion = nil
            info.batteryVoltage = nil
            info.lacking = [.manufacturer, .batteryVoltage, .batteryVoltageScalerUnit]
            _ = s.update(.page(.info, .info(info, asked: AppFixtures.allItems)))
            Snapshot.check(draw(s), "info-lacking-\(l)-\(w)x\(h)")
        }
    }

    @Test func readingWithProgress() {
        each { l, w, h in
            var s = AppFixtures.main(l, width: w, height: h)
            _ = s.update(.key(.function(5)))
            _ = s.update(.connected("demo"))
            _ = s.update(.progress(ReadProgressInfo(bytes: 180, frames: 1, seconds: 0.19)))
            Snapshot.check(draw(s), "info-reading-\(l)-\(w)x\(h)")
        }
    }

    @Test func systemMenuOfAnAdministratorAndOfAReader() {
        for l in Self.languages {
            var admin = AppFixtures.main(l)
            _ = admin.update(.key(.function(9)))
            Snapshot.check(draw(admin), "menu-system-admin-\(l)-80x24")
            var reader = AppFixtures.main(l, as: AppFixtures.reader)
            _ = reader.update(.key(.function(9)))
            Snapshot.check(draw(reader), "menu-system-reader-\(l)-80x24")
            _ = reader.update(.key(.right))
            Snapshot.check(draw(reader), "menu-settings-\(l)-80x24")
        }
    }

    @Test func help() {
        each { l, w, h in
            var s = AppFixtures.main(l, width: w, height: h)
            _ = s.update(.key(.function(1)))
            Snapshot.check(draw(s), "help-\(l)-\(w)x\(h)")
        }
    }

    @Test func aFailedConnection() {
        for l in Self.languages {
            var s = AppFixtures.main(l)
            _ = s.update(.key(.function(5)))
            _ = s.update(.connectFailed(Failure(.link, l == .ru ? "Нет ответа от 10.0.0.5:4059 (5 с, 4 попытки)."
                                                                : "No answer from 10.0.0.5:4059 (5 s, 4 tries).")))
            Snapshot.check(draw(s), "connect-failed-\(l)-80x24")
        }
    }

    @Test func aTerminalTooSmallSaysSo() {
        let s = AppFixtures.main(.en, width: 50, height: 12)
        let text = draw(s).lines.joined(separator: "\n")
        #expect(text.contains("60×18"))
    }

    @Test func linesFitAndCyrillicIsNeverCut() {
        // Every snapshot line is exactly the screen's width in columns.
        each { l, w, h in
            var s = AppFixtures.main(l, width: w, height: h)
            _ = s.update(.page(.info, .info(AppFixtures.info, asked: AppFixtures.allItems)))
            for line in draw(s).lines { #expect(DisplayWidth.of(line) == w) }
        }
    }
}
