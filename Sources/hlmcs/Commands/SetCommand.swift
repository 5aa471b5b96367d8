import Accounts
import ArgumentParser
import DLMS
import DLMSTransport
import ES951
import Foundation
import Operations

/// `hlmcs set LINK CLASS/OBIS/ATTR VALUE`: VALUE typed by the device map (TYPE:VALUE
/// outside it), written, read back and compared; audited. Needs `write`.
struct SetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Write one attribute (typed by the device map).")
    @Argument(help: ArgumentHelp("The attribute as CLASS/OBIS/ATTR.", valueName: "class/obis/attr"))
    var attribute: String
    @Argument(help: ArgumentHelp("The value; TYPE:VALUE when the attribute is not in the map. Never for a password: those come from HLMCS_NEW_SECRET or a prompt.", valueName: "value"))
    var value: String?
    @OptionGroup var link: LinkArguments

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var descriptor: CosemAttributeDescriptor?
        var data: DLMSData?
        var mapped: MapAttribute?
        // The value is checked before the login and the link (a bad one is status 2).
        let action = CosemAttributeDescriptor(attribute).map(Operator.action) ?? .set
        try await DeviceRun.run(global, link: link, actions: [action], target: attribute, validate: { context in
            guard let parsed = CosemAttributeDescriptor(attribute) else {
                throw CommandFailure(status: .usage, message: context.strings.badAttribute(attribute))
            }
            descriptor = parsed
            mapped = try DeviceMapFile.load(link.map).attribute(parsed)
            let secret = SecretAttributes.isSecret(parsed) || mapped?.writeOnly == true
            let text = try ValueInput.text(argument: value, secret: secret, environment: context.environment) {
                Terminal.isInteractive ? Terminal.readSecret(prompt: context.strings["cli.set.promptNewValue"]) : nil
            }
            if Operator.action(parsed) == .serialNumberWrite { try ValueInput.checkSerialNumber(text) }
            data = try ValueInput.parse(text, for: mapped)
        }) { run in
            let descriptor = descriptor!, data = data!
            let secret = SecretAttributes.isSecret(descriptor) || mapped?.writeOnly == true
            let shown = secret ? "***" : ValueText.text(data)
            let outcome = try await run.op.set(descriptor, data, secret: secret)
            try run.requireAccepted([outcome], names: [descriptor.description], wrote: descriptor.description + " = " + shown)
            run.context.emit(text: descriptor.description + " = " + shown,
                             json: ["attribute": descriptor.description, "ok": true, "value": secret ? NSNull() : ValueText.json(data)])
        }
    }
}
