/// What one turn of a process lab's worker counted, answered as a line of numbers and added up by the
/// lab. Each count is one field; `fields` names them in the order of that line, so reading, writing and
/// adding the counts are written once for every lab.
protocol LabCounts {
  init()
  /// The counts in the order the worker answers them.
  static var fields: [WritableKeyPath<Self, Int> & Sendable] { get }
}

extension LabCounts {
  /// The counts a worker answered; nil when the line has not one number for each field.
  init?(numbers: [Int]) {
    guard numbers.count == Self.fields.count else { return nil }
    self.init()
    for (field, number) in zip(Self.fields, numbers) { self[keyPath: field] = number }
  }

  /// The counts as the worker answers them.
  var numbers: [Int] { Self.fields.map { self[keyPath: $0] } }

  /// Adds other's counts into these, field by field.
  mutating func add(_ other: Self) {
    for field in Self.fields { self[keyPath: field] += other[keyPath: field] }
  }
}
