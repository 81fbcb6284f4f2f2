import TestSupport

/// A seeded generator of memcached text-protocol requests over the supported set: storage with good
/// and bad lines, data blocks with CR LF inside or of the wrong length, retrieval of several keys,
/// counters near their limits, every exptime rule, noreply, meta commands with random flags, and lines
/// that are not commands. `{cas:KEY}` and `{cas:KEY+1}` stand for the cas unique each server last
/// reported for KEY (a match and a mismatch), so cas commands compare by their effect.
struct MemcachedCommandGenerator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func next() -> String {
    let key = "k\(random.below(6))"
    let other = "k\(random.below(6))"
    switch random.below(40) {
    case 0, 1: return storage(pick(["set", "add", "replace"]), key)
    case 2: return storage(pick(["append", "prepend"]), key)
    case 3:
      return storage("set", key, value: pick(["0", "10", "18446744073709551615", "007", " 5", "12ab", "-3"]))
    case 4: return "get \(key)\r\n"
    case 5: return "get \(key) \(other) missing \(key)\r\n"
    case 6: return "gets \(key) \(other)\r\n"
    case 7: return "\(pick(["gat", "gats"])) \(exptime()) \(key) \(other)\r\n"
    case 8:
      return
        "cas \(key) \(flags()) \(exptime()) 2 \(pick(["{cas:\(key)}", "{cas:\(key)+1}", "0", "x"]))\(noreply())\r\nzz\r\n"
    case 9:
      return
        "\(pick(["incr", "decr"])) \(key) \(pick(["1", "5", "0", "18446744073709551615", "-1", "x", "2 extra"]))\(noreply())\r\n"
    case 10:
      return "delete \(key)\(pick(["", " 0", " noreply", " 0 noreply", " 1", " 0 x", " noreply 0"]))\r\n"
    case 11: return "touch \(key) \(exptime())\(noreply())\r\n"
    case 12:
      return pick([
        "flush_all\r\n", "flush_all 0\r\n", "flush_all noreply\r\n", "flush_all x\r\n", "flush_all -1\r\n",
      ])
    case 13:
      return pick([
        "version\r\n", "verbosity 1\r\n", "verbosity x\r\n", "verbosity 1 noreply\r\n", "verbosity\r\n",
      ])
    case 14:
      return pick([
        "nosuch \(key)\r\n", "x\r\n", "\r\n", "GET \(key)\r\n", "get\r\n", "set \(key) 0 0\r\n",
        "incr \(key)\r\n",
        "touch \(key)\r\n", "delete\r\n", "mz \(key)\r\n", "gat 10\r\n", "gat x \(key)\r\n",
        "bget \(key)\r\n",
      ])
    case 15: return "set \(String(repeating: "x", count: pick([250, 251]))) 0 0 1\r\na\r\n"
    case 16: return "get \(key) \(String(repeating: "y", count: 251)) \(other)\r\n"
    case 17:
      return
        "set \(key) \(pick(["x", "-1", "4294967296", "1.5"])) \(pick(["0", "x"])) \(pick(["1", "-1", "x"]))\r\na\r\n"
    case 18: return "set \(key) 0 0 2\r\nabcd\r\n"
    case 19: return storage("set", key, value: "a\r\nb\r\n")
    case 20, 21:
      return
        "mg \(key)\(metaFlags(["v", "f", "t", "s", "k", "q", "Oabc", "T100", "N30", "R30", "h", "l", "u", "c"]))\r\n"
    case 22:
      let value = pick(["hi", "", "12", "a b"])
      return
        "ms \(key) \(value.utf8.count)\(metaFlags(["T100", "F5", "q", "k", "Oop", "I", "MS", "ME", "MA", "MP", "MR", "Mx", "C{cas:\(key)}", "C{cas:\(key)+1}", "c"]))\r\n\(value)\r\n"
    case 23:
      return "md \(key)\(metaFlags(["q", "k", "Oz", "C{cas:\(key)}", "C{cas:\(key)+1}", "I", "T30"]))\r\n"
    case 24:
      return
        "ma \(key)\(metaFlags(["v", "t", "N0", "J5", "D3", "MI", "MD", "M-", "Mx", "q", "k", "T50", "C{cas:\(key)+1}"]))\r\n"
    case 25: return "mg \(key) v f t s\r\n"
    case 26:
      return pick([
        "mg\r\n", "mg \(key) zz\r\n", "mg \(key) v v\r\n", "mg \(key) T\r\n", "mg \(key) Tx\r\n",
        "ms \(key)\r\n", "ms \(key) x\r\n", "ms \(key) 2 Mxx\r\nhi\r\n", "md \(key) !\r\n",
        "ma \(key) Dx\r\n",
        "ma \(key) Jx\r\n", "mg \(String(repeating: "m", count: 251)) v\r\n",
        "mg \(key) O\(String(repeating: "o", count: 40))\r\n",
        "mg \(Array(repeating: "v", count: 1).joined()) \(key)\r\n", "ms \(key) 2 b\r\nhi\r\n",
        "mg a2V5 b v k\r\n",
        "mg \(key)" + String(repeating: " s", count: 20) + "\r\n",
      ])
    case 27: return "ms a2V5 2 b T0\r\nok\r\n"
    case 28: return "gets \(key)\r\n"
    case 29: return "mg \(key) c v\r\n"
    default: return storage("set", key)
    }
  }

  private mutating func storage(_ command: String, _ key: String, value: String? = nil) -> String {
    let value = value ?? pick(["v", "hello", "", "x y", "42", "é"])
    let length = value.utf8.count
    return "\(command) \(key) \(flags()) \(exptime()) \(length)\(noreply())\r\n\(value)\r\n"
  }

  private mutating func flags() -> String { pick(["0", "0", "1", "65535", "4294967295"]) }

  /// Never expires, relative, negative (expired at once), the 30-day boundary, an absolute past and
  /// an absolute future.
  private mutating func exptime() -> String {
    pick(["0", "0", "1000", "-1", "2592000", "2592001", "1000000000", "4000000000", "x"])
  }

  private mutating func noreply() -> String { random.below(5) == 0 ? " noreply" : "" }

  private mutating func metaFlags(_ choices: [String]) -> String {
    var chosen: [String] = []
    for choice in choices where random.below(3) == 0 && !chosen.contains(where: { $0.first == choice.first })
    {
      chosen.append(choice)
    }
    return chosen.map { " " + $0 }.joined()
  }

  private mutating func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
}
