/// How a row of a network page is edited.
enum NetworkRowKind: Sendable, Hashable {
    /// Typed; the keys may add only `characters`.
    case text(NetworkCharacters)
    /// Typed and never shown (dots) nor read back: empty leaves the device's value.
    case secret(NetworkCharacters)
    /// On or off: Space, Left or Right switch it.
    case toggle
    /// Shown, not editable (the MAC address).
    case readOnly
}

/// One row of a network page: its field, the key of its label, how it is edited.
struct NetworkRow<Field: Hashable & Sendable>: Sendable {
    var field: Field
    var labelKey: String
    var kind: NetworkRowKind

    init(_ field: Field, _ labelKey: String, _ kind: NetworkRowKind) {
        self.field = field
        self.labelKey = labelKey
        self.kind = kind
    }
}

/// One value to be written, as the confirmation shows it (old → new); a secret shows
/// neither, a toggle shows its words.
struct NetworkChange: Hashable, Sendable {
    var labelKey: String
    var old: String
    var new: String
    var kind: NetworkRowKind
}

/// The window a network page has open over its fields.
enum NetworkDialog: Hashable, Sendable {
    /// "Write these values?" with each change.
    case write([NetworkChange])
    /// F5 with edits not written: "read over them?".
    case overwrite(count: Int)
}

/// The state both network pages share (SPEC F-33, F-34): the typed values, the device's
/// values they are compared with, what the last write did not take, the focused row and
/// an open dialog. Values are kept as text; a toggle is `on`/`off`. Editing is pure.
struct NetworkForm<Field: Hashable & Sendable>: Sendable {
    let rows: [NetworkRow<Field>]
    /// What is typed (a secret starts empty).
    var texts: [Field: TextFieldState] = [:]
    /// The device's values as text (the model's defaults before the first read).
    var device: [Field: String]
    /// Values the device did not take at the last write: refused, or read back as
    /// something else (what it has). Cleared when the value is edited or read again.
    var marks: [Field: FieldWrite.Outcome] = [:]
    /// The character the field just refused (until the next key).
    var refusedCharacter: Character?
    /// Values that may not be typed now (the static addresses while DHCP is on): skipped
    /// by the focus, drawn dim.
    var locked: Set<Field> = []
    var focus: Int
    var dialog: NetworkDialog?
    /// The button of `dialog` that has the focus (0: the action).
    var dialogButton = 0
    /// True once the device's values were read (writing needs them).
    var loaded = false
    /// A short note under the fields, the key of its words (e.g. "read first").
    var noteKey: String?
    /// What the last confirmed write sent, value by value (edits made while it is in
    /// flight are not what the device took).
    var sent: [Field: String] = [:]

    init(rows: [NetworkRow<Field>], defaults: [Field: String]) {
        self.rows = rows
        device = defaults
        focus = rows.firstIndex { $0.kind != .readOnly } ?? 0
        for row in rows { texts[row.field] = TextFieldState(text: Self.isSecret(row) ? "" : defaults[row.field] ?? "") }
    }

    static func isSecret(_ row: NetworkRow<Field>) -> Bool { if case .secret = row.kind { true } else { false } }

    func text(_ field: Field) -> String { texts[field]?.text ?? "" }

    func row(_ field: Field) -> NetworkRow<Field>? { rows.first { $0.field == field } }

    var focusedRow: NetworkRow<Field>? { rows.indices.contains(focus) ? rows[focus] : nil }

    /// Whether what is typed differs from the device's value (a secret: anything typed).
    func isChanged(_ row: NetworkRow<Field>) -> Bool {
        switch row.kind {
        case .readOnly: false
        case .secret: !text(row.field).isEmpty
        case .text, .toggle: text(row.field) != (device[row.field] ?? "")
        }
    }

    /// The fields whose typed value differs from the device's, in row order.
    var changed: [Field] { rows.filter(isChanged).map(\.field) }

