import DLMS
import ES951

/// The words of `hlmcs objects`, in English and Russian.
extension Strings {
    func objectsMatch(_ count: Int) -> String {
        t("No differences: the device's \(count) objects are those of the map.",
          "Различий нет: \(count) объектов устройства совпадают с картой.")
    }

    func objectsMissing(_ count: Int) -> String {
        t("In the map, missing from the device (\(count)):", "Есть в карте, нет в устройстве (\(count)):")
    }

    func objectsExtra(_ count: Int) -> String {
        t("On the device, not in the map (\(count)):", "Есть в устройстве, нет в карте (\(count)):")
    }

    func objectsMismatched(_ count: Int) -> String {
        t("Of another class or version on the device (\(count)):", "В устройстве другого класса или версии (\(count)):")
    }

    func objectsMismatch(_ m: ObjectListComparison.Mismatch) -> String {
        t("map class \(m.mapClass) v\(m.mapVersion), device class \(m.deviceClass) v\(m.deviceVersion)",
          "в карте класс \(m.mapClass) в.\(m.mapVersion), в устройстве класс \(m.deviceClass) в.\(m.deviceVersion)")
    }

    func objectsDiffer(_ count: Int, of compared: Int) -> String {
        t("The device's object list differs from the map: \(count) differences (\(compared) objects on the device).",
          "Список объектов устройства отличается от карты: различий \(count) (объектов в устройстве \(compared)).")
    }
}
