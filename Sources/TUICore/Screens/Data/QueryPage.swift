/// A page that asks the device for a table of a point over a time window (Events,
/// Profiles): two lines of fields, a line of words, then the result; Tab moves through
/// the fields and the result, Enter on a field reads, F8 writes the rows shown to a CSV
/// file. The pages give their fields and requests; the keys of the window and of the
/// export prompt, the outcome of a typed key, and the layout are written once, here.
protocol QueryPage: WorkPage {
    var window: TimeWindowInput { get set }
    /// Words of a refused key (a letter in a number field), until the next key.
    var refusal: String? { get set }
    var export: ExportPrompt? { get set }
    /// Tab and the keys that move between fields.
    mutating func move(_ delta: Int)
    /// The CSV export of the rows shown to `path` (nil: nothing read), as the box chose
    /// and in the context's unit of energy.
    func exportRequest(path: String, _ choice: CSVChoice, _ context: PageContext) -> PageRequest?
}

extension QueryPage {
    /// The keys of the export prompt while it is open (nil: it is not).
    mutating func promptKey(_ key: Key, _ context: PageContext) -> [PageRequest]? {
        guard var prompt = export else { return nil }
        let outcome = prompt.handle(key, context.strings)
        export = prompt
        switch outcome {
        case .cancel?: export = nil
        case .write(let path, let choice)?: return exportRequest(path: path, choice, context).map { [$0] } ?? []
        case nil: break
        }
        return []
    }

    /// What a key did to a text field: a refused character is said, Up/Down move, Enter reads.
    mutating func fieldOutcome(_ outcome: FieldKey, _ context: PageContext) -> [PageRequest] {
        switch outcome {
        case .edited: break
        case .refused(let key): refusal = context.strings[key]
        case .move(let delta): move(delta)
        case .read: return read(context)
        }
        return []
    }

    /// A key in the From or To field.
    mutating func windowKey(_ key: Key, _ side: TimeWindowInput.Side, _ context: PageContext) -> [PageRequest] {
        var state = window[side]
        let outcome = FieldKey.apply(key, to: &state, DataInput.dateCharacterProblem)
        window[side] = state
        return fieldOutcome(outcome, context)
    }

    /// The export's own results: written (the prompt closes), failed (said in the prompt),
    /// stopped.
    mutating func receiveExport(_ result: PageResult, _ s: UIStrings) {
        switch result {
        case .exported: export = nil
        case .exportExists(let path): export?.exists(path, s)
        case .failed(let failure):
            if export?.writing == true { export?.writing = false; export?.message = failure.text }
        case .stopped: export?.writing = false
        default: break
        }
    }

    /// The window's problem as the line under the fields says it.
    func windowProblem(_ s: UIStrings) -> (text: String, problem: Bool)? {
        guard let p = window.problem(s) else { return nil }
        return (s[p.side == .from ? "data.field.from" : "data.field.to"] + ": " + p.text, true)
    }

    /// Draws the two lines of fields (`focus`: the focused item of each) and the line of
    /// words; returns the area left for the result.
    func renderQuery(_ lines: (InlineFields, InlineFields), focus: (Int?, Int?), message: (text: String, problem: Bool)?,
                     in area: Rect, into buffer: inout ScreenBuffer) -> Rect {
        lines.0.render(in: area, focus: focus.0, into: &buffer)
        lines.1.render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), focus: focus.1, into: &buffer)
        if let message {
            buffer.write(message.text, x: area.x, y: area.y + 2,
                         style: message.problem ? Style(foreground: .red) : Style(dim: true), maxWidth: area.width)
        }
        return Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
    }
}
