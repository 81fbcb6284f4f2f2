import Arguments

/// One option of a benchmark's command: its spec, and how its value, when given, sets a field of the
/// benchmark.
struct BenchmarkOption<Kind>: Sendable {
  var spec: OptionSpec
  var read: @Sendable (BenchmarkOptions, inout Kind) throws(ArgumentError) -> Void

  /// `--name N`: a positive whole number.
  static func count<Value: BinaryInteger & Sendable>(
    _ name: String, _ field: WritableKeyPath<Kind, Value> & Sendable, help: String
  ) -> Self {
    Self(spec: OptionSpec(name, value: "N", help: help)) { given, benchmark throws(ArgumentError) in
      if let count = try given.count(name) { benchmark[keyPath: field] = Value(count) }
    }
  }

  /// `--name S`: a positive number of seconds.
  static func seconds(_ name: String, _ field: WritableKeyPath<Kind, Double> & Sendable, help: String) -> Self
  {
    Self(spec: OptionSpec(name, value: "S", help: help)) { given, benchmark throws(ArgumentError) in
      if let seconds = try given.seconds(name) { benchmark[keyPath: field] = seconds }
    }
  }

  /// `--name VALUE`: text, taken as written.
  static func text(
    _ name: String, value: String, _ field: WritableKeyPath<Kind, String> & Sendable, help: String
  ) -> Self {
    Self(spec: OptionSpec(name, value: value, help: help)) { given, benchmark in
      if let text = given.parsed.value(name) { benchmark[keyPath: field] = text }
    }
  }

  /// The flag `--name`, which turns the field off.
  static func turningOff(
    _ name: String, _ field: WritableKeyPath<Kind, Bool> & Sendable, help: String
  ) -> Self {
    Self(spec: OptionSpec(name, help: help)) { given, benchmark in
      if given.parsed.flag(name) { benchmark[keyPath: field] = false }
    }
  }
}
