import Testing
@testable import TUICore

@Suite struct FormTests {
    let fields = [
        TextField(label: "Адрес", kind: .ipv4, state: TextFieldState(text: "10.0.0.1")),
        TextField(label: "Port", kind: .number, state: TextFieldState(text: "4x"), message: "Not a number"),
        TextField(label: "Пароль", kind: .password, state: TextFieldState(text: "abc", cursor: 1)),
    ]

    @Test func labelsAlignedWithMessages() {
        var b = ScreenBuffer(width: 22, height: 6)
        let form = Form(fields: fields, state: FormState(focus: 2))
        form.render(in: b.area, into: &b)
        #expect(b.lines == [
            "Адрес : [10.0.0.1    ]",
            "                      ",
            "Port  : [4x          ]",
            "         Not a number ",
            "Пароль: [•••         ]",
            "                      ",
        ])
        #expect(b[9, 4].style.underline && !b[9, 0].style.underline)
        #expect(form.cursorPosition(in: b.area).map { [$0.x, $0.y] } == [10, 4])
    }

    @Test func focusMoves() {
        var s = FormState()
        s.handle(.backTab, fieldCount: 3)
        #expect(s.focus == 2)
        s.handle(.tab, fieldCount: 3)
        #expect(s.focus == 0)
        let used = s.handle(.left, fieldCount: 3)
        #expect(!used && s.focus == 0)
    }

    @Test func clippedToArea() {
        var b = ScreenBuffer(width: 22, height: 3)
        Form(fields: fields).render(in: b.area, into: &b)
        #expect(b.lines == ["Адрес : [10.0.0.1    ]", "                      ", "Port  : [4x          ]"])
    }
}

@Suite struct WideTextInWidgetsTests {
    @Test func tableColumnCutsWideCharWhole() {
        var b = ScreenBuffer(width: 8, height: 2)
        TableView(columns: [TableColumn("名前", width: 3), TableColumn("n", width: 4, alignment: .right)],
                  rowCount: 1, state: TableState()) { _ in ["表示", "1"] }.render(in: b.area, into: &b)
        // "表示" cut to "表" (the half of "示" is not drawn); a 3-column cell plus the space.
        #expect(b.lines == ["名     n", "表     1"])
    }

    @Test func textFieldScrollsCJK() {
        var b = ScreenBuffer(width: 10, height: 1)
        let f = TextField(label: "T", state: TextFieldState(text: "表示表示"))
        f.render(in: b.area, into: &b)
        // Five columns: the last two wide characters and the cursor after them.
        #expect(b.lines == ["T: [表示 ]"])
        #expect(f.cursorPosition(in: b.area).map { [$0.x, $0.y] } == [8, 0])
    }

    @Test func emptyChart() {
        var b = ScreenBuffer(width: 6, height: 2)
        Chart(values: []).render(in: b.area, into: &b)
        #expect(b.lines == ["max 0 ", "      "])
    }
}
