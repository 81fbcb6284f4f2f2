import Testing

@testable import CacheServer

/// commands.txt, the Redis commands' facts a line, is read whole and matches the handler bindings; a
/// malformed line, or a command and a binding that do not match, is refused by its line's number.
@Suite("Redis commands.txt")
struct RedisCommandFileTests {
  @Test("every line of commands.txt parses, has a binding, and every binding has a line")
  func fileMatchesBindings() throws {
    let lines = try RedisCommandLine.parse(PackageResources.commands_txt)
    let commands = try RedisCommandTable.commands(lines, bindings: RedisCommandBinding.all, testClock: true)
    #expect(commands.count == RedisCommandBinding.all.count)
    #expect(commands.count + commands.map(\.subcommands.count).reduce(0, +) == lines.count)
    #expect(commands.map(\.name).prefix(2) == ["ping", "echo"])
    #expect(commands.last?.name == "advanceclock")
    let served = try RedisCommandTable.commands(lines, bindings: RedisCommandBinding.all, testClock: false)
    #expect(served.map(\.name) == commands.dropLast().map(\.name))
  }

  @Test(
    "a malformed line is refused by its number",
    arguments: [
      ("get | 2 | readonly fast | one | @read", "commands.txt:3: expected 11 fields separated by |, found 5"),
      (
        "get | two | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:3: the arity \"two\" is not a whole number other than 0"
      ),
      (
        "get | 0 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:3: the arity \"0\" is not a whole number other than 0"
      ),
      (
        "get | 2 | readonly fast | first | @read | | RO | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:3: the keys \"first\" are not none, one, all or pairs"
      ),
      (
        "GET | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:3: the name \"GET\" is not a lower-case command, or a command and a subcommand"
      ),
      (
        "get | 2 | readonly fast | one | @read | | | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:3: key spec flags go with keys, and only with keys"
      ),
      (
        "get | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | ",
        "commands.txt:3: the summary is empty"
      ),
    ])
  func malformedLine(line: String, expected: String) {
    let text = "# name | arity | ...\n\n" + line + "\n"
    do {
      _ = try RedisCommandLine.parse(Array(text.utf8))
      Issue.record("accepted: \(line)")
    } catch {
      #expect(error.description == expected)
    }
  }

  @Test(
    "a command and its binding that do not match are refused, by the line where there is one",
    arguments: [
      (
        "get | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.\n"
          + "gett | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:2: gett has no binding in RedisCommandBinding.all"
      ),
      (
        "get | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.\n"
          + "get | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.",
        "commands.txt:2: get is listed twice"
      ),
      (
        "get | 2 | readonly fast | one | @read | | RO | 1.0.0 | string | O(1) | Reads.\n"
          + "client id | 2 | loading | none | @slow | | | 5.0.0 | connection | O(1) | Its id.",
        "commands.txt:2: a subcommand does not follow its container client"
      ),
      (
        "client | -2 | | none | @slow | | | 2.4.0 | connection | O(N) | Names.\n"
          + "client id | 2 | loading | none | @slow | | | 5.0.0 | connection | O(1) | Its id.\n"
          + "client id | 2 | loading | none | @slow | | | 5.0.0 | connection | O(1) | Its id.",
        "commands.txt:3: client id is listed twice"
      ),
      (
        "client | -2 | | none | @slow | | | 2.4.0 | connection | O(N) | Names.",
        "commands.txt: no line for get, multi, bound in RedisCommandBinding.all"
      ),
      (
        "multi | 1 | fast | none | @fast | | | 1.2.0 | transactions | O(1) | Queues.\n"
          + "multi now | 2 | fast | none | @fast | | | 1.2.0 | transactions | O(1) | Queues.",
        "commands.txt:1: multi is run by RedisConnection: no subcommands"
      ),
    ])
  func unmatchedBinding(text: String, expected: String) throws {
    let bindings: [String: RedisCommandBinding] = [
      "get": .run(RedisStringCommands.get), "client": .run(RedisConnectionCommands.client),
      "multi": .control(.multi),
    ]
    let lines = try RedisCommandLine.parse(Array(text.utf8))
    do {
      _ = try RedisCommandTable.commands(lines, bindings: bindings, testClock: false)
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.description == expected)
    }
  }
}
