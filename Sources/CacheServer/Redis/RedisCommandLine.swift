/// One line of commands.txt: a Redis command's (or subcommand's) name, arity and the facts COMMAND INFO
/// and COMMAND DOCS give. The facts are data, kept one command a line as Redis keeps them in its
/// src/commands/*.json, so a command is added by a line there and a binding in `RedisCommandBinding`;
/// the file is compiled into the module (`PackageResources.commands_txt`) and read once per table.
struct RedisCommandLine {
  /// The line's number in the file, from 1, which errors name.
  let number: Int
  /// The command's name; for a subcommand, its container's.
  let name: String
  /// A subcommand's own name (`id` on the line `client id`); nil on a command's line.
  let subcommand: String?
  let arity: Int
  let info: RedisCommandInfo

  /// name, arity, flags, keys, ACL categories, tips, key spec flags, since, group, complexity, summary.
  static let fieldCount = 11

  /// Every command line of `text`, in order, passing over blank lines and `#` comments; the first
  /// malformed line is thrown, by its number. It reads bytes, not strings, so that building a table
  /// stays quick in a debug build too.
  static func parse(_ text: [UInt8]) throws(RedisCommandFileError) -> [RedisCommandLine] {
    var lines: [RedisCommandLine] = []
    for (index, bytes) in text[...].pieces(UInt8(ascii: "\n")).enumerated() {
      let line = bytes.trimmingSpaces
      guard let first = line.first, first != UInt8(ascii: "#") else { continue }
      lines.append(try RedisCommandLine(line, number: index + 1))
    }
    return lines
  }

  private init(_ line: ArraySlice<UInt8>, number: Int) throws(RedisCommandFileError) {
    func fail(_ problem: String) -> RedisCommandFileError { RedisCommandFileError(line: number, problem) }
    let fields = line.pieces(UInt8(ascii: "|")).map(\.trimmingSpaces)
    guard fields.count == Self.fieldCount else {
      throw fail("expected \(Self.fieldCount) fields separated by |, found \(fields.count)")
    }
    let names = fields[0].words
    guard (1...2).contains(names.count), fields[0].allSatisfy(\.isInCommandName) else {
      throw fail("the name \"\(fields[0].text)\" is not a lower-case command, or a command and a subcommand")
    }
    guard let arity = Int(fields[1].text), arity != 0 else {
      throw fail("the arity \"\(fields[1].text)\" is not a whole number other than 0")
    }
    guard let keys = RedisCommandInfo.Keys(word: fields[3].text) else {
      throw fail("the keys \"\(fields[3].text)\" are not none, one, all or pairs")
    }
    let keySpecFlags = fields[6].words
    guard keySpecFlags.isEmpty == (keys.step == 0) else {
      throw fail("key spec flags go with keys, and only with keys")
    }
    for (field, column) in [(7, "since"), (8, "group"), (9, "complexity"), (10, "summary")]
    where fields[field].isEmpty {
      throw fail("the \(column) is empty")
    }
    self.number = number
    self.name = names[0]
    self.subcommand = names.count == 2 ? names[1] : nil
    self.arity = arity
    self.info = RedisCommandInfo(
      flags: fields[2].words, keys: keys, categories: fields[4].words, tips: fields[5].words,
      keySpecFlags: keySpecFlags, summary: fields[10].text, since: fields[7].text, group: fields[8].text,
      complexity: fields[9].text)
  }
}

/// A malformed line of commands.txt, or a command and its handler binding that do not match, named by
/// the file's line where there is one.
struct RedisCommandFileError: Error, CustomStringConvertible {
  let line: Int?
  let problem: String

  init(line: Int?, _ problem: String) {
    self.line = line
    self.problem = problem
  }

  var description: String { "commands.txt" + (line.map { ":\($0)" } ?? "") + ": " + problem }
}

extension ArraySlice<UInt8> {
  /// The pieces between `separator`s, empty ones included.
  fileprivate func pieces(_ separator: UInt8) -> [ArraySlice<UInt8>] {
    var pieces: [ArraySlice<UInt8>] = []
    var start = startIndex
    for index in indices where self[index] == separator {
      pieces.append(self[start..<index])
      start = index + 1
    }
    pieces.append(self[start...])
    return pieces
  }

  /// Without the spaces at either end.
  fileprivate var trimmingSpaces: ArraySlice<UInt8> {
    guard let first = firstIndex(where: { $0 != UInt8(ascii: " ") }),
      let last = lastIndex(where: { $0 != UInt8(ascii: " ") })
    else { return [] }
    return self[first...last]
  }

  /// The space-separated words, as Redis's documentation lists flags and categories.
  fileprivate var words: [String] { pieces(UInt8(ascii: " ")).filter { !$0.isEmpty }.map(\.text) }

  fileprivate var text: String { String(decoding: self, as: UTF8.self) }
}

extension UInt8 {
  /// Lower-case ASCII letters, digits, `_` and `-`, as Redis names commands, and the space between a
  /// command and its subcommand.
  fileprivate var isInCommandName: Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || self == UInt8(ascii: "_") || self == UInt8(ascii: "-") || self == UInt8(ascii: " ")
  }
}