    /// The device's values, read: every field shows them (a secret is emptied).
    mutating func load(_ values: [Field: String]) {
        device = values
        for row in rows { texts[row.field] = TextFieldState(text: Self.isSecret(row) ? "" : values[row.field] ?? "") }
        marks = [:]
        sent = [:]
        refusedCharacter = nil
        noteKey = nil
        dialog = nil
        loaded = true
    }

    /// The outcome of a write for one field: the value sent, taken, becomes the device's
    /// (a secret is emptied again); any other is marked and what was typed stays.
    mutating func written(_ field: Field, _ outcome: FieldWrite.Outcome) {
        guard let row = row(field) else { return }
        let value = sent[field] ?? text(field)
        if outcome == .accepted {
            marks[field] = nil
            if Self.isSecret(row) {
                if text(field) == value { texts[field] = TextFieldState(text: "") }
            } else {
                device[field] = value
            }
        } else {
            marks[field] = outcome
        }
    }

    /// Moves the focus by `step` rows, over the rows that cannot be edited.
    mutating func move(_ step: Int) {
        var i = focus
        for _ in rows.indices {
            i += step
            guard rows.indices.contains(i) else { return }
            if rows[i].kind != .readOnly, !locked.contains(rows[i].field) { focus = i; return }
        }
    }

    /// A key on the fields: moves (Up, Down, Enter, Page Up, Page Down) or edits the
    /// focused value when `editable`. Returns true when the key was used.
    mutating func handle(_ key: Key, editable: Bool) -> Bool {
        refusedCharacter = nil
        switch key {
        case .up: move(-1); return true
        case .down, .enter: move(1); return true
        case .pageUp: focus = 0; if rows.first?.kind == .readOnly { move(1) }; return true
        case .pageDown: focus = rows.count - 1; if rows.last?.kind == .readOnly { move(-1) }; return true
        default: break
        }
        guard let row = focusedRow else { return false }
        let editing: Bool = switch key {
        case .character, .backspace, .delete: true
        case .left, .right: row.kind == .toggle
        default: false
        }
        if editing, !editable { noteKey = "network.readOnly"; return true }
        let field = row.field
        if editing, locked.contains(field) { noteKey = "network.lockedByDHCP"; return true }
        switch row.kind {
        case .readOnly: return false
        case .toggle:
            guard [.left, .right, .character(" ")].contains(key) else { return false }
            texts[field] = TextFieldState(text: text(field) == "on" ? "off" : "on")
        case .text(let characters), .secret(let characters):
            if case .character(let c) = key, !characters.allows(c) {
                refusedCharacter = c
                return true
            }
            var state = texts[field] ?? TextFieldState()
            let before = state.text
            guard state.handle(key) else { return false }
            texts[field] = state
            if state.text == before { return true }
        }
        marks[field] = nil
        noteKey = nil
        return true
    }

    /// A key while `dialog` is open: Left/Right/Tab choose the button, Enter presses it,
    /// Esc closes. True when the action was pressed, false when the dialog was closed
    /// without it, nil while it stays open.
    mutating func dialogKey(_ key: Key) -> Bool? {
        switch key {
        case .left, .right, .tab, .backTab:
            dialogButton = 1 - dialogButton
            return nil
        case .enter:
            let yes = dialogButton == 0
            dialog = nil
            return yes
        case .escape:
            dialog = nil
            return false
        default:
            return nil
        }
    }

    /// Notes what a confirmed write sends.
    mutating func sending() {
        sent = Dictionary(uniqueKeysWithValues: rows.map { ($0.field, text($0.field)) })
    }

    /// Opens `dialog`: the write with its action focused, the overwrite (which loses
    /// edits) with Cancel focused.
    mutating func open(_ dialog: NetworkDialog) {
        self.dialog = dialog
        if case .overwrite = dialog { dialogButton = 1 } else { dialogButton = 0 }
    }
}
