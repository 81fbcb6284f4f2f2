import Terminal

/// The `--help` text of a command, generated from its spec so that help and parser never disagree.
/// With a width (a terminal's), every line is wrapped between words to fit it, a table's help under its
/// own column; without one, lines are as written.
struct UsageText {
  let command: CommandSpec
  let fullName: String
  var width: Int? = nil

  var text: String {
    var sections: [String] = []
    var synopsis = "Usage: \(fullName)"
    if !command.subcommands.isEmpty { synopsis += " <command>" }
    for argument in command.arguments {
      synopsis += argument.isOptional ? " [\(argument.name)]" : " \(argument.name)"
    }
    synopsis += " [options]"
    sections.append(paragraph(synopsis, indent: "    "))
    sections.append(paragraph(command.summary))
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
    if let discussion = command.discussion { sections.append(paragraph(discussion)) }
    return sections.joined(separator: "\n\n")
  }

  /// Text wrapped to the width: the source's lines of a paragraph are joined and wrapped anew; a line
  /// with leading spaces stays a line of its own, wrapped under them. indent starts the lines after.
  private func paragraph(_ text: String, indent: String = "") -> String {
    guard let width else { return text }
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if let last = lines.last, !last.isEmpty, !last.hasPrefix(" "), !line.isEmpty, !line.hasPrefix(" ") {
        lines[lines.count - 1] += " " + line
      } else {
        lines.append(line)
      }
    }
    return lines.flatMap { line -> [String] in
      let leading = String(line.prefix { $0 == " " })
      let words = String(line.dropFirst(leading.count))
      guard !words.isEmpty else { return [String(line)] }
      return wrap(words, width: width, firstIndent: leading, indent: leading + indent)
    }.joined(separator: "\n")
  }

  private func table(_ rows: [(String, String)]) -> String {
    let labelWidth = min(24, rows.map(\.0.count).max() ?? 0)
    let column = String(repeating: " ", count: labelWidth + 4)
    // Under a narrow width the help goes on the lines under its label, where it has more room.
    let below = width.map { $0 - column.count < 24 } ?? false
    return rows.map { label, help in
      let padded =
        label.count < labelWidth ? label + String(repeating: " ", count: labelWidth - label.count) : label
      guard let width else {
        return label.count > labelWidth ? "  \(label)\n\(column)\(help)" : "  \(padded)  \(help)"
      }
      if below {
        return (["  " + label] + wrap(help, width: width, firstIndent: "      ", indent: "      ")).joined(
          separator: "\n")
      }
      if label.count > labelWidth {
        return (["  " + label] + wrap(help, width: width, firstIndent: column, indent: column)).joined(
          separator: "\n")
      }
      return wrap(help, width: width, firstIndent: "  \(padded)  ", indent: column).joined(separator: "\n")
    }.joined(separator: "\n")
  }
}
