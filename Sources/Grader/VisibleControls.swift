/// Text from a graded program made safe to print: control characters other than line ends and tabs, and
/// the bidirectional overrides that reorder what follows them, are shown, not obeyed (ESC as `^[`, DEL
/// as `^?`, others as `<U+009B>`), so nothing a program prints can move the cursor, recolour the report,
/// draw a false verdict, reorder its words or set the window's title.
enum VisibleControls {
  static func escape(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case _ where !needsEscape(scalar): result.unicodeScalars.append(scalar)
      case 0x7F: result += "^?"
      case 0x00..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
      default: result += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
      }
    }
    return result
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return false
    case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
