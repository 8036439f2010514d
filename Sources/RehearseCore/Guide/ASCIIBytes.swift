/// The ASCII classes of a byte, for the readers that look at a guide's lines byte by byte.
extension UInt8 {
    var isASCIILowercase: Bool { self >= 0x61 && self <= 0x7A }
    var isASCIIUppercase: Bool { self >= 0x41 && self <= 0x5A }
    var isASCIILetter: Bool { isASCIILowercase || isASCIIUppercase }
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
}
