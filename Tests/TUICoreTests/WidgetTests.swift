import Testing
@testable import TUICore

@Suite struct FrameTests {
    @Test func unicodeWithTitle() {
        var b = ScreenBuffer(width: 12, height: 3)
        Frame(title: "Счётчик").render(in: b.area, into: &b)
        #expect(b.lines == ["┌ Счётчик ─┐", "│          │", "└──────────┘"])
        #expect(Frame().inner(b.area) == Rect(x: 1, y: 1, width: 10, height: 1))
    }

    @Test func asciiTitleClipped() {
        var b = ScreenBuffer(width: 8, height: 3)
        Frame(title: "Concentrator", lines: .ascii).render(in: b.area, into: &b)
        #expect(b.lines == ["+ Conce+", "|      |", "+------+"])
    }
}

@Suite struct KeyBarTests {
    @Test func keysAndLabels() {
        var b = ScreenBuffer(width: 24, height: 1)
        let bar = KeyBar(items: [.init("F1", "Help"), .init("F5", "Чтение"), .init("F10", "Quit")])
        bar.render(in: b.area, into: &b)
        // Too long for 24 columns: one space between items.
        #expect(b.lines == ["F1 Help F5 Чтение F10 Qu"])
        #expect(b[0, 0].style == Style(bold: true))
        #expect(b[3, 0].style == Style(reverse: true))
        var wide = ScreenBuffer(width: 30, height: 1)
        bar.render(in: wide.area, into: &wide)
        #expect(wide.lines == ["F1 Help  F5 Чтение  F10 Quit  "])
    }
}

@Suite struct LogPanelTests {
    @Test func lastLinesNewestAtBottom() {
        var b = ScreenBuffer(width: 6, height: 2)
        LogPanel(lines: ["one", "два", "three!!"]).render(in: b.area, into: &b)
        #expect(b.lines == ["два   ", "three!"])
        var c = ScreenBuffer(width: 4, height: 3)
        LogPanel(lines: ["a"]).render(in: c.area, into: &c)
        #expect(c.lines == ["    ", "    ", "a   "])
    }
}

@Suite struct ProgressBarTests {
    @Test func barAndText() {
        let p = ProgressBar(fraction: 0.37, done: "1.2 kB", total: "3.4 kB", remaining: "00:12")
        #expect(p.text == "37% 1.2 kB/3.4 kB 00:12 left")
        var b = ScreenBuffer(width: 38, height: 1)
        p.render(in: b.area, into: &b)
        #expect(b.lines == ["███░░░░░░ 37% 1.2 kB/3.4 kB 00:12 left"])
    }

    @Test func asciiRussianClamped() {
        let p = ProgressBar(fraction: 1.5, remaining: "00:00", leftWord: "осталось", ascii: true)
        var b = ScreenBuffer(width: 24, height: 1)
        p.render(in: b.area, into: &b)
        #expect(b.lines == ["#### 100% 00:00 осталось"])
    }
}

@Suite struct ChartTests {
    @Test func barsScaledWithMaxLabel() {
        var b = ScreenBuffer(width: 6, height: 4)
        Chart(values: [1, 3, 0, 2, 3]).render(in: b.area, into: &b)
        #expect(b.lines == ["max 3 ", " █  █ ", " █ ██ ", "██ ██ "])
    }

    @Test func newestValuesWhenTooMany() {
        var b = ScreenBuffer(width: 3, height: 3)
        Chart(values: [9, 1, 2, 4], maxLabel: "4 кВт", ascii: true).render(in: b.area, into: &b)
        // 1/4 of 2 rows rounds up to one row.
        #expect(b.lines == ["4 к", "  #", "###"])
    }
}

@Suite struct DialogTests {
    @Test func centredWithButtons() {
        var b = ScreenBuffer(width: 24, height: 7)
        Dialog(title: "Выход", message: ["Выйти?"], buttons: ["Да", "Нет"],
               state: DialogState(selectedButton: 1)).render(in: b.area, into: &b)
        #expect(b.lines == [
            "                        ",
            "   ┌ Выход ─────────┐   ",
            "   │ Выйти?         │   ",
            "   │                │   ",
            "   │ [ Да ] [ Нет ] │   ",
            "   └────────────────┘   ",
            "                        ",
        ])
        #expect(b[12, 4].style.reverse)
        #expect(!b[5, 4].style.reverse)
    }

    @Test func typedConfirmation() {
        var b = ScreenBuffer(width: 26, height: 6)
        let state = DialogState(typed: "DEL")
        Dialog(title: "Delete", message: ["Erase the log?"], buttons: ["OK"],
               confirmationWord: "DELETE", state: state, lines: .ascii).render(in: b.area, into: &b)
        #expect(b.lines == [
            "   + Delete ----------+   ",
            "   | Erase the log?   |   ",
            "   | Type DELETE: DEL |   ",
            "   |                  |   ",
            "   |      [ OK ]      |   ",
            "   +------------------+   ",
        ])
        #expect(!state.isConfirmed("DELETE"))
        #expect(DialogState(typed: "DELETE").isConfirmed("DELETE"))
    }
}

@Suite struct TextFieldTests {
    @Test func editing() {
        var s = TextFieldState()
        for c in "Мир" { s.handle(.character(c)) }
        s.handle(.left); s.handle(.left)
        s.handle(.backspace)
        #expect(s.text == "ир" && s.cursor == 0)
        s.handle(.delete)
        s.handle(.end); s.handle(.character("!"))
        s.handle(.home); s.handle(.right)
        #expect(s.text == "р!" && s.cursor == 1)
        let refused = s.handle(.character("x"), kind: .number)
        let notEditing = s.handle(.up)
        #expect(!refused && !notEditing && s.text == "р!")
    }

    @Test func renderTextAndCursor() {
        var b = ScreenBuffer(width: 16, height: 2)
        let f = TextField(label: "Имя", state: TextFieldState(text: "Иван", cursor: 2))
        f.render(in: b.area, into: &b)
        #expect(b.lines == ["Имя: [Иван     ]", "                "])
        #expect(f.cursorPosition(in: b.area).map { [$0.x, $0.y] } == [8, 0])
    }

    @Test func passwordBullets() {
        var b = ScreenBuffer(width: 12, height: 1)
        TextField(label: "Pwd", kind: .password, state: TextFieldState(text: "secret")).render(in: b.area, into: &b)
        // Five columns: four bullets and the cursor after them.
        #expect(b.lines == ["Pwd: [•••• ]"])
    }

    @Test func scrollsToCursor() {
        var b = ScreenBuffer(width: 10, height: 1)
        let f = TextField(label: "N", kind: .number, state: TextFieldState(text: "123456789"))
        f.render(in: b.area, into: &b)
        #expect(b.lines == ["N: [6789 ]"])
        #expect(f.cursorPosition(in: b.area).map { [$0.x, $0.y] } == [8, 0])
    }

    @Test func ipv4WithMessage() {
        #expect(FieldKind.ipv4.isValid("192.168.0.1"))
        #expect(!FieldKind.ipv4.isValid("192.168.0.256"))
        #expect(!FieldKind.ipv4.isValid("1.2.3"))
        #expect(!FieldKind.number.isValid("")); #expect(FieldKind.number.isValid("-1.5"))
        var b = ScreenBuffer(width: 20, height: 2)
        TextField(label: "IP", kind: .ipv4, state: TextFieldState(text: "10.0.0.300"),
                  message: "Неверный адрес").render(in: b.area, into: &b)
        #expect(b.lines == ["IP: [10.0.0.300    ]", "     Неверный адрес "])
    }
}
