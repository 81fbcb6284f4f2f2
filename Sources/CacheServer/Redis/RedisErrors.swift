/// Redis 7.0's error replies, byte for byte (without the leading `-` and the CRLF).
enum RedisError {
  static let syntax = "ERR syntax error"
  static let notInteger = "ERR value is not an integer or out of range"
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

  /// `unknown command 'foo', with args beginning with: 'a' 'b' `, as Redis caps it near 128 characters.
  static func unknownCommand(_ arguments: [[UInt8]]) -> String {
    var listed = ""
    for argument in arguments.dropFirst() {
      guard listed.utf8.count < 128 else { break }
      let room = 128 - listed.utf8.count
      listed += "'" + String(decoding: argument.prefix(room), as: UTF8.self) + "' "
    }
    let name = String(decoding: arguments[0].prefix(128), as: UTF8.self)
    return "ERR unknown command '\(name)', with args beginning with: \(listed)"
  }

  static func unknownSubcommand(_ subcommand: [UInt8], of command: String) -> String {
    "ERR unknown subcommand '\(String(decoding: subcommand.prefix(128), as: UTF8.self))'. Try \(command) HELP."
  }
}
