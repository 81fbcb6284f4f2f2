/// Every command the Redis front end knows, found by the bytes of its name in any letter case: a
/// bucket per name length and first letter, so a lookup neither hashes nor builds a string.
struct RedisCommandTable {
  private var buckets = [[RedisCommand]](repeating: [], count: 16 * 32)
  /// Every command, in the order of `commands(testClock:)`.
  let all: [RedisCommand]

  init(testClock: Bool) {
    all = Self.commands(testClock: testClock)
    for command in all {
      buckets[Self.bucket(Array(command.name.utf8))].append(command)
    }
  }

  /// A command or a `container|subcommand`, as COMMAND INFO and COMMAND DOCS name them.
  func lookup(fullName: [UInt8]) -> RedisCommand? {
    guard let bar = fullName.firstIndex(of: UInt8(ascii: "|")) else { return self[fullName] }
    return self[Array(fullName[..<bar])]?.subcommand(Array(fullName[(bar + 1)...]))
  }

  /// The command `name` names, ignoring ASCII case.
  subscript(name: [UInt8]) -> RedisCommand? {
    guard !name.isEmpty else { return nil }
    search: for command in buckets[Self.bucket(name)] where command.nameBytes.count == name.count {
      for index in name.indices where ASCII.lowercase(name[index]) != command.nameBytes[index] {
        continue search
      }
      return command
    }
    return nil
  }

  private static func bucket(_ name: [UInt8]) -> Int {
    guard let first = name.first else { return 0 }
    return (name.count & 15) << 5 | Int(ASCII.lowercase(first) & 31)
  }

  /// The table's entries live in one file per family (RedisCommandTable+Strings.swift and the others);
  /// this is their order, which COMMAND, COMMAND INFO, DOCS and LIST follow.
  private static func commands(testClock: Bool) -> [RedisCommand] {
    connectionCommands + stringCommands + keyCommands + serverCommands + (testClock ? [advanceClock] : [])
  }
}
