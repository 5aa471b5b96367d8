import ArgumentParser
import DLMS
import ES951
import Foundation

/// `hlmcs set LINK CLASS/OBIS/ATTR VALUE`: VALUE typed by the device map (TYPE:VALUE
/// outside it), written, read back and compared; audited. Needs `write`.
struct SetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Write one attribute (typed by the device map).")
    @Argument(help: ArgumentHelp("The attribute as CLASS/OBIS/ATTR.", valueName: "class/obis/attr"))
    var attribute: String
    @Argument(help: ArgumentHelp("The value; TYPE:VALUE when the attribute is not in the map.", valueName: "value"))
    var value: String
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var descriptor: CosemAttributeDescriptor?
        var data: DLMSData?
        var mapped: MapAttribute?
        // The value is checked before the login and the link (a bad one is status 2).
        try await DeviceRun.run(global, link: link, actions: [.set], target: attribute, validate: { context in
            guard let parsed = CosemAttributeDescriptor(attribute) else {
                throw CommandFailure(status: .usage, message: context.strings.badAttribute(attribute))
            }
            descriptor = parsed
            mapped = try DeviceRun.loadMap(link.map).attribute(parsed)
            data = try ValueInput.parse(value, for: mapped)
        }) { run in
            let descriptor = descriptor!, data = data!
            let shown = mapped?.writeOnly == true ? "***" : ValueText.text(data)
            try await run.write(.set, target: descriptor.description + " = " + shown, attributes: [descriptor.description]) {
                [try await run.concentrator.set(descriptor, data)]
            }
            run.context.emit(text: descriptor.description + " = " + shown,
                             json: ["attribute": descriptor.description, "ok": true, "value": mapped?.writeOnly == true ? NSNull() : ValueText.json(data)])
        }
    }
}
