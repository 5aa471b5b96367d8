import DLMS
import ES951

/// Every object the device lists (issue 17), as GXDLMSDirector shows them: grouped by
/// interface class, each named by the role it fills in the map in use. F5 reads the list
/// (the learned one: no round trip on a known device); Enter on an object reads every
/// attribute this association may read, by its Blue Book name, registers scaled with
/// their units — or, for a profile, its buffer as a table by its capture objects. Esc or
/// ← goes back to the list.
public struct AllObjectsPage: WorkPage {
    enum Mode: Equatable { case list, attributes, table }

    public internal(set) var rows: [DeviceObjectRow]?
    var mode: Mode = .list
    /// The selected object (index into `ordered`).
    var selected = 0
    var offset = 0
    var attributes: (title: String, lines: [AttributeLine])?
    var detailScroll = 0
    var table: ProfileTable?
    var grid = TableState()
    var firstColumn = 0
    var note: ServiceNote?
    /// The object being read (the title of what comes back).
    var reading: DeviceObjectRow?
    /// The selected attribute line (F6 writes it).
    var attributeSelected = 0
    /// F6's edit of the selected attribute: the text typed, and whether Enter has asked
    /// for the confirmation (old → new) yet.
    var editing: Edit?

    /// F6 under way: an attribute's new value, or a method's parameter (`TYPE:VALUE`).
    struct Edit: Equatable, Sendable {
        var index: Int8
        var isMethod: Bool
        var text: String
        /// Enter was pressed once: the question (old → new, or the invocation) is shown.
        var confirming: Bool
        /// A method with no page of its own is confirmed by typing its name.
        var needsTypedName: Bool
        var typedName = ""
    }
    /// F8 on a profile's table: where to write it as CSV (SPEC F-42).
    var export: ExportPrompt?

    public init() {}

    public var hasTextFocus: Bool { editing != nil || export != nil }
    public var wantsEscape: Bool { mode != .list || editing != nil || export != nil }
    public var leftReturnsToTree: Bool { mode == .list }

