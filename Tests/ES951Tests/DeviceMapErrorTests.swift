import Foundation
import DLMS
import Resources
import Testing
@testable import ES951

@Suite("Device map errors")
struct DeviceMapErrorTests {
    static let link = #"""
    "link": { "serverUpperAddress": 1, "logicalAddress": { "modulus": 10000, "offset": 1000 },
      "allStationAddress": { "twoByte": 127, "fourByte": 16383 },
      "clients": [ { "sap": 16, "name": "public", "authentication": "none", "writes": false } ],
      "factoryPassword": "x", "maxInfoField": 512, "window": 7, "defaultMaxInfoField": 128,
      "defaultWindow": 1, "maxReceivePDU": 1024, "conformance": ["get"], "tcpPort": 4059,
      "opticalIdentification": "/EMS5\\2ES951", "opticalBaud": 9600 }
    """#

    static func file(_ objects: String, format: Int = 1) -> [UInt8] {
        Array(#"{ "format": \#(format), \#(link), "objects": [ \#(objects) ] }"#.utf8)
    }

    static let serial = #"{ "name": "serial-number", "class": 1, "version": 0, "obis": "0.0.96.1.0.255", "attributes": [ { "index": 2, "key": "value", "type": "visible-string", "read": [16] } ] }"#

    @Test func aSmallValidMapLoads() throws {
        let map = try DeviceMap(data: Self.file(Self.serial))
        #expect(map.objects.count == 1)
        #expect(map.object(named: "serial-number")?.attribute(2)?.access == MapAccess(read: [16]))
        #expect(map.link.conformance == .get)
    }

    @Test func brokenJSONGivesLine() {
        let text = "{\n  \"format\": 1,\n  \"link\": {\n    \"serverUpperAddress\": 1,,\n"
        do {
            _ = try DeviceMap(data: Array(text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error == .badJSON(line: 4, column: 29, detail: "expected a member name in quotes"))
        }
    }

    @Test func emptyInputIsBadJSON() {
        #expect {
            try DeviceMap(data: [])
        } throws: { error in
            if case MapError.badJSON = error { true } else { false }
        }
    }

    @Test func unknownTypeNamesItAndWhere() {
        let bad = Self.serial.replacingOccurrences(of: "visible-string", with: "visible-strng")
        #expect(throws: MapError.unknownType("visible-strng", path: "objects[0].attributes[0].type")) {
            try DeviceMap(data: Self.file(bad))
        }
    }

    @Test func duplicateObject() {
        let other = Self.serial.replacingOccurrences(of: "serial-number", with: "other")
        #expect(throws: MapError.duplicateObject(OBISCode(0, 0, 96, 1, 0, 255))) {
            try DeviceMap(data: Self.file(Self.serial + "," + other))
        }
    }

    @Test func duplicateName() {
        let other = Self.serial.replacingOccurrences(of: "0.0.96.1.0.255", with: "0.0.96.1.1.255")
        #expect(throws: MapError.duplicateName("serial-number")) {
            try DeviceMap(data: Self.file(Self.serial + "," + other))
        }
    }

    @Test func duplicateAttribute() {
        let bad = #"{ "name": "x", "class": 1, "version": 0, "obis": "0.0.96.1.0.255", "attributes": [ { "index": 2, "key": "a", "type": "unsigned", "read": [16] }, { "index": 2, "key": "b", "type": "unsigned", "read": [16] } ] }"#
        #expect(throws: MapError.duplicateAttribute(OBISCode(0, 0, 96, 1, 0, 255), index: 2)) {
            try DeviceMap(data: Self.file(bad))
        }
    }

    @Test func badOBIS() {
        let bad = Self.serial.replacingOccurrences(of: "0.0.96.1.0.255", with: "0.0.96.1.0")
        #expect(throws: MapError.invalidValue(path: "objects[0].obis", value: "0.0.96.1.0")) {
            try DeviceMap(data: Self.file(bad))
        }
    }

    @Test func missingField() {
        let bad = Self.serial.replacingOccurrences(of: #""version": 0, "#, with: "")
        #expect(throws: MapError.invalidField(path: "objects[0].version", detail: "missing")) {
            try DeviceMap(data: Self.file(bad))
        }
    }

    @Test func wrongJSONTypeNamesThePath() {
        let bad = Self.serial.replacingOccurrences(of: #""class": 1"#, with: #""class": "one""#)
        #expect {
            try DeviceMap(data: Self.file(bad))
        } throws: { error in
            if case MapError.invalidField(let path, _) = error { path == "objects[0].class" } else { false }
        }
    }

    @Test func captureObjectMustExist() {
        let profile = #"{ "name": "p", "class": 7, "version": 1, "obis": "0.0.99.98.0.255", "depth": 10, "attributes": [ { "index": 2, "key": "buffer", "type": "array", "read": [16] } ], "captureObjects": [ { "class": 1, "obis": "0.0.96.1.0.255", "attribute": 2 }, { "class": 8, "obis": "0.0.1.0.0.255", "attribute": 2 } ] }"#
        #expect(throws: MapError.unknownCaptureObject(
            profile: OBISCode(0, 0, 99, 98, 0, 255),
            column: CosemAttributeDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2))) {
            try DeviceMap(data: Self.file(Self.serial + "," + profile))
        }
    }

    @Test func unknownConformanceName() {
        let text = String(decoding: Self.file(Self.serial), as: UTF8.self)
            .replacingOccurrences(of: #"["get"]"#, with: #"["get", "teleport"]"#)
        #expect(throws: MapError.invalidValue(path: "link.conformance", value: "teleport")) {
            try DeviceMap(data: Array(text.utf8))
        }
    }

    @Test func unsupportedFormat() {
        #expect(throws: MapError.unsupportedFormat(2)) { try DeviceMap(data: Self.file(Self.serial, format: 2)) }
    }

    @Test(arguments: [
        ("", 1, 1, "a value"),
        ("{", 1, 2, "a member name in quotes"),
        ("{\"a\" 1}", 1, 6, "':'"),
        ("[1 2]", 1, 4, "',' or ']'"),
        ("{\"a\": [1, 2}", 1, 12, "',' or ']'"),
        ("{}\n  x", 2, 3, "the end of the text"),
        ("{\"ф\": tru}", 1, 7, "a value"),
        ("[01]", 1, 2, "no leading zero"),
        ("[1.]", 1, 4, "a digit"),
        ("[\"a\\q\"]", 1, 4, "a valid escape"),
        ("[\"abc", 1, 6, "a closing quote"),
        ("{\"a\":\n\n   ]", 3, 4, "a value"),
    ])
    func syntaxErrorsAreLocated(_ text: String, _ line: Int, _ column: Int, _ expected: String) {
        let found = JSONSyntaxLocator.locate(Array(text.utf8))
        #expect(found?.line == line)
        #expect(found?.column == column)
        #expect(found?.expected == expected)
    }

    @Test(arguments: ["{}", "[]", " [1, -2.5e3, true, false, null, \"x\\u00e9\", {\"a\": [[]]}] ", "0", "\"s\""])
    func validJSONHasNoSyntaxError(_ text: String) {
        #expect(JSONSyntaxLocator.locate(Array(text.utf8)) == nil)
    }

    @Test func builtInFilesAreValidJSON() throws {
        #expect(JSONSyntaxLocator.locate(try ResourceBundle.bytes(of: .deviceMap)) == nil)
        #expect(JSONSyntaxLocator.locate(try ResourceBundle.bytes(of: .events)) == nil)
    }
}
