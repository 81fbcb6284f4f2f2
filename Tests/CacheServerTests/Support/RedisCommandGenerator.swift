import TestSupport

/// A seeded generator of Redis commands over the supported set: valid and invalid options, wrong
/// arities, bad integers, a small keyspace so commands meet each other's keys, and TTLs long enough
/// that nothing expires during a run (so both servers must agree exactly). Past deadlines appear only
/// where Redis deletes the key at once (EXPIREAT, GETEX EXAT): SET with a past PXAT leaves an expired
/// key that DBSIZE counts until each server's active cycle reclaims it, at a moment neither controls.
struct RedisCommandGenerator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func next() -> [String] {
    let key = "k\(random.below(8))"
    let other = "k\(random.below(8))"
    switch random.below(52) {
    case 0: return ["GET", key]
    case 1: return ["SET", key, value()] + setOptions()
    case 2: return ["SET", key, value()]
    case 3: return ["SETNX", key, value()]
    case 4: return ["SETEX", key, ttl(), value()]
    case 5: return ["PSETEX", key, ttl(milliseconds: true), value()]
    case 6:
      return ["GETEX", key]
        + pick([[], ["PERSIST"], ["EX", ttl()], ["PX", ttl(milliseconds: true)], ["EX"], ["BOGUS"]])
    case 7: return ["GETDEL", key]
    case 8: return ["MGET", key, other, "missing"]
    case 9: return ["MSET", key, value(), other] + pick([[value()], []])
    case 10: return ["MSETNX", key, value(), other, value()]
    case 11: return ["APPEND", key, value()]
    case 12: return ["STRLEN", key]
    case 13: return ["INCR", key]
    case 14: return ["DECR", key]
    case 15: return ["INCRBY", key, integer()]
    case 16: return ["DECRBY", key, integer()]
    case 17: return ["DEL", key, other]
    case 18: return ["UNLINK", key]
    case 19: return ["EXISTS", key, key, other]
    case 20: return ["TYPE", key]
    case 21:
      let milliseconds = random.below(2) == 0
      return [milliseconds ? "PEXPIRE" : "EXPIRE", key, ttl(milliseconds: milliseconds)] + expireOptions()
    case 22:
      return [pick(["EXPIREAT", "PEXPIREAT"]), key, pick(["1", "0", "-5", "99999999999", "abc"])]
        + expireOptions()
    case 23: return ["TTL", key]
    case 24: return ["PERSIST", key]
    case 25: return ["DBSIZE"]
    case 26: return ["SELECT", pick(["0", "1", "15", "16", "-1", "x"])]
    case 27: return ["ECHO", value()]
    case 28: return pick([["PING"], ["PING", "hi"], ["PING", "a", "b"]])
    case 29: return [pick(["GET", "SET", "INCR", "TTL", "ECHO", "STRLEN", "EXISTS", "MGET"])]
    case 30: return [pick(["NOSUCH", "GETT", "setx"]), key, value()]
    case 31: return ["KEYS", pick(["*", "k[0-3]", "k?", "z*", "k\\1"])]
    case 32: return pick([["FLUSHDB"], ["FLUSHDB", "ASYNC"], ["FLUSHDB", "BAD"]])
    case 33: return ["MULTI"]
    case 34: return ["EXEC"]
    case 35: return ["DISCARD"]
    case 36: return ["SET", key, pick(["10", "-3", "9223372036854775807", "1.5", "007"])]
    case 37: return ["INCRBY", key, pick(["9223372036854775807", "-9223372036854775808", "1"])]
    case 38: return ["GETEX", key, "EXAT", pick(["1", "99999999999"])]
    case 39:
      return [
        "INCRBYFLOAT", key,
        pick(["1.5", "0.1", "0.7", "-2", "1e3", "abc", "inf", " 1", "3.0e-2", "10.5e-3", "-0"]),
      ]
    case 40: return ["SET", key, pick(["2.5", "1e2", "0.3", "-7", "x1"])]
    case 41: return ["PTTL", key]
    case 42:
      return ["SCAN", "0"] + pick([[], ["MATCH", "k[0-3]"], ["MATCH", "z*"]]) + ["COUNT", "1000"]
    case 43:
      return pick([
        ["SCAN", "x"], ["SCAN", "0", "COUNT", "0"], ["SCAN", "0", "BOGUS"], ["SCAN", "0", "COUNT"],
      ])
    case 44:
      return pick([
        ["HELLO", "2"], ["HELLO", "3"], ["HELLO"], ["HELLO", "4"], ["HELLO", "x"],
        ["HELLO", "2", "SETNAME", "n1"],
        ["HELLO", "3", "AUTH", "default", "pw"], ["HELLO", "2", "BOGUS"],
      ])
    case 45:
      return pick([["AUTH", "pw"], ["AUTH", "default", "pw"], ["AUTH", "a", "b", "c"]])
    case 46:
      return pick([
        ["CLIENT", "GETNAME"], ["CLIENT", "SETNAME", "worker-1"], ["CLIENT", "SETNAME", "bad name"],
        ["CLIENT", "SETNAME", ""], ["CLIENT", "SETNAME"], ["CLIENT", "BOGUS"], ["CLIENT", "ID", "extra"],
      ])
    case 47:
      return ["CONFIG", "GET", pick(["maxmemory", "maxmemory-policy", "save", "appendonly", "nosuchparam"])]
    case 48:
      return pick([
        ["CONFIG", "SET", "maxmemory-policy", "bogus"], ["CONFIG", "SET", "appendonly", "maybe"],
        ["CONFIG", "SET", "appendonly", "no"],
        ["CONFIG", "SET", "save", "100 x"], ["CONFIG", "SET", "maxmemory", "12zb"],
        ["CONFIG", "RESETSTAT", "x"],
        ["CONFIG", "SET", "nosuchparam", "1"], ["CONFIG", "GET"], ["CONFIG", "BOGUS"],
        ["CONFIG", "SET", "save", ""],
      ])
    case 49: return ["CLIENT", "ID"]
    case 50: return pick([["FLUSHALL"], ["FLUSHALL", "SYNC"], ["FLUSHALL", "NOPE"]])
    default: return ["SET", key, value(), pick(["NX", "XX"]), "GET"]
    }
  }

  private mutating func value() -> String { pick(["v", "hello world", "", "42", "-1", "x\r\ny", "é"]) }

  private mutating func integer() -> String {
    pick(["1", "-1", "100", "abc", "1.5", " 1", "+1", "9223372036854775808"])
  }

  private mutating func ttl(milliseconds: Bool = false) -> String {
    let base =
      milliseconds
      ? ["100000000", "0", "-1", "x", "9223372036854775807"]
      : ["100000", "0", "-1", "x", "9223372036854775807"]
    return pick(base + [milliseconds ? "5000000" : "5000"])
  }

  private mutating func setOptions() -> [String] {
    pick([
      ["NX"], ["XX"], ["GET"], ["EX", "1000"], ["PX", "1000000"], ["KEEPTTL"], ["NX", "XX"], ["EX", "0"],
      ["EX", "abc"], ["EX"], ["EX", "1000", "PX", "10"], ["KEEPTTL", "EX", "100"], ["EXAT", "99999999999"],
      ["PXAT", "99999999999999"], ["NX", "GET"], ["XX", "KEEPTTL"], ["BOGUS"],
    ])
  }

  private mutating func expireOptions() -> [String] {
    pick([[], [], ["NX"], ["XX"], ["GT"], ["LT"], ["NX", "XX"], ["GT", "LT"], ["XX", "GT"], ["FOO"]])
  }

  private mutating func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
}
