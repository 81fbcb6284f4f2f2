/// A value in Python's pickle format, as far as Django's cache stores them: what the web layer reads
/// from and writes to a cache that Django shares.
///
/// Instances of Python classes are kept by their class's dotted name with the arguments they were
/// built from, the items a dict subclass received, and the state `__setstate__` (or `__dict__`) got.
public indirect enum PickleValue: Sendable, Equatable {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case bytes([UInt8])
  case list([PickleValue])
  case tuple([PickleValue])
  /// Keys in insertion order, as a Python dict keeps them.
  case dict([(key: PickleValue, value: PickleValue)])
  case object(PickleObject)

  public static func == (lhs: PickleValue, rhs: PickleValue) -> Bool {
    switch (lhs, rhs) {
    case (.none, .none): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.float(let a), .float(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.bytes(let a), .bytes(let b)): a == b
    case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): a == b
    case (.dict(let a), .dict(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.object(let a), .object(let b)): a == b
    default: false
    }
  }

  /// The text of a `str`, or nil.
  public var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The value under the string key `name` of a dict, or nil.
  public subscript(name: String) -> PickleValue? {
    guard case .dict(let pairs) = self else { return nil }
    return pairs.last { $0.key == .string(name) }?.value
  }
}

/// An instance of a Python class in a pickle: `module.Name(*arguments)`, then its dict items, then its
/// state.
public struct PickleObject: Sendable, Equatable {
  /// The module that defines the class, such as `django.http.response`.
  public var module: String
  /// The class's qualified name within its module, such as `HttpResponse`.
  public var name: String
  public var arguments: [PickleValue]
  /// What SETITEM(S) gave a dict subclass (a cookie jar, a cookie's attributes), in order.
  public var items: [(key: PickleValue, value: PickleValue)]
  /// What BUILD gave the instance: usually its `__dict__`.
  public var state: PickleValue?

  public init(
    module: String, name: String, arguments: [PickleValue] = [],
    items: [(key: PickleValue, value: PickleValue)] = [],
    state: PickleValue? = nil
  ) {
    self.module = module
    self.name = name
    self.arguments = arguments
    self.items = items
    self.state = state
  }

  public static func == (lhs: PickleObject, rhs: PickleObject) -> Bool {
    lhs.module == rhs.module && lhs.name == rhs.name && lhs.arguments == rhs.arguments
      && lhs.state == rhs.state
      && PickleValue.dict(lhs.items) == PickleValue.dict(rhs.items)
  }
}

/// Bytes that are not a pickle this reader understands.
public struct PickleError: Error, Equatable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}
