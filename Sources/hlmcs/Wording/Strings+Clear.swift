import Concentrator

/// The words of `hlmcs clear` (SPEC F-61), in English and Russian.
extension Strings {
    /// What the target is, as a person reads it.
    func clearTargetName(_ target: ClearTarget) -> String {
        switch target {
        case .events: t("the event log", "журнал событий")
        case .profiles: t("the daily, monthly and max-load profiles", "суточный, месячный профили и профили максимумов")
        case .meters: t("the meter list", "список счётчиков")
        }
    }

    func clearScope(_ target: ClearTarget, point: Int?) -> String {
        switch (target, point) {
        case (.meters, let p?): t("the meter of point \(p)", "счётчик точки \(p)")
        case (.meters, nil): t("every meter of the list", "все счётчики списка")
        case (_, let p?): t("\(clearTargetName(target)) of point \(p)", "\(clearTargetName(target)) точки \(p)")
        case (_, nil): t("\(clearTargetName(target)) of every point (0 and every meter's)",
                         "\(clearTargetName(target)) всех точек (0 и каждого счётчика)")
        }
    }

    /// Without `--yes`: what would go, and how to say yes.
    func clearNeedsYes(_ target: ClearTarget, point: Int?) -> String {
        t("This would clear \(clearScope(target, point: point)) for good. Nothing was cleared; add --yes to clear.",
          "Будет безвозвратно очищено: \(clearScope(target, point: point)). Ничего не очищено; добавьте --yes, чтобы очистить.")
    }

    func clearUnknownTarget(_ text: String) -> String {
        t("Unknown data to clear: \(text) (events, profiles or meters).", "Неизвестно, что очищать: \(text) (events, profiles или meters).")
    }

    var clearPointOrAll: String {
        t("Give either --point N or --all-points.", "Укажите либо --point N, либо --all-points.")
    }

    func clearedEvents(point: Int) -> String {
        t("Point \(point): event log cleared (it holds one record now, code 63).",
          "Точка \(point): журнал событий очищен (в нём одна запись, код 63).")
    }

    func clearedProfiles(point: Int, _ names: [String]) -> String {
        t("Point \(point): profiles cleared: \(names.joined(separator: ", ")).",
          "Точка \(point): очищены профили: \(names.joined(separator: ", ")).")
    }

    func clearedMeter(point: Int) -> String {
        t("Point \(point): meter removed from the list.", "Точка \(point): счётчик удалён из списка.")
    }

    var clearedAllMeters: String {
        t("Meter list cleared: no meter left.", "Список счётчиков очищен: счётчиков не осталось.")
    }

    func clearedNothing(_ target: ClearTarget) -> String {
        t("No point to clear \(clearTargetName(target)) of.", "Нет точек, где очищать \(clearTargetName(target)).")
    }
}
