import DLMS

extension DeviceState {
    /// The value of an attribute as `context`'s association sees it. The object and
    /// attribute exist in the table (checked by the caller) and may be read.
    mutating func read(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, writeOnly: Bool,
                       access: SelectiveAccess?, context: ReadContext) -> Result<DLMSData, AccessError> {
        if d.attribute == 1 { return .success(.octetString(d.instance.bytes)) }
        if writeOnly {
            if d.classID == 44 { return .success(.structure([pppUser(d.instance), .octetString([])])) }
            return .success(.octetString([]))
        }
        if d.classID == 7 {
            switch d.attribute {
            case 2: return buffer(object, access: access, context: context)
            case 3: return .success(.array(object.captureObjects.map {
                .structure([.longUnsigned($0.classID), .octetString($0.instance.bytes), .integer($0.attribute),
                            .longUnsigned($0.dataIndex)])
            }))
            case 4: return .success(.doubleLongUnsigned(object.key == .dailyProfile ? 86_400 : 0))
            case 5: return .success(.enumerated(1))
            case 6: return .success(.structure([.longUnsigned(0), .octetString([0, 0, 0, 0, 0, 0]), .integer(0), .longUnsigned(0)]))
            case 7: return .success(.doubleLongUnsigned(UInt32(rows(object.key, point: context.point, now: context.now).count)))
            case 8: return .success(.doubleLongUnsigned(UInt32(object.depth ?? 0)))
            default: return .failure(AccessError(.objectUndefined))
            }
        }
        if let value = computed(d, object: object, context: context) { return .success(value) }
        if let value = stored[d] { return .success(value) }
        // An object of another map (`es951-sim --map FILE`) the simulator knows nothing
        // of: a value of the map's type.
        if let attribute = object.attributes.first(where: { $0.index == d.attribute }), let type = attribute.type {
            return .success(GeneratedValue.value(of: type, length: attribute.length, for: d, now: context.now))
        }
        return .failure(AccessError(.objectUnavailable))
    }

    /// The PPP user of a class 44 object (attribute 5 as written), for the write-only read.
    func pppUser(_ instance: OBISCode) -> DLMSData {
        if case .structure(let parts)? = stored[CosemAttributeDescriptor(classID: 44, instance: instance, attribute: 5)],
           let user = parts.first { return user }
        return .octetString([])
    }

    /// The last row of the profile a column object belongs to, for the column's own value.
    private mutating func lastCell(profile: ObjectKey, column: CaptureObjectDefinition, key: ObjectKey?,
                                   context: ReadContext) -> DLMSData? {
        guard let last = rows(profile, point: context.point, now: context.now).last else { return nil }
        return cell(last, column, key: key)
    }

    /// The logical name of the object `key` as an attribute value (a reference from one
    /// setup object to another); nil when the map does not serve that object.
    private func logicalName(_ key: ObjectKey) -> DLMSData? {
        objects.object(key).map { .octetString($0.obis.bytes) }
    }

    /// The value of an attribute the simulator computes (not stored), by interface class.
    private mutating func computed(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        switch d.classID {
        case 1: return dataValue(d, object: object, context: context)
        case 3, 4: return registerValue(d, object: object, context: context)
        case 8: return clockValue(d, object: object, context: context)
        case 15: return associationValue(d, object: object, context: context)
        case 18: return imageTransferValue(d, object: object, context: context)
        case 23, 29, 41, 42, 44, 45: return setupValue(d, object: object, context: context)
        case 91, 92: return plcValue(d, object: object, context: context)
        default: return nil
        }
    }

