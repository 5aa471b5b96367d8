import ES951

extension PLCPage {
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        let body = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        let bottom = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        switch mode {
        case .node(let node):
            renderNode(node, in: body, &buffer, s)
        case .picker(let table):
            renderPicker(table, in: body, &buffer, s)
        case .tree, .address:
            renderTree(in: body, &buffer, context, focused: focused)
        }
        renderBottom(bottom, &buffer, s, page: page)
    }

    func renderTree(in area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext, focused: Bool) {
        let s = context.strings
        guard let topology, let hopTree, area.height > 0 else {
            buffer.write(s["meters.plc.notRead"], x: area.x, y: area.y, style: Style(dim: true), maxWidth: area.width)
            return
        }
        let size = PLCTree.size(hopTree)
        var summary = s["meters.plc.summary", PLCNode.hex(topology.coordinator), String(size.nodes), String(size.deepest)]
        if let max = topology.maxHops { summary += " " + s["meters.plc.maxHops", String(max)] }
        buffer.write(summary, x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
        var state = tree
        if !focused { state.selected = tree.selected }
        TreeView(roots: PLCTree.roots(hopTree, lqi: lqi, meters: knownMeters, s), state: state, ascii: context.ascii)
            .render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)), into: &buffer)
    }

    /// Label and value lines of one node.
    func nodeLines(_ node: PLCNode, _ s: UIStrings) -> [(String, String)] {
        var lines: [(String, String)] = []
        if let meter = node.meter {
            lines.append((s["meters.plc.node.meter"], s["meters.plc.node.meterValue", meter.serial, String(meter.point)]))
            lines.append((s["meters.plc.node.address"], meter.addressText))
        }
        lines.append((s["meters.plc.node.short"], PLCNode.hex(node.shortAddress)))
        if node.hops == 0 {
            lines.append((s["meters.plc.node.role"], s["meters.plc.coordinator"]))
        } else {
            lines.append((s["meters.plc.node.route"], node.pathText))
            lines.append((s["meters.plc.node.hops"], String(node.hops)))
            if let route = node.route {
                lines.append((s["meters.plc.node.cost"], String(route.routeCost)))
                lines.append((s["meters.plc.node.weak"], String(route.weakLinks)))
            } else {
                lines.append((s["meters.plc.node.cost"], s["meters.plc.node.noRoute"]))
            }
            if let first = node.path.dropFirst().first, first != node.shortAddress {
                let lqi = node.firstHop.map { "LQI \($0.lqi)" } ?? "LQI —"
                lines.append((s["meters.plc.node.firstHop"], "\(PLCNode.hex(first)), \(lqi)"))
            }
            lines.append((s["meters.plc.node.neighbour"],
                          node.neighbour.map { s["meters.plc.node.neighbourYes", String($0.lqi)] } ?? s["meters.plc.node.neighbourNo"]))
        }
        if node.routedThrough > 0 {
            lines.append((s["meters.plc.node.through"], s["meters.plc.node.throughValue", String(node.routedThrough)]))
        }
        return lines
    }

    func renderNode(_ node: PLCNode, in area: Rect, _ buffer: inout ScreenBuffer, _ s: UIStrings) {
        let lines = nodeLines(node, s)
        let labelWidth = min(max(8, area.width / 2), (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 1)
        for (i, line) in lines.enumerated() where i < area.height {
            buffer.write(DisplayWidth.fit(line.0, columns: labelWidth), x: area.x, y: area.y + i, style: Style(dim: true),
                         maxWidth: area.width)
            let x = area.x + labelWidth + 1
            guard x < area.maxX else { continue }
            buffer.write(line.1, x: x, y: area.y + i, style: Style(bold: true), maxWidth: area.maxX - x)
        }
    }

    func renderPicker(_ table: TableState, in area: Rect, _ buffer: inout ScreenBuffer, _ s: UIStrings) {
        guard area.height > 0 else { return }
        let rows = pickerRows()
        let prompt = s["meters.plc.pick", pickerSearch]
        buffer.write(prompt, x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
        let routes = topology.map { t in Dictionary(t.routes.map { ($0.destination, $0.hopCount) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let columns = [TableColumn(s["meters.column.point"], width: 5, alignment: .right),
                       TableColumn(s["meters.column.serial"], width: 12),
                       TableColumn(s["meters.column.address"], width: 23),
                       TableColumn(s["meters.plc.column.hops"], width: 8, alignment: .right)]
        TableView(columns: columns, rowCount: rows.count, state: table) { i in
            let m = rows[i]
            return [String(m.point), m.serial, m.addressText, routes[m.shortAddress].map { String($0) } ?? "—"]
        }.render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), into: &buffer)
        if rows.isEmpty, area.height > 2 {
            buffer.write(s["meters.plc.pickNone"], x: area.x, y: area.y + 2, style: Style(dim: true), maxWidth: area.width)
        }
    }

    func renderBottom(_ line: Rect, _ buffer: inout ScreenBuffer, _ s: UIStrings, page: PageContext) {
        if case .address(let field) = mode {
            let w = note == nil ? line.width : min(line.width, max(34, line.width / 2))
            TextField(label: s["meters.plc.address"], state: field, focused: true)
                .render(in: Rect(x: line.x, y: line.y, width: w, height: 1), into: &buffer)
            if let note, w < line.width {
                buffer.write(" " + note.text, x: line.x + w, y: line.y, style: Style(foreground: .red), maxWidth: line.width - w)
            }
            return
        }
        if let note {
            buffer.write(note.text, x: line.x, y: line.y, style: note.isError ? Style(foreground: .red) : .plain, maxWidth: line.width)
        } else if let count = metersSoFar, page.busy {
            buffer.write(s["meters.plc.readingMeters", String(count)], x: line.x, y: line.y, style: Style(dim: true),
                         maxWidth: line.width)
        } else if case .tree = mode, topology != nil {
            let hints: [(String, String)] = [("Enter", s["meters.plc.hint.node"]), ("←→", s["meters.plc.hint.open"]),
                                             ("a", s["meters.plc.hint.address"]), ("m", s["meters.plc.hint.meter"])]
            var x = line.x
            for (i, hint) in hints.enumerated() {
                if i > 0 { x += buffer.write("  ", x: x, y: line.y, maxWidth: max(0, line.maxX - x)) }
                x += buffer.write(hint.0, x: x, y: line.y, style: Style(bold: true), maxWidth: max(0, line.maxX - x))
                x += buffer.write(" " + hint.1, x: x, y: line.y, style: Style(dim: true), maxWidth: max(0, line.maxX - x))
            }
        }
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard case .address(let field) = mode else { return nil }
        let line = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        let w = note == nil ? line.width : min(line.width, max(34, line.width / 2))
        return TextField(label: context.strings["meters.plc.address"], state: field, focused: true)
            .cursorPosition(in: Rect(x: line.x, y: line.y, width: w, height: 1))
    }
}
