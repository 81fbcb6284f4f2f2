/// Writes a `PickleValue` in pickle protocol 4, which every Python from 3.4 on reads: the form Django's
/// cache backends load with `pickle.loads`.
public enum PickleWriter {
  /// The pickle of `value`.
  public static func write(_ value: PickleValue) -> [UInt8] {
    var output: [UInt8] = [0x80, 4]
    emit(value, into: &output)
    output.append(0x2E)
    return output
  }

  private static func emit(_ value: PickleValue, into output: inout [UInt8]) {
    switch value {
    case .none: output.append(0x4E)
    case .bool(let flag): output.append(flag ? 0x88 : 0x89)
    case .int(let number): emitInt(number, into: &output)
    case .float(let number):
      output.append(0x47)
      output += bigEndian(number.bitPattern, count: 8)
    case .string(let text):
      let utf8 = Array(text.utf8)
      emitSized(utf8, short: 0x8C, long: 0x58, into: &output)
    case .bytes(let bytes): emitSized(bytes, short: 0x43, long: 0x42, into: &output)
    case .list(let items):
      output.append(0x5D)
      if !items.isEmpty {
        output.append(0x28)
        for item in items { emit(item, into: &output) }
        output.append(0x65)
      }
    case .tuple(let items): emitTuple(items, into: &output)
    case .dict(let pairs):
      output.append(0x7D)
      emitItems(pairs, into: &output)
    case .object(let object):
      emit(.string(object.module), into: &output)
      emit(.string(object.name), into: &output)
      output.append(0x93)
      emitTuple(object.arguments, into: &output)
      output.append(0x81)
      emitItems(object.items, into: &output)
      if let state = object.state {
        emit(state, into: &output)
        output.append(0x62)
      }
    }
  }

  private static func emitInt(_ number: Int, into output: inout [UInt8]) {
    switch number {
    case 0...0xFF: output += [0x4B, UInt8(number)]
    case 0...0xFFFF: output += [0x4D] + littleEndian(UInt64(number), count: 2)
    case Int(Int32.min)...Int(Int32.max):
      output += [0x4A] + littleEndian(UInt64(UInt32(bitPattern: Int32(number))), count: 4)
    default: output += [0x8A, 8] + littleEndian(UInt64(bitPattern: Int64(number)), count: 8)
    }
  }

  private static func emitSized(_ bytes: [UInt8], short: UInt8, long: UInt8, into output: inout [UInt8]) {
    if bytes.count < 0x100 {
      output += [short, UInt8(bytes.count)]
    } else {
      output += [long] + littleEndian(UInt64(bytes.count), count: 4)
    }
    output += bytes
  }

  private static func emitTuple(_ items: [PickleValue], into output: inout [UInt8]) {
    switch items.count {
    case 0: output.append(0x29)
    case 1...3:
      for item in items { emit(item, into: &output) }
      output.append(0x84 + UInt8(items.count))
    default:
      output.append(0x28)
      for item in items { emit(item, into: &output) }
      output.append(0x74)
    }
  }

  private static func emitItems(_ pairs: [(key: PickleValue, value: PickleValue)], into output: inout [UInt8])
  {
    guard !pairs.isEmpty else { return }
    output.append(0x28)
    for pair in pairs {
      emit(pair.key, into: &output)
      emit(pair.value, into: &output)
    }
    output.append(0x75)
  }

  private static func littleEndian(_ value: UInt64, count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
  }

  private static func bigEndian(_ value: UInt64, count: Int) -> [UInt8] {
    littleEndian(value, count: count).reversed()
  }
}
