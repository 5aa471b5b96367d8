import Accounts
import AccountStore
import Concentrator
import DLMS
import ES951
import Foundation
import Operations
import TUICore

/// The Parameters pages' requests (SPEC F-31, F-32, F-37), as the matching commands do
/// them: `info` reads, `set` for the serial number and the LLS password (their own
/// actions, `write`), `clock` for the clock and its zone (`set-clock`). Every write is
/// read back; the clock is read again after a write so the page shows the new time.
extension DeviceWorker {
    func parameters(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .readBasic:
            await read(.info, page: page, session: session) { c in
                .basic(try await c.readInfo([.serialNumber, .logicalAddressRS485, .logicalAddressOptical]))
            }
        case .writeSerialNumber(let serial):
            await writeSerialNumber(serial, page: page, session: session)
        case .changeLLSPassword(let current, let new):
            await changeLLSPassword(current: current, new: new, page: page, session: session)
        case .readClock:
            await read(.clockRead, page: page, session: session) { c in .clock(try await c.readClock()) }
        case .setClock(let time):
            await run(page: page, session: session) { op in
                let outcome = try await op.setClock(time)
                await postClock(op.concentrator, page: page)
                return .written([fieldWrite("clock", outcome)])
            }
        case .syncClock:
            await run(page: page, session: session) { op in
                let outcome = try await op.syncClock()
                await postClock(op.concentrator, page: page)
                return .written([fieldWrite("clock", outcome)])
            }
        case .setTimeZone(let minutes):
            await run(page: page, session: session) { op in
                let outcome = try await op.setTimeZone(minutesEast: -Int(minutes))
                await postClock(op.concentrator, page: page)
                return .written([fieldWrite("timeZone", outcome)])
            }
        case .readBattery:
            await read(.info, page: page, session: session) { c in
                let battery = try await c.readBattery()
                return .battery(useTime: battery.useTime, voltage: battery.voltage, limits: await c.active.conventions.battery)
            }
        default:
            break
        }
    }

    /// The clock as it is after a write (a failed read here leaves the page's old one).
    func postClock(_ c: Concentrator, page: ParameterPage) async {
        if let reading = try? await c.readClock() { post(.page(page, .clock(reading))) }
    }

    /// Writes the serial number (1/0.0.96.1.0.255/2, a visible-string of digits) and
    /// reads it back; when the device took it, the logical address it gives goes to the
    /// app first (`.serverAddressChanged`), so the connection settings follow it before
    /// the page hears of the write.
    func writeSerialNumber(_ serial: String, page: ParameterPage, session: Session) async {
        let s = words()
        guard serial.count <= 16, let address = logicalAddress(serial: serial) else {
            post(.page(page, .failed(Failure(.input, s["runtime.parameters.serialNumberDigits"]))))
            return
        }
        let descriptor: CosemAttributeDescriptor
        do { descriptor = try map.descriptor("serial-number", 2) } catch {
            post(.page(page, .failed(s.failure(of: error))))
            return
        }
        await run(page: page, session: session) { op in
            let outcome = try await op.set(descriptor, .visibleString(Array(serial.utf8)), secret: false)
            if outcome == .accepted { post(.serverAddressChanged(Int(address))) }
            return .written([fieldWrite("serialNumber", outcome)])
        }
    }

    /// Changes the LLS password of the association in use (15/0.0.40.0.0.255/7,
    /// octet-string, write only): `current` must be the password this connection was
    /// opened with. Neither password is ever logged or audited (the target says `***`).
    func changeLLSPassword(current: String, new: String, page: ParameterPage, session: Session) async {
        let s = words()
        guard !new.isEmpty, new.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            post(.page(page, .failed(Failure(.input, s["runtime.parameters.llsPasswordCharacters"]))))
            return
        }
        let openedWith = associationPassword
        await run(page: page, session: session) { op in
            let outcome = try await op.changeLLSPassword(current: current, new: new, openedWith: openedWith)
            if outcome == .accepted { associationPassword = new }
            return .written([fieldWrite("llsPassword", outcome)])
        }
    }
}
