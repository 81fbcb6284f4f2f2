/// Standard base64 (RFC 4648, with padding), for the meta commands' binary keys (the `b` flag).
public enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  public static func encode(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
      for position in 0..<4 {
        output.append(
          position <= chunk.count ? alphabet[Int((value >> (18 - 6 * position)) & 63)] : UInt8(ascii: "="))
      }
      index += 3
    }
    return output
  }

  /// The decoded bytes, or nil when `text` is not padded base64.
  public static func decode(_ text: [UInt8]) -> [UInt8]? {
    guard !text.isEmpty, text.count % 4 == 0 else { return nil }
    var output: [UInt8] = []
    for start in stride(from: 0, to: text.count, by: 4) {
      var value: UInt32 = 0
      var padding = 0
      for offset in 0..<4 {
        let byte = text[start + offset]
        if byte == UInt8(ascii: "=") {
          guard start + 4 == text.count, offset >= 2 else { return nil }
          padding += 1
          value <<= 6
          continue
        }
        guard padding == 0, let digit = alphabet.firstIndex(of: byte) else { return nil }
        value = value << 6 | UInt32(digit)
      }
      let decoded = [UInt8(value >> 16 & 255), UInt8(value >> 8 & 255), UInt8(value & 255)]
      output += decoded.prefix(3 - padding)
    }
    return output
  }
}
