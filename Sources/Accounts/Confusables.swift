import Foundation

/// Unicode's confusable characters (UTS #39 §4, the data of `confusables.txt`), to tell
/// whether two user names look alike: `admin` with a Cyrillic `а`, `adrnin` and `аdmin`
/// all have the skeleton `adrnin`.
///
/// The data, ``table``, is generated (ConfusablesTable.swift says from what and how);
/// it is parsed once, on first use.
public enum Confusables {
    /// The UTS #39 skeleton of `text`: NFD, each character replaced by the prototype it
    /// may be taken for, NFD again. Two strings that look alike have the same skeleton.
    /// Case is kept (`A` and `a` are not confusable); ``UserName/looksAlike(_:_:)``
    /// ignores it as well.
    public static func skeleton(_ text: String) -> String {
        var mapped = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let prototype = prototypes[scalar.value] {
                mapped.append(contentsOf: prototype)
            } else {
                mapped.append(scalar)
            }
        }
        return String(mapped).decomposedStringWithCanonicalMapping
    }

    /// Code point → the code points of its prototype, from ``table``.
    static let prototypes: [UInt32: [Unicode.Scalar]] = parse(table)

    /// Reads lines of hexadecimal code points: the source, then its prototype.
    static func parse(_ text: String) -> [UInt32: [Unicode.Scalar]] {
        var map: [UInt32: [Unicode.Scalar]] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").compactMap { UInt32($0, radix: 16) }
            guard fields.count >= 2, let source = fields.first else { continue }
            map[source] = fields.dropFirst().compactMap(Unicode.Scalar.init)
        }
        return map
    }
}
