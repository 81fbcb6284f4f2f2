/// Splits an inline command line into arguments as Redis's sdssplitargs does: blanks separate, double
/// quotes take `\n \r \t \b \a \\ \"` and `\xHH` escapes, single quotes take `\'`, and a closing quote
/// must be followed by a blank or the end. Nil for unbalanced quotes.
enum InlineCommand {
  static func split(_ line: ArraySlice<UInt8>) -> [[UInt8]]? {
    var arguments: [[UInt8]] = []
    var index = line.startIndex
    let end = line.firstIndex(of: 0) ?? line.endIndex
    func byte(_ at: Int) -> UInt8? { at < end ? line[at] : nil }
    while true {
      while let current = byte(index), isBlank(current) { index += 1 }
      guard byte(index) != nil else { return arguments }
      var current: [UInt8] = []
      var inDouble = false
      var inSingle = false
      var done = false
      while !done {
        let here = byte(index)
        if inDouble {
          guard let here else { return nil }
          if here == UInt8(ascii: "\\"), byte(index + 1) == UInt8(ascii: "x"),
            let high = byte(index + 2).flatMap(hexValue), let low = byte(index + 3).flatMap(hexValue)
          {
            current.append(high << 4 | low)
            index += 3
          } else if here == UInt8(ascii: "\\"), let escaped = byte(index + 1) {
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): current.append(10)
            case UInt8(ascii: "r"): current.append(13)
            case UInt8(ascii: "t"): current.append(9)
            case UInt8(ascii: "b"): current.append(8)
            case UInt8(ascii: "a"): current.append(7)
            default: current.append(escaped)
            }
          } else if here == UInt8(ascii: "\"") {
            if let next = byte(index + 1), !isBlank(next) { return nil }
            done = true
          } else {
            current.append(here)
          }
        } else if inSingle {
          guard let here else { return nil }
          if here == UInt8(ascii: "\\"), byte(index + 1) == UInt8(ascii: "'") {
            index += 1
            current.append(UInt8(ascii: "'"))
          } else if here == UInt8(ascii: "'") {
            if let next = byte(index + 1), !isBlank(next) { return nil }
            done = true
          } else {
            current.append(here)
          }
        } else {
          switch here {
          case nil, UInt8(ascii: " "), 10, 13, 9: done = true
          case UInt8(ascii: "\""): inDouble = true
          case UInt8(ascii: "'"): inSingle = true
          case let other?: current.append(other)
          }
        }
        if here != nil { index += 1 }
      }
      arguments.append(current)
    }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 32 || (byte >= 9 && byte <= 13)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
