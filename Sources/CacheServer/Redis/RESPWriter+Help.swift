import RESP

extension RESPWriter {
  /// A HELP subcommand's reply: an array of status lines, as Redis's addReplyHelp writes it.
  mutating func help(_ lines: [String]) {
    arrayHeader(lines.count)
    for line in lines { simpleString(line) }
  }
}
