import DLMS

/// Why a device map or event catalogue could not be loaded. Structured data only; the app
/// builds the sentence. `path` names the place in the file (`objects[3].attributes[1].type`).
public enum MapError: Error, Equatable, Sendable {
    /// Not JSON at all. `line`/`column` (1-based) where the parser said so.
    case badJSON(line: Int?, column: Int?, detail: String)
    /// JSON, but a field is missing or of the wrong JSON type.
    case invalidField(path: String, detail: String)
    /// A value of the right JSON type that makes no sense (an OBIS code like `1.2.3`,
    /// an attribute index 300, a conformance name that does not exist).
    case invalidValue(path: String, value: String)
    /// A type name that `MapType` does not know.
    case unknownType(String, path: String)
    /// Two objects with the same logical name.
    case duplicateObject(OBISCode)
    /// Two objects with the same name key.
    case duplicateName(String)
    /// Two attributes (or methods) with the same index in one object.
    case duplicateAttribute(OBISCode, index: Int8)
    case duplicateMethod(OBISCode, index: Int8)
    /// A profile column that names no attribute of the map.
    case unknownCaptureObject(profile: OBISCode, column: CosemAttributeDescriptor)
    /// Two events with the same code.
    case duplicateEvent(Int)
    /// A `format` this program does not read.
    case unsupportedFormat(Int)
    /// The built-in file is not in the bundle (a broken installation).
    case resourceMissing(String)
}