    /// The rows by class, then logical name (the order they are shown in).
    var ordered: [DeviceObjectRow] {
        (rows ?? []).sorted { a, b in
            a.classID != b.classID ? a.classID < b.classID : a.logicalName.obisOrder.lexicographicallyPrecedes(b.logicalName.obisOrder)
        }
    }

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        note = nil
        switch mode {
        case .list: return [.listAllObjects]
        case .attributes, .table: return reading.map { readRequest($0) } ?? [.listAllObjects]
        }
    }

    func readRequest(_ row: DeviceObjectRow) -> [PageRequest] {
        guard let obis = OBISCode(row.logicalName) else { return [] }
        return row.classID == 7 ? [.readAnyProfile(obis: obis)] : [.readAnyObject(classID: row.classID, obis: obis)]
    }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        let height = max(1, context.area.height - 2)
        switch mode {
        case .list:
            let list = ordered
            guard !list.isEmpty else { return [] }
            switch key {
            case .up: selected -= 1
            case .down: selected += 1
            case .pageUp: selected -= height
            case .pageDown: selected += height
            case .home: selected = 0
            case .end: selected = list.count - 1
            case .enter:
                let row = list[min(max(0, selected), list.count - 1)]
                guard row.readable else {
                    note = ServiceNote(text: context.strings["objects.all.notReadable"], isError: true)
                    return []
                }
                note = nil
                reading = row
                return readRequest(row)
            default: return []
            }
            selected = min(max(0, selected), list.count - 1)
            return []
        case .attributes, .table:
            if editing != nil { return edit(key, context) }
            if var prompt = export {
                let outcome = prompt.handle(key, context.strings)
                export = prompt
                switch outcome {
                case .cancel?: export = nil
                case .write(let path, let choice)?: if let table { return [.exportProfile(path: path, table, choice)] }
                case nil: break
                }
                return []
            }
            if mode == .table, key == .function(8), let table, let reading, context.may(.export) {
                let name = ExportName.make("object-" + reading.logicalName.replacingOccurrences(of: ".", with: "-"),
                                           serial: context.deviceSerial, times: table.rows.map(\.time))
                export = ExportPrompt(defaultPath: name, rows: table.rows.count, russian: context.strings.language == .ru)
                return []
            }
            if key == .escape || key == .left && (mode == .attributes || firstColumn == 0) {
                mode = .list
                return []
            }
            if mode == .table, let table {
                if grid.move(key, rowCount: table.rows.count, height: height) { return [] }
                if key == .left { firstColumn = max(0, firstColumn - 1) }
                if key == .right { firstColumn = min(max(0, table.columns.count - 1), firstColumn + 1) }
                return []
            }
            let count = attributes?.lines.count ?? 0
            switch key {
            case .up: attributeSelected -= 1
            case .down: attributeSelected += 1
            case .pageUp: attributeSelected -= height
            case .pageDown: attributeSelected += height
            case .home: attributeSelected = 0
            case .end: attributeSelected = count - 1
            case .function(6): return startEdit(context)
            default: return []
            }
            attributeSelected = min(max(0, attributeSelected), max(0, count - 1))
            detailScroll = Scrolling.offset(detailScroll, keeping: attributeSelected, rows: count, height: height)
            return []
        }
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        switch result {
        case .allObjects(let list):
            rows = list
            mode = .list
            selected = min(selected, max(0, list.count - 1))
        case .objectAttributes(let name, let className, let lines):
            let role = reading?.role.map { " — " + $0 } ?? ""
            attributes = ("\(reading?.classID ?? 0)/\(name) \(className)\(role)", lines)
            detailScroll = 0
            mode = .attributes
        case .profile(let t):
            table = t
            grid = TableState()
            firstColumn = 0
            mode = .table
        case .exportExists(let path):
            export?.exists(path, context.strings)
        case .exported(let path, let rows):
            export = nil
            note = ServiceNote(text: context.strings.counted("objects.all.exported", rows, path), isError: false)
        case .written(let writes):
            editing = nil
            let s = context.strings
            if let w = writes.first, w.outcome == .accepted {
                note = ServiceNote(text: s["objects.all.written", w.field], isError: false)
            } else {
                let why: String = switch writes.first?.outcome {
                case .refused(let r)?: s["objects.all.writeRefused", r]
                case .notTaken(let back)?: s["objects.all.notTaken", back]
                default: ""
                }
                note = ServiceNote(text: why, isError: true)
            }
        case .failed(let failure):
            editing = nil
            if export?.writing == true {
                export?.writing = false
                export?.message = failure.text
                return
            }
            note = ServiceNote(text: failure.text, isError: true)
        case .stopped: note = ServiceNote(text: context.strings["service.stopped"], isError: true)
        default: break
        }
    }

    /// F6 on a writable attribute: an edit of its value, starting from the value read.
    mutating func startEdit(_ context: PageContext) -> [PageRequest] {
        guard let lines = attributes?.lines, lines.indices.contains(attributeSelected) else { return [] }
        let line = lines[attributeSelected]
        guard line.writable else {
            note = ServiceNote(text: context.strings["objects.all.notWritable"], isError: true)
            return []
        }
        guard context.lls else {
            note = ServiceNote(text: context.strings["objects.all.needsLLS"], isError: true)
            return []
        }
        var start = line.isMethod ? "integer:0" : ""
        if !line.isMethod, case .text(let t) = line.value { start = t }
        let classID = reading?.classID ?? 0
        // Only a profile's reset and the image transfer have a use case; others are typed out.
        let typed = line.isMethod && !(classID == 7 && line.index == 1) && classID != 18
        editing = Edit(index: line.index, isMethod: line.isMethod, text: start, confirming: false, needsTypedName: typed)
        note = nil
        return []
    }

    /// Keys while editing: typing, Backspace, Ctrl-U clears; Enter asks for the
    /// confirmation (old → new), Enter again writes; Esc cancels.
    mutating func edit(_ key: Key, _ context: PageContext) -> [PageRequest] {
        guard var e = editing else { return [] }
        switch key {
        case .escape:
            editing = nil
            return []
        case .enter:
            if !e.confirming {
                guard !e.text.allSatisfy(\.isWhitespace) else {
                    note = ServiceNote(text: context.strings["objects.all.blank"], isError: true)
                    return []
                }
                e.confirming = true
                editing = e
                return []
            }
            guard let reading, let obis = OBISCode(reading.logicalName) else { editing = nil; return [] }
            let line = attributes?.lines.first { $0.index == e.index && $0.isMethod == e.isMethod }
            if e.needsTypedName, e.typedName != line?.name {
                note = ServiceNote(text: context.strings["objects.all.typeName", line?.name ?? ""], isError: true)
                return []
            }
            e.confirming = false
            editing = e
            let request: PageRequest = e.isMethod
                ? .invokeMethod(CosemMethodDescriptor(classID: reading.classID, instance: obis, method: e.index), parameter: e.text)
                : .writeAnyAttribute(CosemAttributeDescriptor(classID: reading.classID, instance: obis, attribute: e.index), text: e.text)
            if let needed = request.permission, !context.may(needed) {
                editing = nil
                note = ServiceNote(text: context.strings["objects.all.noPermission"], isError: true)
                return []
            }
            return [request]
        case .backspace where e.confirming && e.needsTypedName: e.typedName = String(e.typedName.dropLast())
        case .character(let c) where e.confirming && e.needsTypedName: if e.typedName.count < 64 { e.typedName.append(c) }
        case .backspace: if !e.confirming { e.text = String(e.text.dropLast()) }
        case .control("u"): if !e.confirming { e.text = "" }
        case .character(let c): if !e.confirming, e.text.count < 200 { e.text.append(c) }
        default: return []
        }
        editing = e
        return []
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("F5", s["help.page.readList"]), KeyBar.Item("\u{2191}\u{2193} PgUp PgDn Home End", s["help.page.move"]),
                KeyBar.Item("Enter", s["help.page.readObject"]), KeyBar.Item("F6", s["help.page.editAttribute"]),
                KeyBar.Item("Esc", s["help.page.backToList"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        switch mode {
        case .list: return rows?.isEmpty == false ? [KeyBar.Item("Enter", s["objects.all.key.read"])] : []
        case .attributes:
            if editing != nil { return [KeyBar.Item("Enter", s["objects.all.key.confirm"]), KeyBar.Item("Esc", s["objects.all.key.cancel"])] }
            let writable = attributes?.lines.indices.contains(attributeSelected) == true && attributes!.lines[attributeSelected].writable
            let isMethod = attributes?.lines.indices.contains(attributeSelected) == true && attributes!.lines[attributeSelected].isMethod
            return (writable ? [KeyBar.Item("F6", s[isMethod ? "objects.all.key.invoke" : "objects.all.key.write"])] : [])
                + [KeyBar.Item("Esc", s["objects.all.key.back"])]
        case .table:
            if export != nil { return [KeyBar.Item("Enter", s["data.key.write"]), KeyBar.Item("Esc", s["data.key.cancel"])] }
            return (context.may(.export) ? [KeyBar.Item("F8", s["data.key.csv"])] : []) + [KeyBar.Item("Esc", s["objects.all.key.back"])]
        }
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        var y = area.y
        if let note { y = note.render(at: y, in: area, into: &buffer) }
        guard y < area.maxY else { return }
        let rest = Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
        switch mode {
        case .list: renderList(in: rest, into: &buffer, s, focused: focused)
        case .attributes: renderAttributes(in: rest, into: &buffer, s)
        case .table:
            guard let table else { return }
            if let reading {
                buffer.write("7/\(reading.logicalName)" + (reading.role.map { " — " + $0 } ?? "") + " · " + s.counted("objects.all.rows", table.rows.count),
                             x: rest.x, y: rest.y, style: Style(bold: true), maxWidth: rest.width)
            }
            let gridArea = Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: max(0, rest.height - 1))
            ProfileGrid(table: table, state: grid, firstColumn: firstColumn, strings: s).render(in: gridArea, into: &buffer, focused: focused)
            if let export { export.render(in: area, into: &buffer, context: context) }
        }
    }

    /// One line per class (its number and Blue Book name), then its objects.
    func renderList(in area: Rect, into buffer: inout ScreenBuffer, _ s: UIStrings, focused: Bool) {
        let list = ordered
        guard rows != nil else {
            ServiceText.hint(s["objects.all.hint"], at: area.y, in: area, into: &buffer)
            return
        }
        guard !list.isEmpty else {
            buffer.write(s["objects.all.none"], x: area.x, y: area.y, maxWidth: area.width)
            return
        }
        buffer.write(s["objects.all.count", String(list.count)], x: area.x, y: area.y, style: Style(dim: true), maxWidth: area.width)
        // Lines: a class heading before each class's first object.
        var lines: [(text: String, row: Int?)] = []
        for (i, row) in list.enumerated() {
            if i == 0 || list[i - 1].classID != row.classID {
                let name = InterfaceClasses.info(classID: row.classID)?.name ?? ""
                lines.append((s["objects.all.class", String(row.classID), name], nil))
            }
            let ln = DisplayWidth.fit(row.logicalName, columns: 18)
            lines.append(("  " + ln + " v\(row.version)  " + (row.role ?? "—"), i))
        }
        let height = max(1, area.height - 1)
        let selectedLine = lines.firstIndex { $0.row == selected } ?? 0
        let first = Scrolling.offset(offset, keeping: selectedLine, rows: lines.count, height: height)
        for (k, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let isSelected = line.row == selected
            let readable = line.row.map { list[$0].readable } ?? true
            let style = line.row == nil ? Style(bold: true)
                : isSelected && focused ? Style(reverse: true) : readable ? Style.plain : Style(dim: true)
            buffer.write(DisplayWidth.fit(line.text, columns: area.width), x: area.x, y: area.y + 1 + k, style: style, maxWidth: area.width)
        }
    }

    func renderAttributes(in area: Rect, into buffer: inout ScreenBuffer, _ s: UIStrings) {
        guard let attributes else { return }
        buffer.write(attributes.title, x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
        let nameWidth = min(24, (attributes.lines.map { DisplayWidth.of(($0.isMethod ? "m" : "") + "\($0.index) \($0.name)") }.max() ?? 0))
        // F6's prompt (or its confirmation, old → new) and the value, wrapped at the bottom.
        var prompt: [String] = []
        if let editing, let line = attributes.lines.first(where: { $0.index == editing.index && $0.isMethod == editing.isMethod }) {
            var old = ""
            if case .text(let t) = line.value { old = t }
            let device = reading.map { "\($0.classID)/\($0.logicalName)" } ?? ""
            let label = (line.isMethod ? "m" : "") + "\(line.index) \(line.name)"
            let text: String
            switch (editing.isMethod, editing.confirming) {
            case (false, true): text = s["objects.all.confirm", label, device, old, editing.text]
            case (false, false): text = s["objects.all.newValue", label]
            case (true, false): text = s["objects.all.parameter", label]
            case (true, true):
                text = editing.needsTypedName ? s["objects.all.confirmTyped", label, device, editing.text, line.name]
                    : s["objects.all.confirmInvoke", label, device, editing.text]
            }
            prompt = Array(ParameterText.wrap(text, width: area.width).prefix(3))
        }
        let editRows = editing == nil ? 0 : prompt.count + 1
        for (k, line) in attributes.lines.dropFirst(detailScroll).enumerated() where area.y + 1 + k < area.maxY - editRows {
            let row = detailScroll + k
            let label = DisplayWidth.fit((line.isMethod ? "m" : "") + "\(line.index) \(line.name)", columns: nameWidth)
            let (value, style): (String, Style) = switch line.value {
            case .text(let t): (t, Style(bold: true))
            case .refused(let why): (s["objects.all.refused", why], Style(foreground: .red, dim: true))
            case .secret: (s["objects.all.secret"], Style(dim: true))
            }
            buffer.write(label, x: area.x, y: area.y + 1 + k, style: row == attributeSelected ? Style(reverse: true) : .plain, maxWidth: area.width)
            let x = area.x + nameWidth + 1
            if x < area.maxX { buffer.write(value, x: x, y: area.y + 1 + k, style: style, maxWidth: area.maxX - x) }
        }
        guard let editing else { return }
        let y = area.maxY - editRows
        guard y > area.y else { return }
        for (k, line) in prompt.enumerated() {
            buffer.write(line, x: area.x, y: y + k, style: editing.confirming ? Style(foreground: .yellow, bold: true) : Style(dim: true), maxWidth: area.width)
        }
        let inputY = y + prompt.count
        let input = editing.confirming && editing.needsTypedName ? editing.typedName : editing.text
        let typing = !editing.confirming || editing.needsTypedName
        buffer.write(DisplayWidth.fit("> " + input, columns: area.width), x: area.x, y: inputY, style: Style(reverse: typing), maxWidth: area.width)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        if let export { return export.cursorPosition(in: area, context: context) }
        guard let editing, !editing.confirming || editing.needsTypedName else { return nil }
        let input = editing.confirming ? editing.typedName : editing.text
        return (min(area.maxX - 1, area.x + 2 + DisplayWidth.of(input)), area.maxY - 1)
    }
}

extension String {
    /// A logical name's six numbers, for sorting in numeric order.
    var obisOrder: [Int] { split(separator: ".").compactMap { Int($0) } }
}
