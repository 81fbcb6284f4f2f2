/// The `--help` text of a command, generated from its spec so that help and parser never disagree.
struct UsageText {
  let command: CommandSpec
  let fullName: String

  var text: String {
    var sections: [String] = []
    var synopsis = "Usage: \(fullName)"
    if !command.subcommands.isEmpty { synopsis += " <command>" }
    for argument in command.arguments {
      synopsis += argument.isOptional ? " [\(argument.name)]" : " \(argument.name)"
    }
    synopsis += " [options]"
    sections.append(synopsis)
    sections.append(command.summary)
    if !command.subcommands.isEmpty {
      sections.append("Commands:\n" + table(command.subcommands.map { ($0.name, $0.summary) }))
    }
    if !command.arguments.isEmpty {
      sections.append("Arguments:\n" + table(command.arguments.map { ($0.name, $0.help) }))
    }
    let options = (command.options + [.help]).map { option -> (String, String) in
      var label = option.short.map { "-\($0), " } ?? "    "
      label += "--" + option.long
      if let value = option.valueName { label += " " + value }
      return (label, option.help)
    }
    sections.append("Options:\n" + table(options))
    if let discussion = command.discussion { sections.append(discussion) }
    return sections.joined(separator: "\n\n")
  }

  private func table(_ rows: [(String, String)]) -> String {
    let width = min(24, rows.map(\.0.count).max() ?? 0)
    return rows.map { label, help in
      let padded = label.count < width ? label + String(repeating: " ", count: width - label.count) : label
      return label.count > width
        ? "  \(label)\n  \(String(repeating: " ", count: width))  \(help)" : "  \(padded)  \(help)"
    }.joined(separator: "\n")
  }
}
