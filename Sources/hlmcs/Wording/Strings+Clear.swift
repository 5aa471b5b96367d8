import Concentrator

/// The words of `hlmcs clear` (SPEC F-61), in English and Russian.
extension Strings {
    /// What the target is, as a person reads it.
    func clearTargetName(_ target: ClearTarget) -> String {
        switch target {
        case .events: self["cli.clear.targetName.events"]
        case .profiles: self["cli.clear.targetName.profiles"]
        case .meters: self["cli.clear.targetName.meters"]
        }
    }

    func clearScope(_ target: ClearTarget, point: Int?) -> String {
        switch (target, point) {
        case (.meters, let p?): self["cli.clear.scope.meterOfPoint", String(p)]
        case (.meters, nil): self["cli.clear.scope.allMeters"]
        case (_, let p?): self["cli.clear.scope.targetOfPoint", clearTargetName(target), String(p)]
        case (_, nil): self["cli.clear.scope.targetOfAllPoints", clearTargetName(target)]
        }
    }

    /// Without `--yes`: what would go, and how to say yes.
    func clearNeedsYes(_ target: ClearTarget, point: Int?) -> String {
        self["cli.clear.needsYes", clearScope(target, point: point)]
    }

    func clearUnknownTarget(_ text: String) -> String { self["cli.clear.unknownTarget", text] }

    var clearPointOrAll: String { self["cli.clear.pointOrAll"] }

    func clearedEvents(point: Int) -> String { self["cli.clear.clearedEvents", String(point)] }

    func clearedProfiles(point: Int, _ names: [String]) -> String {
        self["cli.clear.clearedProfiles", String(point), names.joined(separator: ", ")]
    }

    func clearedMeter(point: Int) -> String { self["cli.clear.clearedMeter", String(point)] }

    var clearedAllMeters: String { self["cli.clear.clearedAllMeters"] }

    func clearedNothing(_ target: ClearTarget) -> String { self["cli.clear.clearedNothing", clearTargetName(target)] }
}
