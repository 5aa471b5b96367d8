import DLMS

extension DeviceState {
    /// The value of an attribute as `context`'s association sees it. The object and
    /// attribute exist in the table (checked by the caller) and may be read.
    mutating func read(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, writeOnly: Bool,
                       access: SelectiveAccess?, context: ReadContext) -> Result<DLMSData, AccessError> {
        if d.attribute == 1 { return .success(.octetString(d.instance.bytes)) }
        if writeOnly {
            if d.classID == 44 { return .success(.structure([pppUser, .octetString([])])) }
            return .success(.octetString([]))
        }
        if d.classID == 7 {
            switch d.attribute {
            case 2: return buffer(object, access: access, context: context)
            case 3: return .success(.array(object.captureObjects.map {
                .structure([.longUnsigned($0.classID), .octetString($0.instance.bytes), .integer($0.attribute),
                            .longUnsigned($0.dataIndex)])
            }))
            case 4: return .success(.doubleLongUnsigned(object.obis == OBISCode(1, 0, 98, 2, 0, 255) ? 86_400 : 0))
            case 5: return .success(.enumerated(1))
            case 6: return .success(.structure([.longUnsigned(0), .octetString([0, 0, 0, 0, 0, 0]), .integer(0), .longUnsigned(0)]))
            case 7: return .success(.doubleLongUnsigned(UInt32(rows(object.obis, point: context.point, now: context.now).count)))
            case 8: return .success(.doubleLongUnsigned(UInt32(object.depth ?? 0)))
            default: return .failure(AccessError(.objectUndefined))
            }
        }
        if let value = computed(d, object: object, context: context) { return .success(value) }
        if let value = stored[d] { return .success(value) }
        return .failure(AccessError(.objectUnavailable))
    }

    var pppUser: DLMSData {
        if case .structure(let parts)? = stored[CosemAttributeDescriptor(classID: 44, instance: OBISCode(0, 0, 25, 3, 0, 255), attribute: 5)],
           let user = parts.first { return user }
        return .octetString([])
    }

    /// The last row of the profile a column object belongs to, for the column's own value.
    private mutating func lastCell(profile: OBISCode, column: CaptureObjectDefinition, context: ReadContext) -> DLMSData? {
        guard let last = rows(profile, point: context.point, now: context.now).last else { return nil }
        return cell(last, column)
    }

