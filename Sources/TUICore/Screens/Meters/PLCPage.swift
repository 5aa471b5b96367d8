import ES951

/// The PLC network (SPEC F-36): F5 reads the routing and neighbour tables and shows them
/// as a tree of hops from the concentrator, each node with its short address, hop count
/// and, for the concentrator's neighbours, LQI. Enter shows a node: its meter, route, hop
/// count and neighbour entries. `a` finds a node by its meter's address (typed), `m` by
/// a meter picked from the meter list (read here when the Meter list page has not).
public struct PLCPage: WorkPage {
    /// What has the keys.
    enum Mode: Equatable, Sendable {
        case tree
        /// `a`: a meter address being typed.
        case address(TextFieldState)
        /// `m`: a meter being picked; typed text finds by serial or address.
        case picker(TableState)
        /// One node's details.
        case node(PLCNode)
    }

    /// A lookup waiting for the meter list.
    enum Pending: Equatable, Sendable {
        case address([UInt8])
        case picker
    }

    public private(set) var topology: Topology?
    /// ``Topology/tree``, kept: building it walks the routing table once per first hop.
    var hopTree: Topology.Node?
    /// The coordinator's neighbours' LQI by short address.
    var lqi: [UInt16: UInt8] = [:]
    /// The meter list: read here, or handed over by the Meter list page when it reads.
    var knownMeters: [MeterRecord]?
    var tree = TreeState()
    var mode = Mode.tree
    var pending: Pending?
    /// Meters read so far while the page reads the meter list.
    var metersSoFar: Int?
    var note: MetersPage.Note?
    /// The text typed in the picker to find a meter.
    var pickerSearch = ""

    public init() {}

    /// The meter list the page knows (nil: not read yet).
    public var meters: [MeterRecord]? { knownMeters }

    public var hasTextFocus: Bool {
        switch mode {
        case .address, .picker: true
        case .tree, .node: false
        }
    }

    public var wantsEscape: Bool { mode != .tree }

