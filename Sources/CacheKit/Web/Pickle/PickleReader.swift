/// Reads the pickles Python writes for Django's cache (protocols 2 to 5): scalars, strings, bytes,
/// lists, tuples, dicts and instances of classes, which are described, never run.
///
/// Anything else (sets, persistent ids, extension codes, protocol 0's text opcodes) is a `PickleError`,
/// which the web layer treats as a miss.
public enum PickleReader {
  /// The value `bytes` hold.
  public static func read(_ bytes: [UInt8]) throws -> PickleValue {
    var machine = Machine(bytes)
    return try machine.run()
  }

  /// A value under construction: lists, dicts and instances change after they are pushed (APPENDS,
  /// SETITEMS, BUILD) and the memo shares them, so they are references until STOP.
  private final class Node {
    enum Content {
      case scalar(PickleValue)
      case list([Node])
      case tuple([Node])
      case dict([(key: Node, value: Node)])
      case global(module: String, name: String)
      case object(
        module: String, name: String, arguments: [Node], items: [(key: Node, value: Node)], state: Node?)
    }

    var content: Content

    init(_ content: Content) { self.content = content }

    func value(depth: Int = 0) throws -> PickleValue {
      guard depth < 100 else { throw PickleError("nested too deeply (or refers to itself)") }
      func values(_ nodes: [Node]) throws -> [PickleValue] {
        try nodes.map { try $0.value(depth: depth + 1) }
      }
      func pairs(_ nodes: [(key: Node, value: Node)]) throws -> [(key: PickleValue, value: PickleValue)] {
        var result: [(key: PickleValue, value: PickleValue)] = []
        for pair in nodes {
          let key = try pair.key.value(depth: depth + 1)
          let value = try pair.value.value(depth: depth + 1)
          if let index = result.firstIndex(where: { $0.key == key }) {
            result[index].value = value
          } else {
            result.append((key, value))
          }
        }
        return result
      }
      switch content {
      case .scalar(let value): return value
      case .list(let nodes): return .list(try values(nodes))
      case .tuple(let nodes): return .tuple(try values(nodes))
      case .dict(let nodes): return .dict(try pairs(nodes))
      case .global(let module, let name): throw PickleError("a bare class reference \(module).\(name)")
      case .object(let module, let name, let arguments, let items, let state):
        return .object(
          PickleObject(
            module: module, name: name, arguments: try values(arguments), items: try pairs(items),
            state: try state?.value(depth: depth + 1)))
      }
    }
  }

  private struct Machine {
    let bytes: [UInt8]
    var position = 0
    var stack: [Node] = []
    var marks: [Int] = []
    var memo: [Int: Node] = [:]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func run() throws -> PickleValue {
      while true {
        let opcode = try take(1)[0]
        switch opcode {
        case 0x80: _ = try take(1)  // PROTO
        case 0x95: _ = try take(8)  // FRAME: a length hint only
        case 0x2E:  // STOP
          guard stack.count == 1, marks.isEmpty else { throw PickleError("STOP with \(stack.count) values") }
          return try stack[0].value()
        case 0x28: marks.append(stack.count)  // MARK
        case 0x30: _ = try pop()  // POP
        case 0x31: _ = try popMark()  // POP_MARK
        case 0x32: stack.append(try top())  // DUP
        case 0x4E: push(.none)
        case 0x88: push(.bool(true))
        case 0x89: push(.bool(false))
        case 0x4A: push(.int(Int(Int32(bitPattern: UInt32(try little(4))))))  // BININT
        case 0x4B: push(.int(Int(try little(1))))  // BININT1
        case 0x4D: push(.int(Int(try little(2))))  // BININT2
        case 0x8A: push(.int(try long(Int(try little(1)))))  // LONG1
        case 0x8B: push(.int(try long(Int(try little(4)))))  // LONG4
        case 0x47: push(.float(Double(bitPattern: try big(8))))  // BINFLOAT
        case 0x8C: push(.string(try text(Int(try little(1)))))  // SHORT_BINUNICODE
        case 0x58: push(.string(try text(Int(try little(4)))))  // BINUNICODE
        case 0x8D: push(.string(try text(try length8())))  // BINUNICODE8
        case 0x43: push(.bytes(try take(Int(try little(1)))))  // SHORT_BINBYTES
        case 0x42: push(.bytes(try take(Int(try little(4)))))  // BINBYTES
        case 0x8E, 0x96: push(.bytes(try take(try length8())))  // BINBYTES8, BYTEARRAY8
        case 0x5D: stack.append(Node(.list([])))  // EMPTY_LIST
        case 0x6C: try pushNode(.list(popMark()))  // LIST
        case 0x61:  // APPEND
          let item = try pop()
          try append([item])
        case 0x65:  // APPENDS
          let items = try popMark()
          try append(items)
        case 0x29: stack.append(Node(.tuple([])))  // EMPTY_TUPLE
        case 0x74: try pushNode(.tuple(popMark()))  // TUPLE
        case 0x85, 0x86, 0x87:  // TUPLE1, TUPLE2, TUPLE3
          let count = Int(opcode - 0x84)
          guard stack.count >= count + (marks.last ?? 0) else {
            throw PickleError("a tuple of missing values")
          }
          let items = Array(stack.suffix(count))
          stack.removeLast(count)
          stack.append(Node(.tuple(items)))
        case 0x7D: stack.append(Node(.dict([])))  // EMPTY_DICT
        case 0x64: try pushNode(.dict(pairs(popMark())))  // DICT
        case 0x73:  // SETITEM
          let value = try pop()
          let key = try pop()
          try setItems([(key, value)])
        case 0x75:  // SETITEMS
          let items = try pairs(try popMark())
          try setItems(items)
        case 0x63:  // GLOBAL
          let module = try line()
          let name = try line()
          stack.append(Node(.global(module: module, name: name)))
        case 0x93:  // STACK_GLOBAL
          let name = try pop()
          let module = try pop()
          guard case .scalar(.string(let moduleText)) = module.content,
            case .scalar(.string(let nameText)) = name.content
          else { throw PickleError("STACK_GLOBAL without two strings") }
          stack.append(Node(.global(module: moduleText, name: nameText)))
        case 0x81, 0x52:  // NEWOBJ, REDUCE
          let arguments = try pop()
          let callable = try pop()
          try instantiate(callable, arguments)
        case 0x92:  // NEWOBJ_EX
          _ = try pop()
          let arguments = try pop()
          let callable = try pop()
          try instantiate(callable, arguments)
        case 0x62:  // BUILD
          let state = try pop()
          let target = try top()
          guard case .object(let module, let name, let arguments, let items, _) = target.content else {
            throw PickleError("BUILD on something that is not an instance")
          }
          target.content = .object(
            module: module, name: name, arguments: arguments, items: items, state: state)
        case 0x94: memo[memo.count] = try top()  // MEMOIZE
        case 0x71: memo[Int(try little(1))] = try top()  // BINPUT
        case 0x72: memo[Int(try little(4))] = try top()  // LONG_BINPUT
        case 0x68, 0x6A:  // BINGET, LONG_BINGET
          let index = Int(try little(opcode == 0x68 ? 1 : 4))
          guard let node = memo[index] else { throw PickleError("memo \(index) was never stored") }
          stack.append(node)
        default:
          throw PickleError("unsupported opcode 0x\(String(opcode, radix: 16)) at \(position - 1)")
        }
      }
    }

