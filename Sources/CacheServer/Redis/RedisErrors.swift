/// Redis 7.0's error replies, byte for byte (without the leading `-` and the CRLF).
enum RedisError {
  static let syntax = "ERR syntax error"
  static let notInteger = "ERR value is not an integer or out of range"
  static let notPositive = "ERR value is out of range, must be positive"
  static let notFloat = "ERR value is not a valid float"
  static let wrongType = "WRONGTYPE Operation against a key holding the wrong kind of value"
  static let overflow = "ERR increment or decrement would overflow"
  static let dbIndex = "ERR DB index is out of range"
  static let noAuth = "NOAUTH Authentication required."
  static let wrongPassword = "WRONGPASS invalid username-password pair or user is disabled."
  static let outOfMemory = "OOM command not allowed when used memory > 'maxmemory'."
  static let execAbort = "EXECABORT Transaction discarded because of previous errors."
  static let nestedMulti = "ERR MULTI calls can not be nested"
  static let execWithoutMulti = "ERR EXEC without MULTI"
  static let discardWithoutMulti = "ERR DISCARD without MULTI"

  static func arity(_ name: String) -> String { "ERR wrong number of arguments for '\(name)' command" }

  static func invalidExpire(_ command: String) -> String { "ERR invalid expire time in '\(command)' command" }

  /// `unknown command 'foo', with args beginning with: 'a' 'b' `, as Redis formats it with `%.128s`
  /// and `'%.*s' `: each argument cut at a NUL byte, the list stopping once it reaches 128 bytes.
  static func unknownCommand(_ arguments: [[UInt8]]) -> [UInt8] {
    var listed: [UInt8] = []
    for argument in arguments.dropFirst() {
      guard listed.count < 128 else { break }
      listed += [UInt8(ascii: "'")] + cString(argument).prefix(128 - listed.count) + Array("' ".utf8)
    }
    return Array("ERR unknown command '".utf8) + cString(arguments[0]).prefix(128)
      + Array("', with args beginning with: ".utf8) + listed
  }

  static func unknownSubcommand(_ subcommand: [UInt8], of command: String) -> [UInt8] {
    Array("ERR unknown subcommand '".utf8) + cString(subcommand).prefix(128)
      + Array("'. Try \(command) HELP.".utf8)
  }

  /// The bytes before the first NUL: what C's `%s` prints of an argument.
  private static func cString(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    bytes.prefix { $0 != 0 }
  }
}
