import RESP
import TestSupport
import Testing

@Suite("RESP decoders under random and mutated input")
struct FuzzTests {
  private static let seeds: [String] = [
    "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n", "PING\r\n", "set a \"b c\"\r\n", "$5\r\nhello\r\n",
    "%1\r\n+k\r\n:1\r\n", "=6\r\ntxt:hi\r\n", "*2\r\n$-1\r\n_\r\n", ",1.5\r\n#t\r\n",
  ]

  @Test("100,000 mutated frames never crash either decoder")
  func mutatedFrames() {
    var random = SplitMix64(seed: 42)
    var outcomes = (yielded: 0, waited: 0, rejected: 0)
    for _ in 0..<100_000 {
      var frame = Array(Self.seeds[random.below(Self.seeds.count)].utf8)
      for _ in 0..<(1 + random.below(4)) {
        switch random.below(4) {
        case 0:
          if !frame.isEmpty { frame[random.below(frame.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case 1: frame.insert(UInt8(truncatingIfNeeded: random.next()), at: random.below(frame.count + 1))
        case 2: if !frame.isEmpty { frame.remove(at: random.below(frame.count)) }
        default: frame += Array("\r\n".utf8)
        }
      }
      var requests = RESPRequestDecoder()
      requests.append(frame)
      var replies = RESPReplyDecoder()
      replies.append(frame)
      do {
        if try requests.next() != nil { outcomes.yielded += 1 } else { outcomes.waited += 1 }
      } catch {
        outcomes.rejected += 1
      }
      do { _ = try replies.next() } catch {}
    }
    #expect(outcomes.yielded > 0 && outcomes.waited > 0 && outcomes.rejected > 0)
  }
}
