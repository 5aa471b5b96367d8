import Testing
@testable import ES951

@Suite("Interface class attribute and method names")
struct InterfaceClassesTests {
    static let covered: [UInt16] = [1, 3, 4, 5, 7, 8, 9, 11, 15, 17, 18, 20, 21, 22, 23,
                                    40, 41, 42, 43, 44, 45, 47, 64, 70, 71, 90, 91, 92]

    @Test func coversTheListedClassesOnce() {
        #expect(InterfaceClasses.all.map(\.id) == Self.covered)
        for id in Self.covered { #expect(InterfaceClasses.info(classID: id)?.id == id) }
        for id: UInt16 in [0, 2, 6, 10, 12, 19, 29, 48, 63, 72, 151, 8192] {
            #expect(InterfaceClasses.info(classID: id) == nil)
        }
    }

    @Test(arguments: covered)
    func attributesStartWithLogicalNameAndRunOneToN(_ id: UInt16) throws {
        let info = try #require(InterfaceClasses.info(classID: id))
        #expect(info.attributes[1] == "logical-name")
        let indices = InterfaceClasses.attributeIndices(classID: id)
        #expect(indices == Array(1...Int8(info.attributes.count)))
        #expect(indices.count >= 2)
        let methods = info.methods.keys.sorted()
        #expect(methods == (methods.isEmpty ? [] : Array(1...Int8(methods.count))))
    }

    @Test(arguments: covered)
    func namesAreKebabCaseAndDistinct(_ id: UInt16) throws {
        let info = try #require(InterfaceClasses.info(classID: id))
        let kebab = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for name in Array(info.attributes.values) + Array(info.methods.values) {
            let isKebab = !name.isEmpty && name.allSatisfy { kebab.contains($0) }
            #expect(isKebab, "\(id): \(name)")
            #expect(!name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--"), "\(id): \(name)")
        }
        #expect(Set(info.attributes.values).count == info.attributes.count)
        #expect(Set(info.methods.values).count == info.methods.count)
        #expect(!info.name.isEmpty)
    }

    @Test func knownNames() {
        let attributes: [(UInt16, Int8, String)] = [
            (1, 2, "value"), (3, 3, "scaler-unit"), (4, 5, "capture-time"), (5, 9, "number-of-periods"),
            (7, 2, "buffer"), (7, 3, "capture-objects"), (7, 8, "profile-entries"),
            (8, 2, "time"), (8, 3, "time-zone"), (8, 9, "clock-base"),
            (15, 2, "object-list"), (15, 7, "secret"), (15, 9, "security-setup-reference"), (15, 11, "current-user"),
            (18, 6, "image-transfer-status"), (18, 7, "image-to-activate-info"),
            (20, 10, "activate-passive-calendar-time"), (22, 4, "execution-time"),
            (23, 2, "comm-speed"), (23, 9, "device-address"),
            (40, 2, "push-object-list"), (40, 13, "last-confirmation-date-time"),
            (41, 2, "port"), (42, 3, "ip-address"), (42, 7, "gateway"), (42, 10, "secondary-dns"),
            (43, 2, "mac-address"), (44, 5, "ppp-authentication"), (45, 2, "apn"), (45, 3, "pin-code"),
            (47, 6, "cell-info"), (64, 2, "security-policy"), (64, 6, "certificates"),
            (70, 2, "output-state"), (71, 11, "actions"), (90, 10, "rx-data-broadcast-count"),
            (91, 2, "short-address"), (91, 5, "key-table"), (91, 11, "neighbour-table"),
            (91, 26, "duplicate-detection-ttl"),
            (92, 2, "max-hops"), (92, 8, "routing-table"), (92, 23, "high-lqi-value"),
        ]
        for (id, index, name) in attributes {
            #expect(InterfaceClasses.attributeName(classID: id, index: index) == name, "\(id)/\(index)")
        }
        let methods: [(UInt16, Int8, String)] = [
            (3, 1, "reset"), (7, 1, "reset"), (7, 2, "capture"), (8, 1, "adjust-to-quarter"), (8, 6, "shift-time"),
            (9, 1, "execute"), (15, 1, "reply-to-hls-authentication"), (15, 6, "remove-user"),
            (18, 1, "image-transfer-initiate"), (18, 4, "image-activate"), (20, 1, "activate-passive-calendar"),
            (40, 1, "push"), (42, 3, "get-nbof-mc-ip-addresses"), (64, 2, "key-transfer"),
            (64, 8, "remove-certificate"), (70, 1, "remote-disconnect"), (70, 2, "remote-reconnect"),
        ]
        for (id, index, name) in methods {
            #expect(InterfaceClasses.methodName(classID: id, index: index) == name, "\(id)/m\(index)")
        }
        #expect(InterfaceClasses.info(classID: 8)?.name == "Clock")
        #expect(InterfaceClasses.info(classID: 7)?.name == "Profile generic")
        #expect(InterfaceClasses.attributeIndices(classID: 8) == [Int8](1...9))
        #expect(InterfaceClasses.attributeIndices(classID: 15).count == 11)
        #expect(InterfaceClasses.attributeIndices(classID: 91).count == 26)
    }

    @Test func fallbacks() {
        #expect(InterfaceClasses.attributeName(classID: 9999, index: 5) == "attribute-5")
        #expect(InterfaceClasses.attributeName(classID: 1, index: 3) == "attribute-3")
        #expect(InterfaceClasses.attributeName(classID: 8, index: 0) == "attribute-0")
        #expect(InterfaceClasses.methodName(classID: 9999, index: 2) == "method-2")
        #expect(InterfaceClasses.methodName(classID: 1, index: 1) == "method-1")
        #expect(InterfaceClasses.methodName(classID: 8, index: 7) == "method-7")
        #expect(InterfaceClasses.attributeIndices(classID: 9999).isEmpty)
        #expect(InterfaceClasses.info(classID: 1)?.methods.isEmpty == true)
    }

    @Test func secrets() {
        #expect(InterfaceClasses.isSecret(classID: 15, index: 7))
        #expect(InterfaceClasses.isSecret(classID: 44, index: 5))
        #expect(InterfaceClasses.isSecret(classID: 45, index: 3))
        #expect(InterfaceClasses.isSecret(classID: 91, index: 5))
        #expect(!InterfaceClasses.isSecret(classID: 8, index: 2))
        #expect(!InterfaceClasses.isSecret(classID: 15, index: 2))
        #expect(!InterfaceClasses.isSecret(classID: 1, index: 7))       // the index alone is no secret
        #expect(!InterfaceClasses.isSecret(classID: 9999, index: 7))
        // Security setup keeps its keys out of its attributes (they travel in methods).
        for index in InterfaceClasses.attributeIndices(classID: 64) {
            #expect(!InterfaceClasses.isSecret(classID: 64, index: index))
        }
    }

    @Test func versions() {
        let expected: [UInt16: UInt8] = [
            1: 0, 3: 0, 4: 0, 5: 0, 7: 1, 8: 0, 9: 0, 11: 0,
            // 3: the newest Association LN; its attributes and methods are version 2's.
            15: 3,
            17: 0, 18: 0, 20: 0, 21: 0, 22: 0, 23: 1, 40: 2, 41: 0, 42: 0, 43: 0, 44: 0, 45: 0,
            47: 2, 64: 1, 70: 1, 71: 0, 90: 1, 91: 3, 92: 3,
        ]
        for id in Self.covered {
            #expect(InterfaceClasses.info(classID: id)?.version == expected[id], "class \(id)")
        }
    }

    /// The project's maps name attributes and methods by these names too: every key of a
    /// covered class must be ours, and no mapped object may be newer than our version.
    @Test func agreesWithTheBuiltInMaps() throws {
        let maps = try DeviceMap.builtInMaps()
        var checked = 0
        for map in maps {
            for object in map.objects + map.alternatives {
                guard let info = InterfaceClasses.info(classID: object.classID) else { continue }
                #expect(object.version <= info.version, "\(map.name) \(object.name): version \(object.version)")
                for attribute in object.attributes {
                    #expect(InterfaceClasses.attributeName(classID: object.classID, index: attribute.index)
                                == attribute.key, "\(map.name) \(object.name)/\(attribute.index)")
                    checked += 1
                }
                for method in object.methods {
                    #expect(InterfaceClasses.methodName(classID: object.classID, index: method.index)
                                == method.key, "\(map.name) \(object.name)/m\(method.index)")
                }
            }
        }
        #expect(checked > 50)
    }
}
