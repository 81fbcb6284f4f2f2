import MemcacheText

/// The flags of a meta command (mg, ms, md, ma) after the key, checked as memcached 1.6 checks them:
/// a repeated or unknown flag stops at once; other bad flags are noted and the last message wins.
struct MetaFlags {
  var key: [UInt8]
  var binaryKey = false
  /// Deadlines in store milliseconds, from the N, T and R flags.
  var vivify: Int64?
  var ttl: Int64?
  var recache: Int64?
  var returnValue = false
  var noBump = false
  var quiet = false
  var clientFlags: UInt32 = 0
  var compareCas: UInt64?
  var mode: UInt8 = 0
  var initial: UInt64 = 0
  var delta: UInt64 = 1
  var invalidate = false

  static let maxTokens = 20
  static let maxOpaqueLength = 32

  /// Parses the flags in `tokens` from `start`; the error is the reply line when they are not valid.
  static func parse(
    _ tokens: MemcacheTokens, from start: Int, now: Int64, startedAt: Int64
  ) -> Result<MetaFlags, MetaError> {
    var flags = MetaFlags(key: tokens[1])
    var seen = Set<UInt8>()
    var error: String?
    var failed = false
    /// Notes a bad flag; `message`, when given, becomes the reply unless a later one replaces it.
    func fail(_ message: String?) {
      if let message { error = message }
      failed = true
    }
    func deadline(_ token: [UInt8]) -> Int64? {
      guard let seconds = MemcacheNumber.int32(Array(token.dropFirst())) else {
        fail("CLIENT_ERROR bad token in command line format")
        return nil
      }
      return MemcachedExpiry.deadline(seconds, now: now, startedAt: startedAt)
    }
    func number(_ argument: [UInt8], _ message: String) -> UInt64? {
      guard let value = MemcacheNumber.uint64(argument) else {
        fail(message)
        return nil
      }
      return value
    }
    for index in start..<tokens.count {
      let token = tokens[index]
      let flag = token[0]
      guard flag < 127, seen.insert(flag).inserted else {
        return .failure(MetaError("CLIENT_ERROR duplicate flag"))
      }
      let argument = Array(token.dropFirst())
      switch flag {
      case UInt8(ascii: "b"):
        if let decoded = Base64.decode(flags.key) {
          flags.key = decoded
        } else {
          fail("CLIENT_ERROR error decoding key")
        }
        flags.binaryKey = true
      case UInt8(ascii: "N"): flags.vivify = deadline(token)
      case UInt8(ascii: "T"): flags.ttl = deadline(token)
      case UInt8(ascii: "R"): flags.recache = deadline(token)
      case UInt8(ascii: "v"): flags.returnValue = true
      case UInt8(ascii: "u"): flags.noBump = true
      case UInt8(ascii: "q"): flags.quiet = true
      case UInt8(ascii: "I"): flags.invalidate = true
      case UInt8(ascii: "F"):
        if let value = MemcacheNumber.uint32(argument) { flags.clientFlags = value } else { fail(nil) }
      case UInt8(ascii: "C"):
        if let value = number(argument, "CLIENT_ERROR bad token in command line format") {
          flags.compareCas = value
        }
      case UInt8(ascii: "M"):
        if token.count == 2 {
          flags.mode = token[1]
        } else {
          fail("CLIENT_ERROR incorrect length for M token")
        }
      case UInt8(ascii: "J"):
        if let value = number(argument, "CLIENT_ERROR invalid numeric initial value") {
          flags.initial = value
        }
      case UInt8(ascii: "D"):
        if let value = number(argument, "CLIENT_ERROR invalid numeric delta value") { flags.delta = value }
      case UInt8(ascii: "l"), UInt8(ascii: "h"), UInt8(ascii: "O"), UInt8(ascii: "P"), UInt8(ascii: "L"),
        UInt8(ascii: "k"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "c"), UInt8(ascii: "f"):
        break
      default:
        return .failure(MetaError("CLIENT_ERROR invalid flag"))
      }
    }
    return failed ? .failure(MetaError(error ?? "CLIENT_ERROR bad command line format")) : .success(flags)
  }
}

/// A meta command's error line.
struct MetaError: Error {
  let line: String
  init(_ line: String) { self.line = line }
}
