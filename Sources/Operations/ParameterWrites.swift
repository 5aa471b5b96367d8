import Accounts
import Concentrator
import DLMS
import ES951
import Foundation

/// The single-value writes of the Parameters pages and of `hlmcs clock|set` (SPEC F-31,
/// F-32): each authorized with its own action, audited, read back.
extension Operator {
    /// Sets the clock to `time` (asks for `clock-write`).
    public func setClock(_ time: COSEMDateTime) async throws -> WriteOutcome {
        try await write(.clockWrite, target: "clock \(ValueText.iso8601(time) ?? "")") { [try await $0.setClock(time)] }[0]
    }

    /// Sets the clock to this computer's time (asks for `clock-write`).
    public func syncClock() async throws -> WriteOutcome {
        let now = now()
        return try await write(.clockWrite, target: "clock sync") { [try await $0.syncClock(now: now)] }[0]
    }

    /// Sets the clock's time zone, `minutesEast` of UTC by ``TimeZoneRule`` (asks for
    /// `time-zone-write`; the device stores the Blue Book's opposite sign).
    public func setTimeZone(minutesEast: Int) async throws -> WriteOutcome {
        try await write(.timeZoneWrite, target: "time-zone \(TimeZoneRule.text(minutesEast, .short))") {
            [try await $0.setTimeZone(minutes: Int16(-minutesEast))]
        }[0]
    }

    /// The action a write of `descriptor` needs: the clock, its zone, the serial number and
    /// an LLS password are their own; the point selector is part of reading; anything
    /// else is `set`.
    public static func action(_ d: CosemAttributeDescriptor) -> Action {
        switch (d.classID, d.instance.description, d.attribute) {
        case (8, "0.0.1.0.0.255", 2): .clockWrite
        case (8, "0.0.1.0.0.255", 3): .timeZoneWrite
        case (1, "0.0.96.1.0.255", 2): .serialNumberWrite
        case (15, _, 7): .llsPasswordWrite
        case (1, "0.0.94.7.137.255", 2): .get
        default: .set
        }
    }

    /// Writes one attribute (`hlmcs set`, the serial number on the Basic page), asking
    /// for ``action(_:)`` of it; audited as `descriptor = value`, a secret as `***`.
    public func set(_ descriptor: CosemAttributeDescriptor, _ data: DLMSData, secret: Bool) async throws -> WriteOutcome {
        let shown = secret ? "***" : ValueText.text(data)
        return try await write(Self.action(descriptor), target: "\(descriptor) = \(shown)") {
            [try await $0.set(descriptor, data)]
        }[0]
    }
}
