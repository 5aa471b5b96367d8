import Testing
@testable import TUICore

@Suite struct FieldListTests {
    let list = FieldList(rows: [
        .value(label: "User", text: "ivanov"),
        .text(TextField(label: "Пароль", kind: .password, state: TextFieldState(text: "abc"), message: "Too short")),
        .choice(ChoiceField(label: "Role", options: ["Read", "Administrator"], selected: 1)),
    ], focus: 1)

    @Test func labelsAlignedTwoLinesEach() {
        var b = ScreenBuffer(width: 24, height: 6)
        list.render(in: b.area, into: &b)
        #expect(b.lines == [
            "User  : ivanov          ",
            "                        ",
            "Пароль: [•••           ]",
            "         Too short      ",
            "Role  : < Administrator ",
            "                        ",
        ])
        #expect(list.height == 6 && list.labelWidth == 6)
        #expect(b[9, 2].style.underline && !b[10, 4].style.underline)
        #expect(b[8, 0].style.bold)
    }

    @Test func cursorOnlyInATextField() {
        let area = Rect(x: 2, y: 3, width: 24, height: 6)
        #expect(list.cursorPosition(in: area).map { [$0.x, $0.y] } == [14, 5])
        var other = list
        other.focus = 2
        #expect(other.cursorPosition(in: area) == nil)
        other.focus = nil
        #expect(other.cursorPosition(in: area) == nil)
    }

    @Test func clippedToArea() {
        var b = ScreenBuffer(width: 24, height: 3)
        list.render(in: b.area, into: &b)
        #expect(b.lines[2] == "Пароль: [•••           ]")
    }
}
