import ES951
import Testing
@testable import TUICore

/// The PLC network page's keys: the tree, a node, the address field's checks, lookups that
/// read the meter list first, the meter picker.
@Suite("PLC network page") struct PLCPageTests {
    let context = MetersFixtures.context()

    func read(meters: Bool) -> PLCPage {
        var page = PLCPage()
        #expect(page.read(context) == [.readTopology])
        page.receive(.topology(MetersFixtures.topology), context)
        if meters { page.knownMeters = MetersFixtures.meters(12) }
        return page
    }

    func type(_ text: String, into page: inout PLCPage) -> [PageRequest] {
        text.flatMap { page.handle(.character($0), context) }
    }

    @Test func theTreeOfHopsFromTheConcentrator() {
        let page = read(meters: true)
        let roots = page.treeRoots(context.strings)
        #expect(roots.count == 1 && roots[0].title == "0000 · concentrator")
        #expect(roots[0].children.map(\.title) == ["0001 · hops 1 · LQI 210 · 20007919", "0002 · hops 1 · LQI 150 · 20015838",
                                                   "0003 · hops 1 · LQI 96 · 20023757"])
        #expect(roots[0].children[1].children.map(\.title) == ["0004 · hops 2 · 20031676", "0007 · hops 2 · 20055433",
                                                               "000A · hops 3 · 20079190"])
        let size = PLCTree.size(MetersFixtures.topology.tree)
        #expect(size.nodes == 12 && size.deepest == 3)
        // Without the meter list the nodes show no serial.
        #expect(read(meters: false).treeRoots(context.strings)[0].children[0].title == "0001 · hops 1 · LQI 210")
    }

    /// Issue 20 item 6: a concentrator that reports every relay gets a tree of every
    /// level and a node's path with each hop.
    @Test func everyRelayMakesATreeOfEveryLevel() {
        var page = PLCPage()
        _ = page.read(context)
        page.receive(.topology(MetersFixtures.routedTopology), context)
        page.knownMeters = MetersFixtures.meters(12)
        let two = page.treeRoots(context.strings)[0].children[1]
        #expect(two.children.map(\.title) == ["0004 · hops 2 · 20031676", "0007 · hops 2 · 20055433"])
        #expect(two.children[0].children.map(\.title) == ["000A · hops 3 · 20079190"])
        #expect(PLCTree.size(MetersFixtures.routedTopology.tree) == (nodes: 12, deepest: 3))
        _ = page.handle(.character("+"), context)
        #expect(page.tree.expanded.contains("plc/0002/0004"))
        while page.tree.selected != "plc/0002/0004/000A" && page.tree.selected != "plc/0003/0008" { _ = page.handle(.down, context) }
        #expect(page.tree.selected == "plc/0002/0004/000A")
        _ = page.handle(.enter, context)
        guard case .node(let node) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(node.pathText == "0000 → 0002 → 0004 → 000A" && node.complete && node.hops == 3)
    }

    @Test func movingOpeningAndShowingANode() {
        var page = read(meters: true)
        _ = page.handle(.down, context)
        _ = page.handle(.down, context)
        #expect(page.tree.selected == "plc/0002")
        _ = page.handle(.right, context)
        _ = page.handle(.down, context)
        _ = page.handle(.down, context)
        #expect(page.tree.selected == "plc/0002/0007")
        _ = page.handle(.enter, context)
        guard case .node(let node) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(node.shortAddress == 7 && node.hops == 2 && node.meter?.point == 7)
        #expect(node.pathText == "0000 → 0002 → 0007")
        #expect(node.firstHop?.lqi == 150 && node.neighbour == nil)
        #expect(page.wantsEscape)
        _ = page.handle(.escape, context)
        #expect(page.mode == .tree)
        // Left goes to the parent, then closes it.
        _ = page.handle(.left, context)
        #expect(page.tree.selected == "plc/0002")
        _ = page.handle(.left, context)
        #expect(!page.tree.expanded.contains("plc/0002"))
        // + opens every node, - closes them.
        _ = page.handle(.character("+"), context)
        #expect(page.tree.expanded == ["plc", "plc/0001", "plc/0002", "plc/0003"])
        _ = page.handle(.end, context)
        #expect(page.tree.selected == "plc/0003/000B")
        _ = page.handle(.character("-"), context)
        #expect(page.tree.expanded == ["plc"] && page.tree.selected == "plc/0003")
        // A first hop shows how many routes go through it.
        _ = page.handle(.enter, context)
        guard case .node(let hop) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(hop.routedThrough == 3 && hop.neighbour?.lqi == 96 && hop.pathText == "0000 → 0003")
    }

    @Test func theAddressFieldChecksAsYouType() {
        var page = read(meters: true)
        _ = page.handle(.character("a"), context)
        #expect(page.hasTextFocus && page.wantsEscape)
        _ = type("70:B3:Д", into: &page)
        #expect(page.note?.text == "Hex digits 0-9 A-F and ':' only.")
        guard case .address(let field) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(field.text == "70:B3:", "Cyrillic is refused, not typed")
        _ = type("G", into: &page)
        #expect(page.note?.text == "Hex digits 0-9 A-F and ':' only.")
        _ = page.handle(.backspace, context)
        #expect(page.note == nil)
        _ = type("D5:1F", into: &page)
        #expect(page.handle(.enter, context).isEmpty)
        #expect(page.note?.text == "An address has 16 hex digits.")
        _ = type(":00:00:00:0B:01", into: &page)
        #expect(page.note?.text == "An address has 16 hex digits.")
        for _ in 0..<3 { _ = page.handle(.backspace, context) }
        #expect(page.handle(.enter, context).isEmpty)
        guard case .node(let node) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(node.meter?.point == 11 && node.hops == 3 && node.pathText == "0000 → 0003 → … → 000B")
    }

    @Test func anAddressLookupReadsTheMeterListFirstWhenNeeded() {
        var page = read(meters: false)
        _ = page.handle(.character("a"), context)
        _ = type("70B3D51F0000000B", into: &page)
        #expect(page.handle(.enter, context) == [.readMeters])
        page.receive(.metersPage(MetersFixtures.meters(5)), context)
        #expect(page.metersSoFar == 5)
        page.receive(.meters(MetersFixtures.meters(12), status: []), context)
        guard case .node(let node) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(node.shortAddress == 11)
        // An address not in the list, and a listed meter without a route, are said.
        _ = page.handle(.escape, context)
        _ = page.handle(.character("a"), context)
        _ = type("70B3D51F000000FF", into: &page)
        _ = page.handle(.enter, context)
        #expect(page.mode == .tree && page.note?.text == "70:B3:D5:1F:00:00:00:FF is not in the meter list.")
        page.knownMeters?.append(MetersFixtures.meter(40))
        _ = page.handle(.character("a"), context)
        _ = type("70B3D51F00000028", into: &page)
        _ = page.handle(.enter, context)
        #expect(page.note?.text == "70:B3:D5:1F:00:00:00:28 is listed but has no route.")
    }

    @Test func lookupsNeedTheNetworkReadFirst() {
        var page = PLCPage()
        #expect(page.handle(.character("a"), context).isEmpty)
        #expect(page.mode == .tree && page.note?.text == "F5 reads the network first.")
        #expect(page.handle(.character("m"), context).isEmpty)
    }

    @Test func pickingAMeterFromTheList() {
        var page = read(meters: false)
        #expect(page.handle(.character("m"), context) == [.readMeters])
        page.receive(.meters(MetersFixtures.meters(12), status: []), context)
        guard case .picker = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(page.pickerRows().count == 12)
        _ = type("0000000A", into: &page)
        #expect(page.pickerRows().map(\.point) == [10])
        _ = page.handle(.enter, context)
        guard case .node(let node) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(node.meter?.serial == "20079190" && node.hops == 3)
        // The meter list handed over by the Meter list page is used as it is.
        var s = AppFixtures.main(.en)
        _ = s.update(.page(.meters, .meters(MetersFixtures.meters(12), status: [])))
        #expect(s.pages.plc.meters?.count == 12)
    }

    @Test func aStopOrAFailureDropsThePendingLookup() {
        var page = read(meters: false)
        _ = page.handle(.character("m"), context)
        page.receive(.stopped, context)
        #expect(page.pending == nil && page.metersSoFar == nil)
        page.receive(.meters(MetersFixtures.meters(3), status: []), context)
        #expect(page.mode == .tree)
    }
}