    /// A data object (class 1): identity, the point selector, the meter counts, the last value of a profile column.
    private mutating func dataValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let o = d.instance
        let a = d.attribute
        let key = object.key
        switch d.classID {
        case 1 where a == 2:
            switch key {
            case .serialNumber?: return .visibleString(Array(serialNumber.utf8))
            case .firmwareVersion?: return .visibleString(Array(firmwareVersion.utf8))
            case .logicalDeviceName?:
                var name = Array((objects.deviceNamePrefix + "ES951" + serialNumber).utf8.prefix(16))
                while name.count < 16 { name.append(0x30) }
                return .octetString(name)
            case .pointSelector?: return .longUnsigned(UInt16(context.point))
            case .plcPreviousHops?:
                return .array(routes.filter { r in meters.contains { $0.shortAddress == r.destination } }.map { r in
                    .structure([.longUnsigned(r.destination), .longUnsigned(r.previousHop)])
                })
            case .meterCounts?:
                let present = Set(meters.map(\.point))
                let states = poll.filter { present.contains($0.point) }
                return .structure([.longUnsigned(UInt16(meters.count)),
                                   .longUnsigned(UInt16(states.filter { $0.state == 1 }.count)),
                                   .longUnsigned(UInt16(states.filter { $0.state == 2 }.count))])
            case .eventCode?:
                let column = CaptureObjectDefinition(classID: 1, instance: o, attribute: 2)
                return lastCell(profile: .eventLog, column: column, key: key, context: context) ?? .unsigned(0)
            case let key?:
                guard let profile = Self.columnProfile(key) else { return nil }
                let column = CaptureObjectDefinition(classID: 1, instance: o, attribute: 2)
                return lastCell(profile: profile, column: column, key: key, context: context) ?? Self.emptyColumn(key)
            case nil:
                return nil
            }
        default:
            return nil
        }
    }

    /// Registers and demand registers (classes 3, 4): the last value of their profile, scaler and unit.
    private mutating func registerValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let o = d.instance
        let a = d.attribute
        let key = object.key
        switch d.classID {
        case 3:
            let energy = key.map(Self.energyRegisters.contains) ?? false
            if a == 3 {
                if energy {
                    let active = key == .activeEnergyImport || key == .activeEnergyExport
                    return .structure([.integer(0), .enumerated(active ? 30 : 32)])       // Wh, varh
                }
                if key == .batteryVoltage { return .structure([.integer(-2), .enumerated(35)]) }   // V
                return .structure([.integer(0), .enumerated(7)])                                  // s
            }
            guard a == 2, energy else { return nil }
            let column = CaptureObjectDefinition(classID: 3, instance: o, attribute: 2)
            return lastCell(profile: .currentReadings, column: column, key: key, context: context) ?? .doubleLongUnsigned(0)
        case 4:
            let active = key == .activeMaxDemand
            let profile: ObjectKey = active ? .activeMaxLoadProfile : .reactiveMaxLoadProfile
            switch a {
            case 2, 5:
                let column = CaptureObjectDefinition(classID: 4, instance: o, attribute: a)
                return lastCell(profile: profile, column: column, key: key, context: context)
                    ?? (a == 2 ? .doubleLongUnsigned(0) : dateTime(nil))
            case 3: return .structure([.integer(0), .enumerated(active ? 27 : 29)])     // W, var
            case 4: return .unsigned(0)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The clock (class 8): the simulated time and zone.
    private mutating func clockValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let a = d.attribute
        switch d.classID {
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
        default:
            return nil
        }
    }

    /// An association (class 15): the object list, the client and the context.
    private mutating func associationValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let a = d.attribute
        let key = object.key
        switch d.classID {
        case 15:
            let sap = key.flatMap(Self.associationClient) ?? context.client
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
        default:
            return nil
        }
    }

    /// Image transfer (class 18): the blocks received and the image status.
    private mutating func imageTransferValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let a = d.attribute
        switch d.classID {
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
        default:
            return nil
        }
    }

    /// Communication setups (classes 23, 29, 41, 42, 44, 45): fixed values and references to each other.
    private mutating func setupValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let a = d.attribute
        switch d.classID {
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
            case 3: return logicalName(.ipv4Setup)
            case 4: return .longUnsigned(1460)
            case 5: return .unsigned(4)
            case 6: return .longUnsigned(180)
            default: return nil
            }
        case 42:
            switch a {
            case 2: return logicalName(.macAddress)
            case 4, 5: return .array([])
            default: return nil
            }
        case 44:
            switch a {
            case 2: return logicalName(.gprsModem)
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
        default:
            return nil
        }
    }

    /// The G3 PLC network (classes 91, 92): neighbours and routes to the meters in the list.
    private mutating func plcValue(_ d: CosemAttributeDescriptor, object: ObjectTable.Object, context: ReadContext) -> DLMSData? {
        let a = d.attribute
        switch d.classID {
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

    /// The profile whose last row gives a meter-list or poll-status column object its own
    /// value (the point number: the meter list's).
    private static func columnProfile(_ key: ObjectKey) -> ObjectKey? {
        switch key {
        case .pointNumber, .meterSerial, .meterAddress, .plcShortAddress, .meterType, .tariffMode, .powerLimit: .meterList
        case .pollState, .lastGoodPoll, .lastFailedPoll, .failedPolls: .pollStatus
        default: nil
        }
    }

    /// A column object's value when its profile is empty.
    private static func emptyColumn(_ key: ObjectKey) -> DLMSData {
        switch key {
        case .pointNumber, .plcShortAddress: .longUnsigned(0)
        case .meterSerial: .visibleString([])
        case .meterAddress: .octetString([])
        case .meterType, .pollState: .enumerated(0)
        case .tariffMode: .unsigned(0)
        case .lastGoodPoll, .lastFailedPoll: .octetString(unspecifiedDateTime)
        default: .doubleLongUnsigned(0)
        }
    }

    /// The energy registers (class 3) that the current readings, daily and monthly profiles capture.
    static let energyRegisters: Set<ObjectKey> = [.activeEnergyImport, .activeEnergyExport,
                                                  .reactiveEnergyImport, .reactiveEnergyExport]

    /// The LLS client whose association object `key` is (nil: the association in use).
    static func associationClient(_ key: ObjectKey) -> UInt16? {
        switch key {
        case .associationReader: 32
        case .associationConfigurator: 48
        default: nil
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
