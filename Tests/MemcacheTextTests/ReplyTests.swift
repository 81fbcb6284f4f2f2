import MemcacheText
import Testing

@Suite("MemcacheReply: values by reference")
struct ReplyTests {
  @Test("a data block at the threshold is referenced, and a truncation drops the references after it")
  func referencedValues() {
    var reply = MemcacheReply(referenceThreshold: 4)
    reply.value(key: Array("k".utf8)[...], flags: 0, data: Array("abc".utf8), cas: nil)
    let kept = reply.bytes.count
    reply.value(key: Array("k".utf8)[...], flags: 0, data: Array("long".utf8), cas: nil)
    #expect(reply.references.count == 1 && reply.count == reply.bytes.count + 4)
    #expect(Array(reply.bytes[kept...]) == Array("VALUE k 0 4\r\n\r\n".utf8))
    reply.truncate(to: kept)
    #expect(reply.references.isEmpty && reply.count == kept)
  }
}
