/// The percent-encoding Django applies when it rebuilds a request's URI (`escape_uri_path`,
/// `iri_to_uri`, both Python's `urllib.parse.quote` with their own safe characters).
enum URIEncoding {
  private static let escapeURIPathSafe = Set("/:@&+$,-_.!~*'()".utf8)
  private static let iriSafe = Set("/#%[]=:;$&()+,!?*@'~".utf8)

  /// Django's `escape_uri_path`: what the path of a URI must have escaped.
  static func escapeURIPath(_ path: String) -> String { quote(path, safe: escapeURIPathSafe) }

  /// Django's `iri_to_uri`: non-ASCII and unsafe bytes escaped, existing `%` escapes kept.
  static func iriToURI(_ iri: String) -> String { quote(iri, safe: iriSafe) }

  /// `text`'s UTF-8 bytes read as Latin-1: the string a WSGI server gives Django for raw bytes.
  static func wsgiText(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: text.utf8.map { Unicode.Scalar($0) })
    return result
  }

  /// `%XX` escapes decoded; the result is read as UTF-8, and when it is not UTF-8 the text is kept as
  /// it was.
  static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    let source = Array(text.utf8)
    var index = 0
    while index < source.count {
      if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
        let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
      {
        bytes.append(high << 4 | low)
        index += 3
      } else {
        bytes.append(source[index])
        index += 1
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? text
  }

  private static func quote(_ text: String, safe: Set<UInt8>) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    var output: [UInt8] = []
    for byte in text.utf8 {
      let alwaysSafe =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: "~")
      if alwaysSafe || safe.contains(byte) {
        output.append(byte)
      } else {
        output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }
}
