import DLMS

extension DeviceState {
    // MARK: - SET

    /// Writes an attribute the caller has checked exists (as the map's object `key`) and
    /// may be written by this client. Association-scoped attributes (point selector, the
    /// current association's secret) are the application's business, not this.
    mutating func write(_ d: CosemAttributeDescriptor, key: ObjectKey?, _ value: DLMSData, now: HostTime) -> DataAccessResult {
        switch (d.classID, key, d.attribute) {
        case (1, .serialNumber?, 2):
            guard case .visibleString(let bytes) = value else { return .typeUnmatched }
            guard (1...16).contains(bytes.count), bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return .otherReason }
            serialNumber = String(decoding: bytes, as: UTF8.self)
            return .success
        case (8, _, 2):
            guard var t = value.dateTimeValue else { return .typeUnmatched }
            if t.deviation == nil { t.deviation = timeZone }
            if t.time.hundredths == 0xFF { t.time.hundredths = 0 }
            guard let seconds = t.secondsSince1970() else { return .otherReason }
            clockOffset = seconds - now.secondsSince1970
            return .success
        case (8, _, 3):
            guard case .long(let zone) = value else { return .typeUnmatched }
            guard (-720...840).contains(zone) else { return .otherReason }
            timeZone = zone
            return .success
        case (15, _, 7):
            guard case .octetString(let secret) = value else { return .typeUnmatched }
            guard !secret.isEmpty, let client = key.flatMap(Self.associationClient) else { return .otherReason }
            passwords[client] = secret
            return .success
        case (1, .removeMeter?, 2):
            guard case .longUnsigned(let point) = value else { return .typeUnmatched }
            guard let index = meters.firstIndex(where: { $0.point == Int(point) }) else { return .otherReason }
            meters.remove(at: index)
            stored[d] = value
            return .success
        case (44, _, 5):
            guard case .structure(let parts) = value, parts.count == 2,
                  case .octetString = parts[0], case .octetString = parts[1] else { return .typeUnmatched }
            stored[d] = value
            return .success
        case (23, _, 2):
            guard case .enumerated(let speed) = value else { return .typeUnmatched }
            guard speed <= 9 else { return .otherReason }
            stored[d] = value
            return .success
        case (45, _, 2):
            guard case .octetString(let apn) = value else { return .typeUnmatched }
            guard apn.count <= 64 else { return .otherReason }
            stored[d] = value
            return .success
        default:
            guard let current = stored[d] else { return .readWriteDenied }
            guard Self.sameShape(current, value) else { return .typeUnmatched }
            stored[d] = value
            return .success
        }
    }

    /// The same A-XDR type (structures member by member; arrays element by element
    /// against the first current element, any length).
    static func sameShape(_ a: DLMSData, _ b: DLMSData) -> Bool {
        switch (a, b) {
        case (.structure(let x), .structure(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameShape($0, $1) }
        case (.array(let x), .array(let y)):
            guard let model = x.first else { return true }
            return y.allSatisfy { sameShape(model, $0) }
        default:
            return a.tag == b.tag
        }
    }

    // MARK: - ACTION

    /// Runs a method the caller has checked exists (as the map's object `key`) and may be
    /// called by this client.
    mutating func invoke(_ m: CosemMethodDescriptor, key: ObjectKey?, _ parameters: DLMSData?, point: Int,
                         now: HostTime) -> ActionResult {
        switch (m.classID, m.method) {
        case (7, 1):
            switch key {
            case .meterList?: meters.removeAll()
            case .pollStatus?: pollCleared = true
            case .eventLog?: resetEvents[point] = [EventRecord(time: clock(now), code: 63)]
            default:
                guard let key, Self.pointScoped.contains(key) else { return .otherReason }
                cleared.insert(ProfileKey(point: point, profile: key))
            }
            return .success
        case (18, 1):
            guard case .structure(let parts)? = parameters, parts.count == 2,
                  case .octetString(let identifier) = parts[0], case .doubleLongUnsigned(let size) = parts[1] else {
                return .typeUnmatched
            }
            guard size > 0, size <= ImageTransfer.maximumSize, !identifier.isEmpty else { return .otherReason }
            // The same identifier and size resume: the blocks already there stay (ES951-MAP.md).
            if image.identifier == identifier, image.size == size, image.status != 0, image.status != 6 {
                image.status = 1
                return .success
            }
            image = ImageTransfer(identifier: identifier, size: size, status: 1)
            image.transferred = [Bool](repeating: false, count: image.blockCount)
            return .success
        case (18, 2):
            guard case .structure(let parts)? = parameters, parts.count == 2,
                  case .doubleLongUnsigned(let number) = parts[0], case .octetString(let data) = parts[1] else {
                return .typeUnmatched
            }
            guard image.status == 1 || image.status == 4 else { return .readWriteDenied }
            let index = Int(number)
            guard index < image.blockCount else { return .otherReason }
            let expected = index == image.blockCount - 1
                ? Int(image.size) - index * Int(ImageTransfer.blockSize) : Int(ImageTransfer.blockSize)
            guard data.count == expected else { return .otherReason }
            image.transferred[index] = true
            image.status = 1
            return .success
        case (18, 3):
            guard image.status != 0 else { return .readWriteDenied }
            let complete = !image.transferred.isEmpty && !image.transferred.contains(false)
            image.status = complete ? 3 : 4
            return complete ? .success : .otherReason
        case (18, 4):
            guard image.status == 3 else { return .readWriteDenied }
            image.status = 6
            firmwareVersion = String(decoding: image.identifier, as: UTF8.self)
            return .success
        default:
            return .otherReason
        }
    }
}
