import DLMS

/// Which requests carry a secret, by interface class and attribute or method, whatever a
/// device map says: their frames are masked in traces (``FrameTrace/maskingInformation(_:)``)
/// both ways, whether the secret is read or written.
///
/// - class 15 (Association LN) attribute 7 `secret` (the LLS password), methods 1
///   `reply_to_HLS_authentication` and 2 `change_HLS_secret`;
/// - class 44 (PPP setup) attribute 5 `PPP_authentication` (the ES-951's DPD password
///   lives there too);
/// - class 64 (Security setup): every attribute and method (keys, certificates).
///
/// A map may name more (its write-only attributes): ``DLMSConnection/markSecret(_:)``.
public enum SecretAttributes {
    public static func isSecret(_ attribute: CosemAttributeDescriptor) -> Bool {
        switch (attribute.classID, attribute.attribute) {
        case (15, 7), (44, 5), (64, _): true
        default: false
        }
    }

    public static func isSecret(_ method: CosemMethodDescriptor) -> Bool {
        switch (method.classID, method.method) {
        case (15, 1), (15, 2), (64, _): true
        default: false
        }
    }
}
