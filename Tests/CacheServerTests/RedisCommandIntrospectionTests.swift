import CacheServer
import RESP
import TestSupport
import Testing

/// COMMAND INFO describes our commands as Redis 7.0 does: the same arity, flags, key positions, ACL
/// categories, tips and key specs, checked against a real redis-server. Allowed differences: Redis's
/// free-text `notes` in some key specs, and the subcommands we do not implement.
@Suite("COMMAND vs real redis-server", .serialized)
struct RedisCommandIntrospectionTests {
  @Test("COMMAND INFO agrees with Redis 7.0 for every command we implement")
  func commandInfo() throws {
    var options = RedisServer.Options.forTests()
    options.testClock = false
    guard let servers = try RedisSideBySide.start(options) else { return }
    let (real, mine) = (servers.real, servers.mine)
    guard case .array(let names)? = try mine.call(["COMMAND", "LIST"]) else {
      Issue.record("COMMAND LIST did not answer with an array")
      return
    }
    #expect(names.count > 40)
    var compared = 0
    for case .bulkString(let bytes) in names {
      let name = String(decoding: bytes, as: UTF8.self)
      guard case .array(let theirs)? = try real.call(["COMMAND", "INFO", name]),
        case .array(let info)? = theirs.first
      else {
        #expect(name == "client|setinfo", "\(name) is not a Redis 7.0 command")
        continue
      }
      guard case .array(let ourReply)? = try mine.call(["COMMAND", "INFO", name]),
        case .array(let ourInfo)? = ourReply.first
      else {
        Issue.record("no COMMAND INFO for \(name)")
        continue
      }
      #expect(ourInfo.count == 10)
      #expect(Array(ourInfo.prefix(8)) == Array(info.prefix(8)), "\(name)")
      #expect(ourInfo[8].withoutNotes == info[8].withoutNotes, "\(name): key specs")
      compared += 1
    }
    #expect(compared >= 50)
    #expect(try mine.call(["COMMAND", "COUNT"]) == .integer(Int64(names.filter { !$0.isSubcommand }.count)))
    #expect(try mine.call(["COMMAND", "INFO", "nosuch"]) == .array([.null]))
    #expect(
      try mine.call(["COMMAND", "LIST", "FILTERBY", "BOGUS", "x"])
        == real.call(["COMMAND", "LIST", "FILTERBY", "BOGUS", "x"]))
    guard case .array(let docs)? = try mine.call(["COMMAND", "DOCS", "get"]), docs.count == 2,
      case .array(let fields) = docs[1]
    else {
      Issue.record("COMMAND DOCS get did not answer with a name and its fields")
      return
    }
    #expect(fields.count == 8)
    #expect(fields.contains(.bulkString(Array("1.0.0".utf8))))
  }
}

extension RESPValue {
  /// Key specs without Redis's `notes` entries (free text we do not reproduce).
  fileprivate var withoutNotes: RESPValue {
    guard case .array(let specs) = self else { return self }
    return .array(
      specs.map { spec in
        guard case .array(let fields) = spec, fields.first == .bulkString(Array("notes".utf8)) else {
          return spec
        }
        return .array(Array(fields.dropFirst(2)))
      })
  }

  fileprivate var isSubcommand: Bool {
    if case .bulkString(let bytes) = self { return bytes.contains(UInt8(ascii: "|")) }
    return false
  }
}
