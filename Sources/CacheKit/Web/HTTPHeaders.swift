/// HTTP header fields with case-insensitive names, one value per name, in the order names were first
/// set: the shape of Django's `HttpResponse.headers`.
///
/// Setting a name again replaces its value (and its spelling) but keeps its place, as a Python dict
/// does. Set-Cookie is not a header here: responses keep cookies apart, as Django does.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
  private var fields: [(name: String, value: String)] = []

  public init() {}

  public init(_ fields: [(String, String)]) {
    for (name, value) in fields { self[name] = value }
  }

  public init(dictionaryLiteral elements: (String, String)...) {
    self.init(elements)
  }

  /// The value of `name` (any case), or nil; assigning nil removes the field.
  public subscript(name: String) -> String? {
    get { fields.first { Self.same($0.name, name) }?.value }
    set {
      let index = fields.firstIndex { Self.same($0.name, name) }
      switch (index, newValue) {
      case (let index?, let value?): fields[index] = (name, value)
      case (let index?, nil): fields.remove(at: index)
      case (nil, let value?): fields.append((name, value))
      case (nil, nil): break
      }
    }
  }

  /// Whether a field called `name` (any case) is present, even with an empty value.
  public func contains(_ name: String) -> Bool { self[name] != nil }

  public var count: Int { fields.count }

  public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
    fields.makeIterator()
  }

  public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
    lhs.fields.count == rhs.fields.count
      && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  private static func same(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
  }
}
