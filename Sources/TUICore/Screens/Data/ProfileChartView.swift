import DLMS
import ES951

/// A chart of one column of a profile (SPEC F-43). Energy registers grow, so for the
/// daily and monthly profiles the bars are what was consumed between two rows (per day,
/// per month); maximum loads are charted as they are. A label line names the column and
/// its maximum (energy in the unit chosen); the last line gives the dates of the first and
/// last bar shown.
struct ProfileChartView {
    var table: ProfileTable
    /// An index into `table.columns` (a number column).
    var column: Int
    var strings: UIStrings
    var energy: EnergyUnit = .wh

    /// The columns a chart can show: those holding numbers.
    static func chartable(_ table: ProfileTable) -> [Int] {
        table.columns.indices.filter { i in
            table.rows.contains { row in
                if i < row.values.count, case .number = row.values[i] { true } else { false }
            }
        }
    }

    /// Whether the column is an energy register (charted as differences).
    var isRegister: Bool { table.columns[column].name.contains("energy") }

    /// One bar: its value and the rows it spans (their date-times).
    struct Bar { var value: ScaledValue; var from: COSEMDateTime?; var to: COSEMDateTime? }

    var bars: [Bar] {
        let numbers: [(ScaledValue, COSEMDateTime?)] = table.rows.compactMap { row in
            guard column < row.values.count, case .number(let v) = row.values[column] else { return nil }
            return (v, row.time)
        }
        guard isRegister else { return numbers.map { Bar(value: $0.0, from: $0.1, to: $0.1) } }
        return zip(numbers, numbers.dropFirst()).map { a, b in
            // Same scaler within a column; a register that went back (replaced meter) counts 0,
            // and a difference past Int64 (a device's nonsense) the most it can be, not a trap.
            let (step, overflow) = b.0.raw.subtractingReportingOverflow(a.0.raw)
            return Bar(value: ScaledValue(raw: overflow ? Int64.max : max(0, step), scaler: b.0.scaler, unit: b.0.unit), from: a.1, to: b.1)
        }
    }

    /// Whether the rows are a month apart (the label says "per month").
    var monthly: Bool {
        let times = table.rows.compactMap { $0.time?.secondsSince1970() }
        guard times.count >= 2 else { return false }
        return (times[1] - times[0]) > 20 * 86_400
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard area.height >= 3, area.width > 0 else { return }
        buffer.clear(area)
        let s = strings
        let bars = bars
        guard !bars.isEmpty else {
            buffer.write(s["data.chart.nothing"], x: area.x, y: area.y, style: Style(dim: true), maxWidth: area.width)
            return
        }
        let shown = Array(bars.suffix(area.width))
        let top = shown.max { $0.value.doubleValue < $1.value.doubleValue }!.value
        let name = DataText.title(table.columns[column], s, energy)
        let key = !isRegister ? "data.chart.values" : monthly ? "data.chart.perMonth" : "data.chart.perDay"
        let label = s[key, name, DataText.cell(.number(top), s, energy)]
        let (chartArea, axis) = area.splitBottom(1)
        // Few bars (a monthly profile) are drawn wider, a column apart.
        let wide = shown.count * 3 <= area.width ? min(4, area.width / shown.count - 1) : 1
        let values: [Double] = shown.flatMap { bar -> [Double] in
            wide == 1 ? [bar.value.doubleValue] : Array(repeating: bar.value.doubleValue, count: wide) + [0]
        }
        Chart(values: values, maxLabel: label, barStyle: Style(foreground: .cyan),
              ascii: context.ascii).render(in: chartArea, into: &buffer)
        let left = DataText.date(shown.first?.from), right = DataText.date(shown.last?.to)
        buffer.write(left, x: area.x, y: axis.y, style: Style(dim: true), maxWidth: area.width)
        let rightX = area.x + min(area.width, values.count - (wide == 1 ? 0 : 1)) - DisplayWidth.of(right)
        if rightX > area.x + DisplayWidth.of(left) {
            buffer.write(right, x: rightX, y: axis.y, style: Style(dim: true), maxWidth: area.maxX - rightX)
        }
    }
}