    // MARK: - Reading

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        mode = .tree
        pending = nil
        note = nil
        return [.readTopology]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        switch result {
        case .topology(let t):
            topology = t
            hopTree = t.tree
            lqi = Dictionary(t.neighbours.map { ($0.shortAddress, $0.lqi) }, uniquingKeysWith: { a, _ in a })
            tree = TreeState(expanded: [PLCTree.rootID], selected: PLCTree.rootID)
            mode = .tree
        case .metersPage(let rows):
            metersSoFar = (metersSoFar ?? 0) + rows.count
        case .meters(let all, _):
            knownMeters = all
            metersSoFar = nil
            resolvePending(context.strings)
        case .failed, .stopped:
            pending = nil
            metersSoFar = nil
        default:
            break
        }
    }

    /// Finishes a lookup once the meter list is in.
    mutating func resolvePending(_ s: UIStrings) {
        guard let p = pending, let meters = knownMeters else { return }
        pending = nil
        switch p {
        case .address(let bytes): lookUp(bytes, meters: meters, s)
        case .picker: openPicker(meters)
        }
    }

    /// Shows the node of the meter at `address`, or says why there is none.
    mutating func lookUp(_ address: [UInt8], meters: [MeterRecord], _ s: UIStrings) {
        guard let topology else { return }
        let text = MeterRecord.addressText(address)
        if let info = topology.node(address: address, meters: meters) {
            mode = .node(PLCNode(info, topology: topology))
            note = nil
        } else if meters.contains(where: { $0.address == address }) {
            mode = .tree
            note = MetersPage.Note(text: s["meters.plc.note.noRoute", text], isError: true)
        } else {
            mode = .tree
            note = MetersPage.Note(text: s["meters.plc.note.notListed", text], isError: true)
        }
    }

    mutating func openPicker(_ meters: [MeterRecord]) {
        pickerSearch = ""
        mode = .picker(TableState())
        note = meters.isEmpty ? note : nil
    }

    // MARK: - Keys

    func treeRoots(_ s: UIStrings) -> [TreeNode] {
        hopTree.map { PLCTree.roots($0, lqi: lqi, meters: knownMeters, s) } ?? []
    }

    /// Lines of the tree on screen (the area less the summary line and the line under it).
    func treeRows(_ context: PageContext) -> Int { max(1, context.area.height - 2) }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        switch mode {
        case .tree: return handleTree(key, context)
        case .node:
            if key == .escape || key == .enter || key == .left { mode = .tree }
            return []
        case .address(var field): return handleAddress(key, &field, context)
        case .picker(var table): return handlePicker(key, &table, context)
        }
    }

    mutating func handleTree(_ key: Key, _ context: PageContext) -> [PageRequest] {
        let s = context.strings
        note = nil
        switch key {
        case .character("a"), .character("/"):
            guard topology != nil else { return readFirst(s) }
            mode = .address(TextFieldState())
            return []
        case .character("m"):
            guard topology != nil else { return readFirst(s) }
            guard let meters = knownMeters else {
                pending = .picker
                metersSoFar = 0
                return [.readMeters]
            }
            openPicker(meters)
            return []
        default:
            break
        }
        guard let topology else { return [] }
        let roots = treeRoots(s)
        let rows = treeRows(context)
        switch key {
        case .up: tree.move(-1, in: roots, height: rows)
        case .down: tree.move(1, in: roots, height: rows)
        case .pageUp: tree.move(-rows, in: roots, height: rows)
        case .pageDown: tree.move(rows, in: roots, height: rows)
        case .home: tree.move(-1_000_000, in: roots, height: rows)
        case .end: tree.move(1_000_000, in: roots, height: rows)
        case .right, .character(" "):
            if let id = tree.selected {
                if key == .right { tree.expanded.insert(id) } else { tree.toggleExpanded(id) }
            }
        case .left:
            if let id = tree.selected, tree.expanded.contains(id), id != PLCTree.rootID {
                tree.expanded.remove(id)
            } else if let id = tree.selected, let slash = id.lastIndex(of: "/") {
                tree.selected = String(id[..<slash])
                tree.move(0, in: roots, height: rows)
            }
        case .character("+"):
            tree.expanded = Set(Self.ids(roots))
        case .character("-"):
            tree.expanded = [PLCTree.rootID]
            if let id = tree.selected, id.split(separator: "/").count > 2 {
                tree.selected = id.split(separator: "/").prefix(2).joined(separator: "/")
            }
            tree.move(0, in: roots, height: rows)
        case .enter:
            if let id = tree.selected, let short = PLCTree.shortAddress(id, coordinator: topology.coordinator) {
                mode = .node(PLCNode(shortAddress: short, topology: topology, meters: knownMeters))
            }
        default:
            break
        }
        return []
    }

    static func ids(_ nodes: [TreeNode]) -> [String] {
        nodes.flatMap { n in n.children.isEmpty ? [] : [n.id] + ids(n.children) }
    }

    mutating func readFirst(_ s: UIStrings) -> [PageRequest] {
        note = MetersPage.Note(text: s["meters.plc.note.readFirst"], isError: true)
        return []
    }

    /// What is wrong with an address typed so far (nil: nothing yet); `complete` asks
    /// for all 16 digits.
    static func addressProblem(_ text: String, complete: Bool, _ s: UIStrings) -> String? {
        let hex = text.filter { $0 != ":" && $0 != "-" && $0 != " " }
        if !hex.allSatisfy(\.isHexDigit) || hex.contains(where: { !$0.isASCII }) {
            return s["meters.plc.address.badCharacter"]
        }
        if hex.count > 16 || (complete && hex.count != 16) { return s["meters.plc.address.length"] }
        return nil
    }

    mutating func handleAddress(_ key: Key, _ field: inout TextFieldState, _ context: PageContext) -> [PageRequest] {
        let s = context.strings
        switch key {
        case .escape:
            mode = .tree
            note = nil
            return []
        case .enter:
            if let problem = Self.addressProblem(field.text, complete: true, s) {
                note = MetersPage.Note(text: problem, isError: true)
                break
            }
            let bytes = MeterRecord.parseAddress(field.text.filter { $0 != " " }) ?? []
            guard let meters = knownMeters else {
                pending = .address(bytes)
                metersSoFar = 0
                mode = .tree
                return [.readMeters]
            }
            lookUp(bytes, meters: meters, s)
            return []
        default:
            if case .character(let c) = key, !c.isASCII {
                // Cyrillic and the like: refused with a word, not typed.
                note = MetersPage.Note(text: s["meters.plc.address.badCharacter"], isError: true)
                break
            }
            field.handle(key)
            note = Self.addressProblem(field.text, complete: false, s).map { MetersPage.Note(text: $0, isError: true) }
        }
        mode = .address(field)
        return []
    }

    /// The meters the picker shows: those whose serial or address holds the typed text.
    func pickerRows() -> [MeterRecord] {
        let all = knownMeters ?? []
        let needle = pickerSearch.lowercased()
        guard !needle.isEmpty else { return all }
        return all.filter { MeterLine(meter: $0).matches(needle) }
    }

    mutating func handlePicker(_ key: Key, _ table: inout TableState, _ context: PageContext) -> [PageRequest] {
        let rows = pickerRows()
        let height = max(1, context.area.height - 3)
        switch key {
        case .escape:
            mode = .tree
            return []
        case .up, .down, .pageUp, .pageDown, .home, .end: _ = table.move(key, rowCount: rows.count, height: height)
        case .enter:
            guard rows.indices.contains(table.selected), let meters = knownMeters else { break }
            lookUp(rows[table.selected].address, meters: meters, context.strings)
            return []
        case .backspace:
            if !pickerSearch.isEmpty { pickerSearch.removeLast() }
            table = TableState()
        case .character(let c):
            pickerSearch.append(c)
            table = TableState()
        default:
            break
        }
        mode = .picker(table)
        return []
    }

    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("↑↓ ←→", s["help.page.tree"]), KeyBar.Item("+ -", s["help.page.openAll"]),
                KeyBar.Item("Enter", s["help.page.node"]), KeyBar.Item("a /", s["help.page.byAddress"]),
                KeyBar.Item("m", s["help.page.pickMeter"]), KeyBar.Item("Esc", s["meters.key.back"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        switch mode {
        case .tree: return []
        case .node: return [KeyBar.Item("Esc", s["meters.key.back"])]
        case .address: return [KeyBar.Item("Enter", s["meters.key.find"])]
        case .picker: return [KeyBar.Item("Enter", s["key.choose"])]
        }
    }
}
