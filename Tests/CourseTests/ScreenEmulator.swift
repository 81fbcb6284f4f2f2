@testable import Terminal

/// A terminal of fixed size that plays back what a program wrote, as a terminal emulator would: text,
/// line feeds, carriage returns, cursor moves and erases. It remembers every line the program made
/// wider than the screen (the terminal had to wrap it, cutting wherever the edge fell) and every row
/// it showed, so a test can read the screens as text.
struct ScreenEmulator {
  let columns: Int
  let rows: Int
  private(set) var grid: [[Character]]
  private var row = 0
  private var column = 0
  /// The cursor sits past the last column after a character there; the next character wraps.
  private var pendingWrap = false
  /// The rows the terminal wrapped because the program wrote past the edge, as they were then.
  private(set) var overflows: [String] = []
  /// Every row as it was when it scrolled off or was erased, then the last screen: the whole session.
  private(set) var history: [String] = []

  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
  }

  /// The screen now, one string a row, trailing spaces removed.
  var screen: [String] { grid.map(Self.text) }

  /// Everything shown over the session, rows in the order they were seen.
  var transcript: [String] { history + screen }

  mutating func play(_ bytes: [UInt8]) {
    let characters = Array(String(decoding: bytes, as: UTF8.self))
    var index = 0
    while index < characters.count {
      let character = characters[index]
      index += 1
      switch character {
      case "\u{1B}":
        index = escape(characters, from: index)
      case "\r":
        column = 0
        pendingWrap = false
      case "\n", "\r\n":
        if character == "\r\n" { column = 0 }
        lineFeed()
      case "\u{08}":
        column = max(0, column - 1)
        pendingWrap = false
      case "\t":
        column = min(columns - 1, (column / 8 + 1) * 8)
      case "\u{07}", "\u{00}":
        continue
      default:
        put(character)
      }
    }
  }

  private mutating func put(_ character: Character) {
    let width = CharacterWidth.of(character)
    guard width > 0 else { return }
    if pendingWrap || column + width > columns {
      overflows.append(Self.text(grid[row]))
      column = 0
      pendingWrap = false
      lineFeed()
    }
    grid[row][column] = character
    if width == 2 && column + 1 < columns { grid[row][column + 1] = " " }
    column += width
    if column >= columns {
      column = columns - 1
      pendingWrap = true
    }
  }

  private mutating func lineFeed() {
    pendingWrap = false
    if row == rows - 1 {
      history.append(Self.text(grid.removeFirst()))
      grid.append(Array(repeating: " ", count: columns))
    } else {
      row += 1
    }
  }

  /// Reads an escape sequence from index and acts on it; returns the index after it.
  private mutating func escape(_ characters: [Character], from start: Int) -> Int {
    guard start < characters.count else { return start }
    switch characters[start] {
    case "[":
      var index = start + 1
      var parameters = ""
      while index < characters.count, let ascii = characters[index].asciiValue, !(0x40...0x7E).contains(ascii)
      {
        parameters.append(characters[index])
        index += 1
      }
      guard index < characters.count else { return index }
      control(characters[index], parameters)
      return index + 1
    case "]":
      var index = start + 1
      while index < characters.count, characters[index] != "\u{07}" {
        if characters[index] == "\u{1B}" { return index + 2 }
        index += 1
      }
      return index + 1
    default:
      return start + 1
    }
  }

  private mutating func control(_ final: Character, _ parameters: String) {
    let isPrivate = parameters.hasPrefix("?")
    let numbers = parameters.drop { $0 == "?" }.split(separator: ";", omittingEmptySubsequences: false)
      .map { Int($0) }
    func number(_ position: Int, _ fallback: Int) -> Int {
      position < numbers.count ? (numbers[position] ?? fallback) : fallback
    }
    pendingWrap = false
    switch final {
    case "H", "f":
      row = min(rows - 1, max(0, number(0, 1) - 1))
      column = min(columns - 1, max(0, number(1, 1) - 1))
    case "A": row = max(0, row - number(0, 1))
    case "B": row = min(rows - 1, row + number(0, 1))
    case "C": column = min(columns - 1, column + number(0, 1))
    case "D": column = max(0, column - number(0, 1))
    case "G": column = min(columns - 1, max(0, number(0, 1) - 1))
    case "d": row = min(rows - 1, max(0, number(0, 1) - 1))
    case "E", "F":
      row = final == "E" ? min(rows - 1, row + number(0, 1)) : max(0, row - number(0, 1))
      column = 0
    case "J":
      switch number(0, 0) {
      case 0: erase(rows: (row + 1)..<rows, fromColumn: column)
      case 1: erase(rows: 0..<row, throughColumn: column)
      default: erase(rows: 0..<rows)
      }
    case "K":
      switch number(0, 0) {
      case 0: for index in column..<columns { grid[row][index] = " " }
      case 1: for index in 0...column { grid[row][index] = " " }
      default: grid[row] = Array(repeating: " ", count: columns)
      }
    case "h" where isPrivate && (number(0, 0) == 1049 || number(0, 0) == 47):
      erase(rows: 0..<rows)
    default:
      break
    }
  }

  /// Clears whole rows, keeping what they showed in the history; with a column, the cursor's row is
  /// cleared from there (or through there) as well.
  private mutating func erase(rows range: Range<Int>, fromColumn: Int? = nil, throughColumn: Int? = nil) {
    if let fromColumn {
      for index in fromColumn..<columns { grid[row][index] = " " }
    }
    if let throughColumn {
      for index in 0...throughColumn { grid[row][index] = " " }
    }
    for index in range where !Self.text(grid[index]).isEmpty {
      history.append(Self.text(grid[index]))
      grid[index] = Array(repeating: " ", count: columns)
    }
  }

  private static func text(_ row: [Character]) -> String {
    var text = String(row)
    while text.last == " " { text.removeLast() }
    return text
  }
}
