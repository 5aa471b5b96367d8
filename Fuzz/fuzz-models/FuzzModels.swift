import DLMS
import ES951

/// libFuzzer entry: the models on arbitrary A-XDR, as a hostile concentrator would send
/// it (issue 14). The first byte picks the model; the rest decodes as one A-XDR value
/// whose elements stand for what the model reads. Whatever a model accepts must also
/// render (text, doubles, trees) without trapping; what it refuses must be a
/// `ModelError`. A trap anywhere is a crash libFuzzer reports.
let map = try! DeviceMap.builtIn()
let meterColumns = MeterRecord.columns(in: map)
let pollColumns = map.object(named: "poll-status")?.captureObjects ?? []
let eventColumns = map.object(named: "event-log")?.captureObjects ?? []
let dailyColumns = map.object(named: "daily-profile")?.captureObjects ?? []

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModels(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 1 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let value = try? DLMSData(decoding: bytes) else { return 0 }
    let parts: [DLMSData] = { if case .structure(let e) = value { return e }; if case .array(let e) = value { return e }; return [value] }()
    func part(_ i: Int) -> DLMSData { parts.isEmpty ? value : parts[i % parts.count] }
    switch selector % 9 {
    case 0:
        let items = ConcentratorInfo.Item.allCases
        let values = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element, part($0.offset)) })
        if let info = try? ConcentratorInfo(values, map: map) {
            _ = info.logicalDeviceNameText; _ = info.rs485Baud
            _ = info.batteryUseTime.map { ($0.description, $0.doubleValue, $0.text(decimalSeparator: ",")) }
            _ = info.batteryVoltage.map { ($0.description, $0.doubleValue) }
            _ = info.clock?.secondsSince1970()
        }
    case 1:
        let values = Dictionary(uniqueKeysWithValues: GPRSSettings.Attribute.allCases.enumerated().map { ($0.element, part($0.offset)) })
        _ = try? GPRSSettings(values)
    case 2:
        let values = Dictionary(uniqueKeysWithValues: IPSettings.Attribute.allCases.enumerated().map { ($0.element, part($0.offset)) })
        _ = try? IPSettings(values)
    case 3:
        for row in parts { _ = (try? MeterRecord(row: row, columns: meterColumns, map: map)).map { ($0.powerLimit.description, $0.point) } }
    case 4:
        for row in parts { _ = try? PollStatus(row: row, columns: pollColumns, map: map) }
    case 5:
        for row in parts { _ = try? EventRecord(row: row, columns: eventColumns, map: map, catalogue: nil) }
    case 6:
        // A buffer with the daily profile's columns, or columns of the device's own.
        let columns = (try? ES951.CaptureObjectDefinition.captureObjects(from: part(0))) ?? dailyColumns
        if let table = try? ProfileTable(captureObjects: columns, buffer: value, map: map) {
            for row in table.rows { for cell in row.values { _ = "\(cell)" } }
        }
    case 7:
        if let topology = try? Topology(coordinator: 0, maxHops: nil, routingTable: part(0), neighbourTable: part(1)) {
            _ = topology.tree
        }
    default:
        _ = try? ImageTransferState(values: parts)
        _ = try? ClockReading(time: part(0), timeZone: part(1), status: part(2))
    }
    return 0
}