    mutating func take(_ count: Int) throws -> [UInt8] {
      guard count >= 0, count <= bytes.count - position else { throw PickleError("truncated at \(position)") }
      defer { position += count }
      return Array(bytes[position..<position + count])
    }

    mutating func little(_ count: Int) throws -> UInt64 {
      try take(count).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func big(_ count: Int) throws -> UInt64 {
      try take(count).reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func length8() throws -> Int {
      let length = try little(8)
      guard length <= UInt64(bytes.count) else { throw PickleError("truncated at \(position)") }
      return Int(length)
    }

    /// A two's-complement little-endian integer of `count` bytes, as LONG1 and LONG4 carry it.
    mutating func long(_ count: Int) throws -> Int {
      guard count <= 8 else { throw PickleError("an integer wider than 64 bits") }
      let digits = try take(count)
      guard let last = digits.last else { return 0 }
      var pattern: UInt64 = last >= 0x80 ? ~0 : 0
      for byte in digits.reversed() { pattern = pattern << 8 | UInt64(byte) }
      return Int(bitPattern: UInt(pattern))
    }

    mutating func text(_ count: Int) throws -> String {
      guard let text = String(validating: try take(count), as: UTF8.self) else {
        throw PickleError("a string that is not UTF-8 at \(position)")
      }
      return text
    }

    mutating func line() throws -> String {
      guard let end = bytes[position...].firstIndex(of: 0x0A) else {
        throw PickleError("an unterminated name")
      }
      let text = try self.text(end - position)
      position += 1
      return text
    }

    mutating func push(_ value: PickleValue) { stack.append(Node(.scalar(value))) }

    mutating func pushNode(_ content: Node.Content) { stack.append(Node(content)) }

    mutating func pop() throws -> Node {
      guard stack.count > (marks.last ?? 0) else { throw PickleError("an empty stack at \(position)") }
      return stack.removeLast()
    }

    func top() throws -> Node {
      guard stack.count > (marks.last ?? 0), let node = stack.last else {
        throw PickleError("an empty stack at \(position)")
      }
      return node
    }

    mutating func popMark() throws -> [Node] {
      guard let mark = marks.popLast() else { throw PickleError("no MARK at \(position)") }
      defer { stack.removeLast(stack.count - mark) }
      return Array(stack[mark...])
    }

    func pairs(_ nodes: [Node]) throws -> [(key: Node, value: Node)] {
      guard nodes.count.isMultiple(of: 2) else { throw PickleError("a key without a value") }
      return stride(from: 0, to: nodes.count, by: 2).map { (nodes[$0], nodes[$0 + 1]) }
    }

    // The helpers below read `self` when called: their arguments are popped into locals first, since
    // a non-mutating call captures `self` before its arguments run.
    func append(_ nodes: [Node]) throws {
      let target = try top()
      guard case .list(let items) = target.content else {
        throw PickleError("APPEND to something not a list")
      }
      target.content = .list(items + nodes)
    }

    func setItems(_ pairs: [(key: Node, value: Node)]) throws {
      let target = try top()
      switch target.content {
      case .dict(let items): target.content = .dict(items + pairs)
      case .object(let module, let name, let arguments, let items, let state):
        target.content = .object(
          module: module, name: name, arguments: arguments, items: items + pairs, state: state)
      default: throw PickleError("SETITEM on something not a dict")
      }
    }

    mutating func instantiate(_ callable: Node, _ arguments: Node) throws {
      guard case .global(let module, let name) = callable.content else {
        throw PickleError("an instance of something that is not a class")
      }
      guard case .tuple(let values) = arguments.content else {
        throw PickleError("arguments that are not a tuple")
      }
      stack.append(Node(.object(module: module, name: name, arguments: values, items: [], state: nil)))
    }
  }
}
