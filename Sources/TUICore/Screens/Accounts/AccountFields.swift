import Accounts

/// The editing state shared by the account forms: the values, which one has the focus,
/// and whether Enter was tried (from then on, empty fields show their problem too; before
/// it, a field shows a problem only once something is typed in it).
struct AccountFields: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case text, password, role }

    let kinds: [Kind]
    var texts: [TextFieldState]
    var role: Role
    var focus = 0
    var submitted = false

    init(_ kinds: [Kind], role: Role = .read) {
        self.kinds = kinds
        texts = Array(repeating: TextFieldState(), count: kinds.count)
        self.role = role
    }

    subscript(_ index: Int) -> String { texts[index].text }

    /// Tab, Down, Shift-Tab and Up move the focus (wrapping); other keys edit the focused
    /// field: text, or the role with Left/Right/Space. Returns whether the key was used.
    mutating func handle(_ key: Key) -> Bool {
        var form = FormState(focus: focus)
        if form.handle(key, fieldCount: kinds.count) {
            focus = form.focus
            return true
        }
        switch kinds[focus] {
        case .text: return texts[focus].handle(key, kind: .text)
        case .password: return texts[focus].handle(key, kind: .password)
        case .role:
            let all = Role.allCases
            var choice = ChoiceField(label: "", options: all.map(\.name), selected: all.firstIndex(of: role) ?? 0)
            guard choice.handle(key) else { return false }
            role = all[choice.selected]
            return true
        }
    }

    /// True when the focus is on a text or password field.
    var hasTextFocus: Bool { kinds[focus] != .role }

    /// Empties the field and puts the cursor at its start.
    mutating func clear(_ index: Int) { texts[index] = TextFieldState() }

    /// The problem to show under field `index`: `problem` once the field has text or Enter
    /// was tried.
    func shown(_ index: Int, _ problem: AccountProblem?) -> AccountProblem? {
        (submitted || !texts[index].text.isEmpty) ? problem : nil
    }

    /// A text row for the field list.
    func row(_ index: Int, label: String, problem: AccountProblem?, _ s: UIStrings) -> FieldList.Row {
        .text(TextField(label: label, kind: kinds[index] == .password ? .password : .text, state: texts[index],
                        message: shown(index, problem)?.text(s)))
    }

    /// The role row for the field list.
    func roleRow(label: String, _ s: UIStrings) -> FieldList.Row {
        let all = Role.allCases
        return .choice(ChoiceField(label: label, options: all.map { AccountLabels.role($0, s) },
                                   selected: all.firstIndex(of: role) ?? 0))
    }
}
