/// The content of one cache file: a magic tag, the deadline and the value.
///
/// Layout: `CLNG`, format 1, the deadline as a little-endian IEEE double (infinity for never), the value's
/// length as a little-endian UInt64, then the value. Anything else is a damaged file.
struct CacheFileRecord {
  static let magic: [UInt8] = Array("CLNG".utf8)
  static let format: UInt8 = 1
  static let headerSize = 4 + 1 + 8 + 8

  var deadline: Double
  var value: [UInt8]

  func encoded() -> [UInt8] {
    var bytes = Self.magic
    bytes.reserveCapacity(Self.headerSize + value.count)
    bytes.append(Self.format)
    appendLittleEndian(deadline.bitPattern, to: &bytes)
    appendLittleEndian(UInt64(value.count), to: &bytes)
    bytes.append(contentsOf: value)
    return bytes
  }

  /// The record in `bytes`, or nil when they are not a whole record.
  init?(decoding bytes: [UInt8]) {
    guard bytes.count >= Self.headerSize, bytes[0..<4].elementsEqual(Self.magic), bytes[4] == Self.format
    else { return nil }
    let length = Self.littleEndian(bytes, at: 13)
    guard length == UInt64(bytes.count - Self.headerSize) else { return nil }
    deadline = Double(bitPattern: Self.littleEndian(bytes, at: 5))
    guard !deadline.isNaN else { return nil }
    value = Array(bytes[Self.headerSize...])
  }

  init(deadline: Double, value: [UInt8]) {
    self.deadline = deadline
    self.value = value
  }

  private func appendLittleEndian(_ word: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
    }
  }

  private static func littleEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    var word: UInt64 = 0
    for index in (0..<8).reversed() { word = word << 8 | UInt64(bytes[offset + index]) }
    return word
  }
}
