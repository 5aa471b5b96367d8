import ArgumentParser
import DLMS
import Foundation
import Operations

/// `hlmcs get LINK CLASS/OBIS/ATTR...`: each attribute read whole (one GET-with-list,
/// blocks as needed, never paged), one line `CLASS/OBIS/ATTR = value` each, or one JSON
/// object each with `--json`. Exit 1 when the device refused any of them. The attributes
/// are named exactly, so the device is not learned first (no object list read).
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Read attributes, e.g. 1/0.0.96.1.0.255/2.")
    @Argument(help: ArgumentHelp("Attributes as CLASS/OBIS/ATTR.", valueName: "class/obis/attr"))
    var attributes: [String]
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var descriptors: [CosemAttributeDescriptor] = []
        var refused = false
        try await DeviceRun.run(global, link: link, actions: [.get], target: attributes.joined(separator: " "), learns: false, validate: { context in
            guard !attributes.isEmpty else { throw CommandFailure(status: .usage, message: context.strings.attributesNeeded) }
            for text in attributes {
                guard let descriptor = CosemAttributeDescriptor(text) else {
                    throw CommandFailure(status: .usage, message: context.strings.badAttribute(text))
                }
                descriptors.append(descriptor)
            }
        }) { run in
            let results = try await run.concentrator.get(descriptors)
            for (descriptor, result) in zip(descriptors, results) {
                let name = descriptor.description
                let text: String
                switch result {
                case .data(let data): text = name + " = " + ValueText.text(data)
                case .error(let reason):
                    refused = true
                    text = name + " ! " + run.strings.readRefusedShort(Strings.dataAccessResultName(reason))
                }
                run.context.emit(text: text, json: ValueText.jsonObject(attribute: name, result: result))
            }
        }
        if refused { throw CommandFailure(status: .deviceRefused, message: "") }
    }
}
