import DLMS

/// One column of a profile (class 7 attribute 3): the DLMS type, under the name the
/// device map and the models use.
public typealias CaptureObjectDefinition = DLMS.CaptureObjectDefinition
