// tui-probe: a tiny full-screen program for the tmux end-to-end tests of TUINcurses.
// Draws a frame, Cyrillic and CJK text, the window size, its pid and the name of the last
// key; redraws on resize; exits on q or F10. Not shipped.
#if canImport(Glibc)
import Glibc
#endif
import TUICore
import TUINcurses

func name(of key: Key) -> String {
    switch key {
    case .character(let c): "char(\(c))"
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "BackTab"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .insert: "Insert"
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PageUp"
    case .pageDown: "PageDown"
    case .function(let n): "F\(n)"
    case .alt(let c): "Alt+\(c)"
    case .control(let c): "Ctrl+\(c)"
    case .resize: "Resize"
    case .click(let x, let y): "Click(\(x),\(y))"
    }
}

func render(width: Int, height: Int, lines: LineDrawing, lastKey: String, colors: Bool) -> ScreenBuffer {
    var screen = ScreenBuffer(width: width, height: height)
    guard width >= 2, height >= 2 else { return screen }
    let inner = String(repeating: lines.horizontal, count: width - 2)
    screen.write(lines.topLeft + inner + lines.topRight, x: 0, y: 0)
    screen.write(lines.bottomLeft + inner + lines.bottomRight, x: 0, y: height - 1)
    for y in 1 ..< height - 1 {
        screen.write(lines.vertical, x: 0, y: y)
        screen.write(lines.vertical, x: width - 1, y: y)
    }
    let maxWidth = width - 4
    screen.write("Концентратор ES-951", x: 2, y: 1, style: Style(foreground: .cyan, bold: true), maxWidth: maxWidth)
    screen.write("漢字テスト", x: 2, y: 2, maxWidth: maxWidth)
    screen.write("Size: \(width)x\(height)", x: 2, y: 3, maxWidth: maxWidth)
    screen.write("Key: \(lastKey)", x: 2, y: 4, style: Style(reverse: true), maxWidth: maxWidth)
    screen.write("PID: \(getpid())", x: 2, y: 5, maxWidth: maxWidth)
    screen.write("Colors: \(colors ? "on" : "off")", x: 2, y: 6, maxWidth: maxWidth)
    return screen
}

let terminal: Terminal
do {
    terminal = try Terminal.start()
} catch {
    let message = "tui-probe: \(error)\n"
    _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(2)
}
var lastKey = "none"
var needsDraw = true
while true {
    if needsDraw {
        let size = terminal.size
        terminal.draw(render(width: size.width, height: size.height, lines: terminal.lineDrawing,
                             lastKey: lastKey, colors: terminal.colorsEnabled))
        needsDraw = false
    }
    guard let key = terminal.readKey(timeoutMilliseconds: 200) else { continue }
    if key == .character("q") || key == .function(10) { break }
    lastKey = name(of: key)
    needsDraw = true
}
terminal.stop()
print("tui-probe: bye")
