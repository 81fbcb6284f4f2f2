/// The two protocols our servers speak, as an attacker writes them: valid frames to mutate, the
/// requests the resource attacks need, and a probe that tells whether a server still answers.
public enum WireProtocol: String, Sendable, CaseIterable {
  case redis
  case memcached

  /// Valid frames, including the shapes of the resource attacks, for `FrameMutator` to start from. A
  /// key `big` holds a value over the size replies reference instead of copying.
  public var seeds: [[UInt8]] {
    switch self {
    case .redis:
      return [
        "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n", "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", "PING\r\n",
        "set a \"b c\"\r\n", "echo 'x y' \"\\x41\\n\"\r\n", "*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n", "MULTI\r\n",
        "EXEC\r\n", "*-1\r\n", "*0\r\n", "GET k\r\nGET n\r\n", "MGET big big k big\r\n", "GET big\r\n",
        "KEYS *a*a*a*a*a*a*a*a*a*b\r\n", "SCAN 0 MATCH [a-]*\\*?[^b COUNT 100\r\n", "KEYS [z-a]*\r\n",
        "APPEND big x\r\n", "SET k v PX 9223372036854775807\r\n", "ADVANCECLOCK 9223372036854775807\r\n",
        "*2\r\n$3\r\nGET\r\n$536870912\r\nabc", "EXPIRE k 9223372036854775807\r\n",
      ].map { Array($0.utf8) }
    case .memcached:
      return [
        "set k 0 0 1\r\nv\r\n", "get k\r\n", "get k k2\r\n", "add k2 5 0 2\r\nab\r\n", "incr n 1\r\n",
        "set n 0 0 2\r\n10\r\n", "delete k\r\n", "touch k 10\r\n", "mg k v f t\r\n", "ms k 2 T0\r\nhi\r\n",
        "md k q\r\n", "ma n v\r\n", "mn\r\n", "version\r\n", "gat 0 k\r\n", "get big big k big\r\n",
        "gets big\r\n", "mg big v\r\n", "append big 0 0 1\r\nw\r\n", "set k 0 0 1 noreply\r\nv\r\nget k\r\n",
        "advanceclock 9223372036854775806\r\n", "set k 0 0 536870912\r\nabc", "touch k -1\r\n",
      ].map { Array($0.utf8) }
    }
  }

  /// Bytes a mutation likes to put in: line ends, spaces, digits and the protocol's own syntax.
  public var interestingBytes: [UInt8] {
    switch self {
    case .redis: return Array("\r\n *$:+-0123456789\"'\\[]?".utf8) + [0]
    case .memcached: return Array("\r\n 0123456789-kvTqgsm".utf8) + [0]
    }
  }

  /// Stores `value` under `key`; the server answers with one line.
  public func set(_ key: String, _ value: [UInt8]) -> [UInt8] {
    switch self {
    case .redis: return Self.command([Array("SET".utf8), Array(key.utf8), value])
    case .memcached: return Array("set \(key) 0 0 \(value.count)\r\n".utf8) + value + [13, 10]
    }
  }

  /// Reads `key`.
  public func get(_ key: String) -> [UInt8] {
    switch self {
    case .redis: return Self.command([Array("GET".utf8), Array(key.utf8)])
    case .memcached: return Array("get \(key)\r\n".utf8)
    }
  }

  /// One request reading `key` `times` times: MGET, or a memcached get line.
  public func repeatedGet(_ key: String, times: Int) -> [UInt8] {
    switch self {
    case .redis: return Self.command([Array("MGET".utf8)] + Array(repeating: Array(key.utf8), count: times))
    case .memcached:
      return Array("get".utf8) + Array(String(repeating: " \(key)", count: times).utf8) + [13, 10]
    }
  }

  /// A request every server answers at once, and the start of its answer.
  public var probe: (request: [UInt8], answer: [UInt8]) {
    switch self {
    case .redis: return (Array("PING\r\n".utf8), Array("+PONG".utf8))
    case .memcached: return (Array("version\r\n".utf8), Array("VERSION ".utf8))
    }
  }

  /// A RESP command: an array of bulk strings.
  public static func command(_ arguments: [[UInt8]]) -> [UInt8] {
    var bytes = Array("*\(arguments.count)\r\n".utf8)
    for argument in arguments {
      bytes += Array("$\(argument.count)\r\n".utf8) + argument + [13, 10]
    }
    return bytes
  }
}
