import Testing
@testable import TUICore

@Suite struct RectTests {
    @Test func splits() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let (menu, rest) = r.splitTop(1)
        #expect(menu == Rect(x: 0, y: 0, width: 80, height: 1))
        let (body, keys) = rest.splitBottom(1)
        #expect(keys == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(body == Rect(x: 0, y: 1, width: 80, height: 22))
        let (tree, work) = body.splitLeft(30)
        #expect(tree.width == 30 && work == Rect(x: 30, y: 1, width: 50, height: 22))
        #expect(r.splitTop(99).rest.isEmpty && r.splitLeft(-3).left.isEmpty)
    }

    @Test func insetAndIntersection() {
        let r = Rect(x: 2, y: 2, width: 4, height: 3)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 3, width: 2, height: 1))
        #expect(r.inset(by: 5).isEmpty)
        #expect(r.intersection(Rect(x: 5, y: 0, width: 10, height: 3)) == Rect(x: 5, y: 2, width: 1, height: 1))
        #expect(r.intersection(Rect(x: 10, y: 10, width: 1, height: 1)).isEmpty)
    }

    @Test func clearRepairsWideAtEdge() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.write("表表", x: 0, y: 0)
        b.clear(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(b.lines == ["    "])
        #expect(b[3, 0].text == " ")
    }
}
