/// Turns the bytes a raw-mode terminal sends into keys, across reads that split a sequence anywhere.
public struct KeyDecoder: Sendable {
  private var buffer: [UInt8] = []

  /// A decoder with nothing buffered.
  public init() {}

  /// Whether bytes of an incomplete sequence (such as a lone ESC) are waiting for the next feed or flush.
  public var hasPendingInput: Bool { !buffer.isEmpty }

  /// Feeds bytes read from a raw-mode terminal; returns the complete keys (UTF-8 characters, CSI/SS3 arrow/home/end/page sequences, CR or LF = enter, 0x7f/0x08 = backspace, 0x03 interrupt, 0x04 endOfInput, other Ctrl-letters as control); keeps an incomplete sequence for the next call.
  public mutating func feed(_ bytes: [UInt8]) -> [Key] {
    buffer += bytes
    return decode(final: false)
  }

  /// A lone ESC waiting for more bytes becomes .escape when the caller times out.
  /// Other incomplete input is given up too: an unfinished escape sequence as .escape and its bytes as characters, broken UTF-8 as U+FFFD.
  public mutating func flush() -> [Key] {
    decode(final: true)
  }

  /// What one attempt at the front of the buffer found.
  private enum Step {
    case key(Key?, length: Int)
    case incomplete
  }

  private mutating func decode(final: Bool) -> [Key] {
    var keys: [Key] = []
    var start = 0
    while start < buffer.count {
      switch step(at: start) {
      case .key(let key, let length):
        if let key { keys.append(key) }
        start += length
      case .incomplete:
        guard final else {
          buffer.removeFirst(start)
          return keys
        }
        if buffer[start] == 0x1B {
          keys.append(.escape)
          start += 1
        } else {
          keys.append(.character("\u{FFFD}"))
          start = buffer.count
        }
      }
    }
    buffer.removeAll()
    return keys
  }

  private func step(at start: Int) -> Step {
    let byte = buffer[start]
    switch byte {
    case 0x1B: return escapeStep(at: start)
    case 0x0D, 0x0A: return .key(.enter, length: 1)
    case 0x7F, 0x08: return .key(.backspace, length: 1)
    case 0x09: return .key(.tab, length: 1)
    case 0x03: return .key(.interrupt, length: 1)
    case 0x04: return .key(.endOfInput, length: 1)
    case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(byte + 0x60))), length: 1)
    case 0..<0x20: return .key(nil, length: 1)
    case 0x20..<0x80: return .key(.character(Character(Unicode.Scalar(byte))), length: 1)
    default: return utf8Step(at: start)
    }
  }

  private func escapeStep(at start: Int) -> Step {
    guard start + 1 < buffer.count else { return .incomplete }
    switch buffer[start + 1] {
    case UInt8(ascii: "["):
      var index = start + 2
      while index < buffer.count {
        let byte = buffer[index]
        if (0x40...0x7E).contains(byte) {
          let parameters = String(decoding: buffer[(start + 2)..<index], as: UTF8.self)
          return .key(csiKey(parameters: parameters, final: byte), length: index - start + 1)
        }
        guard (0x20...0x3F).contains(byte) else { return .key(.escape, length: 1) }
        index += 1
      }
      return .incomplete
    case UInt8(ascii: "O"):
      guard start + 2 < buffer.count else { return .incomplete }
      return .key(letterKey(buffer[start + 2]), length: 3)
    default:
      return .key(.escape, length: 1)
    }
  }

  /// Arrows, Home and End by final letter (with any modifier parameters), or Home/End/PageUp/PageDown as `ESC [ n ~`.
  private func csiKey(parameters: String, final: UInt8) -> Key? {
    guard final == UInt8(ascii: "~") else { return letterKey(final) }
    switch parameters.split(separator: ";").first {
    case "1", "7": return .home
    case "4", "8": return .end
    case "5": return .pageUp
    case "6": return .pageDown
    default: return nil
    }
  }

  private func letterKey(_ byte: UInt8) -> Key? {
    switch byte {
    case UInt8(ascii: "A"): return .up
    case UInt8(ascii: "B"): return .down
    case UInt8(ascii: "C"): return .right
    case UInt8(ascii: "D"): return .left
    case UInt8(ascii: "H"): return .home
    case UInt8(ascii: "F"): return .end
    default: return nil
    }
  }

  private func utf8Step(at start: Int) -> Step {
    let lead = buffer[start]
    let length: Int
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return .key(.character("\u{FFFD}"), length: 1)
    }
    var index = start + 1
    while index < start + length {
      guard index < buffer.count else { return .incomplete }
      guard buffer[index] & 0xC0 == 0x80 else { return .key(.character("\u{FFFD}"), length: index - start) }
      index += 1
    }
    let text = String(decoding: buffer[start..<(start + length)], as: UTF8.self)
    return .key(.character(text.first ?? "\u{FFFD}"), length: length)
  }
}