    private mutating func computed(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let o = d.instance
        let a = d.attribute
        switch d.classID {
        case 1 where a == 2:
            switch o {
            case OBISCode(0, 0, 96, 1, 0, 255): return .visibleString(Array(serialNumber.utf8))
            case OBISCode(0, 0, 96, 1, 2, 255): return .visibleString(Array(firmwareVersion.utf8))
            case OBISCode(0, 0, 42, 0, 0, 255):
                var name = Array(("EMSES951" + serialNumber).utf8.prefix(16))
                while name.count < 16 { name.append(0x30) }
                return .octetString(name)
            case OBISCode(0, 0, 94, 7, 137, 255): return .longUnsigned(UInt16(context.point))
            case OBISCode(0, 0, 94, 7, 141, 255):
                let present = Set(meters.map(\.point))
                let states = poll.filter { present.contains($0.point) }
                return .structure([.longUnsigned(UInt16(meters.count)),
                                   .longUnsigned(UInt16(states.filter { $0.state == 1 }.count)),
                                   .longUnsigned(UInt16(states.filter { $0.state == 2 }.count))])
            case OBISCode(0, 0, 96, 11, 0, 255):
                let column = CaptureObjectDefinition(classID: 1, instance: o, attribute: 2)
                return lastCell(profile: Self.eventLogOBIS, column: column, context: context) ?? .unsigned(0)
            default:
                guard o.a == 0, o.b == 0, o.c == 94, o.d == 7, (150...160).contains(o.e) else { return nil }
                let column = CaptureObjectDefinition(classID: 1, instance: o, attribute: 2)
                let profile = (157...160).contains(o.e) ? Self.pollStatusOBIS : Self.meterListOBIS
                return lastCell(profile: profile, column: column, context: context) ?? Self.emptyColumn(o.e)
            }
        case 3:
            let energy = o.a == 1 && o.d == 8
            if a == 3 {
                if energy { return .structure([.integer(0), .enumerated(o.c <= 2 ? 30 : 32)]) }
                if o == OBISCode(0, 0, 96, 6, 3, 255) { return .structure([.integer(-2), .enumerated(35)]) }
                return .structure([.integer(0), .enumerated(7)])
            }
            guard a == 2, energy else { return nil }
            let column = CaptureObjectDefinition(classID: 3, instance: o, attribute: 2)
            return lastCell(profile: Self.currentReadingsOBIS, column: column, context: context) ?? .doubleLongUnsigned(0)
        case 4:
            let profile = o.c == 1 ? OBISCode(1, 0, 98, 128, 0, 255) : OBISCode(1, 0, 98, 129, 0, 255)
            switch a {
            case 2, 5:
                let column = CaptureObjectDefinition(classID: 4, instance: o, attribute: a)
                return lastCell(profile: profile, column: column, context: context)
                    ?? (a == 2 ? .doubleLongUnsigned(0) : dateTime(nil))
            case 3: return .structure([.integer(0), .enumerated(o.c == 1 ? 27 : 29)])
            case 4: return .unsigned(0)
            default: return nil
            }
        case 8:
            switch a {
            case 2: return dateTime(clock(context.now), hundredths: context.now.hundredths)
            case 3: return .long(timeZone)
            case 4: return .unsigned(0)
            case 5, 6: return .octetString(Self.unspecifiedDateTime)
            case 7: return .integer(0)
            case 8: return .boolean(false)
            case 9: return .enumerated(1)
            default: return nil
            }
        case 15:
            let sap: UInt16 = o.e == 0 ? context.client : UInt16(o.e) * 16
            switch a {
            case 2: return objectList(for: context.client)
            case 3: return .structure([.integer(Int8(truncatingIfNeeded: sap)), .longUnsigned(1)])
            case 4: return .octetString([0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x01])
            case 5:
                let c = context.conformance.rawValue
                return .structure([.bitString(BitString(count: 24, bytes: [UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF)])),
                                   .longUnsigned(ServerApplication.serverMaxPDU), .longUnsigned(UInt16(context.maxPDU)),
                                   .unsigned(6), .integer(0), .octetString([])])
            case 6: return .octetString([0x60, 0x85, 0x74, 0x05, 0x08, 0x02, (sap == 16 ? 0 : 1)])
            case 8: return .enumerated(sap == context.client ? 2 : 0)
            default: return nil
            }
        case 18:
            switch a {
            case 2: return .doubleLongUnsigned(ImageTransfer.blockSize)
            case 3:
                var bytes = [UInt8](repeating: 0, count: (image.transferred.count + 7) / 8)
                for (i, done) in image.transferred.enumerated() where done { bytes[i / 8] |= 0x80 >> UInt8(i % 8) }
                return .bitString(BitString(count: image.transferred.count, bytes: bytes))
            case 4: return .doubleLongUnsigned(image.firstNotTransferred)
            case 6: return .enumerated(image.status)
            case 7:
                guard image.status != 0 else { return .array([]) }
                return .array([.structure([.doubleLongUnsigned(image.size), .octetString(image.identifier), .octetString([])])])
            default: return nil
            }
        case 23:
            switch a {
            case 3, 4: return .unsigned(7)
            case 5, 6: return .longUnsigned(512)
            case 7: return .longUnsigned(25)
            case 8: return .longUnsigned(120)
            case 9: return .longUnsigned(context.logicalAddress)
            default: return nil
            }
        case 29:
            switch a {
            case 2: return .enumerated(101)
            case 3: return .unsigned(3)
            case 4: return .longUnsigned(60)
            case 5: return .array([])
            default: return nil
            }
        case 41:
            switch a {
            case 3: return .octetString([0, 0, 25, 1, 0, 255])
            case 4: return .longUnsigned(1460)
            case 5: return .unsigned(4)
            case 6: return .longUnsigned(180)
            default: return nil
            }
        case 42:
            switch a {
            case 2: return .octetString([0, 0, 25, 2, 0, 255])
            case 4, 5: return .array([])
            default: return nil
            }
        case 44:
            switch a {
            case 2: return .octetString([0, 0, 25, 4, 0, 255])
            case 3, 4: return .array([])
            default: return nil
            }
        case 45:
            switch a {
            case 3: return .longUnsigned(0)
            case 4:
                let qos = DLMSData.structure([.unsigned(0), .unsigned(0), .unsigned(0), .unsigned(0), .unsigned(0)])
                return .structure([qos, qos])
            default: return nil
            }
        case 91:
            switch a {
            case 2: return .longUnsigned(0)
            case 11: return .array(neighbours.map { n in
                .structure([.longUnsigned(n.shortAddress), .boolean(true),
                            .bitString(BitString(count: 24, bytes: [0xFF, 0xFF, 0xFF])), .enumerated(n.modulation),
                            .integer(n.txGain), .enumerated(0), .bitString(BitString(count: 24, bytes: [0, 0, 0])),
                            .unsigned(n.lqi), .integer(n.phaseDifferential), .unsigned(255), .unsigned(255)])
            })
            default: return nil
            }
        case 92:
            switch a {
            case 2: return .unsigned(UInt8(DataGenerator.maximumHops))
            case 8: return .array(routes.filter { r in meters.contains { $0.shortAddress == r.destination } }.map { r in
                .structure([.longUnsigned(r.destination), .longUnsigned(r.nextHop), .longUnsigned(r.routeCost),
                            .unsigned(r.hopCount), .unsigned(r.weakLinks), .longUnsigned(r.validTime)])
            })
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A column object's value when its profile is empty.
    private static func emptyColumn(_ e: UInt8) -> DLMSData {
        switch e {
        case 150, 153: .longUnsigned(0)
        case 151: .visibleString([])
        case 152: .octetString([])
        case 154, 157: .enumerated(0)
        case 155: .unsigned(0)
        case 158, 159: .octetString(unspecifiedDateTime)
        default: .doubleLongUnsigned(0)
        }
    }

    /// Association LN attribute 2 (v1): every object with the access rights of `client`.
    func objectList(for client: UInt16) -> DLMSData {
        let sap = UInt8(truncatingIfNeeded: client)
        return .array(objects.objects.map { object in
            let attributes: [DLMSData] = object.attributes.map { attribute in
                let mode: UInt8 = (attribute.read.contains(sap) ? 1 : 0) | (attribute.write.contains(sap) ? 2 : 0)
                let selectors: DLMSData = object.classID == 7 && attribute.index == 2 ? .array([.integer(1), .integer(2)]) : .null
                return .structure([.integer(attribute.index), .enumerated(mode), selectors])
            }
            let methods: [DLMSData] = object.methods.map { method in
                .structure([.integer(method.index), .enumerated(method.access.contains(sap) ? 1 : 0)])
            }
            return .structure([.longUnsigned(object.classID), .unsigned(object.version), .octetString(object.obis.bytes),
                               .structure([.array(attributes), .array(methods)])])
        })
    }
}
