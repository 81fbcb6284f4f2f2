/// Every command the Redis front end knows, found by the bytes of its name in any letter case: a
/// bucket per name length and first letter, so a lookup neither hashes nor builds a string.
struct RedisCommandTable {
  private var buckets = [[RedisCommand]](repeating: [], count: 16 * 32)
  /// Every command, in commands.txt's order, which COMMAND, COMMAND INFO, DOCS and LIST follow.
  let all: [RedisCommand]

  /// The commands of commands.txt, ADVANCECLOCK only with `testClock`. The file is compiled in, so a
  /// malformed line stops the server at its first table, naming the line (and fails RedisCommandFileTests).
  init(testClock: Bool) {
    do {
      all = try Self.commands(
        RedisCommandLine.parse(PackageResources.commands_txt), bindings: RedisCommandBinding.all,
        testClock: testClock)
    } catch {
      preconditionFailure("\(error)")
    }
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

  /// Each command of `lines` with its subcommands (the lines after it that name it as their container),
  /// served as `bindings` says; a line with no binding, or a binding with no line, is thrown.
  static func commands(
    _ lines: [RedisCommandLine], bindings: [String: RedisCommandBinding], testClock: Bool
  ) throws(RedisCommandFileError) -> [RedisCommand] {
    var commands: [RedisCommand] = []
    var listed: Set<String> = []
    var index = lines.startIndex
    while index < lines.endIndex {
      let line = lines[index]
      index += 1
      guard line.subcommand == nil else {
        throw RedisCommandFileError(
          line: line.number, "a subcommand does not follow its container \(line.name)")
      }
      guard let binding = bindings[line.name] else {
        throw RedisCommandFileError(
          line: line.number, "\(line.name) has no binding in RedisCommandBinding.all")
      }
      guard listed.insert(line.name).inserted else {
        throw RedisCommandFileError(line: line.number, "\(line.name) is listed twice")
      }
      var subcommands: [RedisCommand] = []
      while index < lines.endIndex, lines[index].subcommand != nil, lines[index].name == line.name {
        let sub = lines[index]
        guard let name = sub.subcommand, !subcommands.contains(where: { $0.name == name }) else {
          throw RedisCommandFileError(
            line: sub.number, "\(line.name) \(sub.subcommand ?? "") is listed twice")
        }
        subcommands.append(RedisCommand(subcommand: name, arity: sub.arity, info: sub.info))
        index += 1
      }
      switch binding {
      case .control(let control):
        guard subcommands.isEmpty else {
          throw RedisCommandFileError(
            line: line.number, "\(line.name) is run by RedisConnection: no subcommands")
        }
        commands.append(RedisCommand(line.name, arity: line.arity, control: control, info: line.info))
      case .testClock where !testClock:
        continue
      case .run(let handler), .testClock(let handler):
        commands.append(
          RedisCommand(line.name, arity: line.arity, run: handler, info: line.info, subcommands: subcommands))
      }
    }
    let unlisted = bindings.keys.filter { !listed.contains($0) }.sorted()
    guard unlisted.isEmpty else {
      throw RedisCommandFileError(
        line: nil, "no line for \(unlisted.joined(separator: ", ")), bound in RedisCommandBinding.all")
    }
    return commands
  }
}
