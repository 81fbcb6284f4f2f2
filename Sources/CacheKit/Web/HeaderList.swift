/// Comma-separated header values (Cache-Control, Vary) split as Django splits them: on commas, with the
/// white space around each comma dropped (`\s*,\s*`), but not the white space at either end.
enum HeaderList {
  static func split(_ value: String) -> [String] {
    let pieces = value.split(separator: ",", omittingEmptySubsequences: false)
    return pieces.enumerated().map { index, piece in
      var piece = Substring(piece)
      if index > 0 { piece = piece.drop { $0.isWhitespace } }
      if index < pieces.count - 1 {
        while let last = piece.last, last.isWhitespace { piece = piece.dropLast() }
      }
      return String(piece)
    }
  }
}

extension String {
  func trimmingCharacters(while predicate: (Character) -> Bool) -> Substring {
    var result = Substring(self).drop(while: predicate)
    while let last = result.last, predicate(last) { result = result.dropLast() }
    return result
  }
}
