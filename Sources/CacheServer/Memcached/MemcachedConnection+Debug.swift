import MemcacheText

/// `me <key> [b]`, memcached's meta debug command: what the server knows about one item.
extension MemcachedSession {
  mutating func metaDebug(_ tokens: MemcacheTokens, _ store: inout Store) {
    guard tokens.count >= 2, tokens[1].count <= Self.keyLimit else {
      return reply.line("CLIENT_ERROR bad command line format")
    }
    var key = tokens[1]
    if tokens.count >= 3 && tokens[2] == [UInt8(ascii: "b")] {
      guard let decoded = Base64.decode(key) else {
        return reply.line("CLIENT_ERROR bad command line format")
      }
      key = decoded
    }
    guard let entry = store.peek(StoreKey(key), in: 0) else { return reply.line("EN") }
    let now = store.clock.now()
    // memcached prints `current time - exptime`: negative for an item that has time left.
    let exp = entry.hasExpiry ? String(-MemcachedExpiry.secondsLeft(entry.expiresAt, now: now)) : "-1"
    let size = MemcachedItemSize.total(
      keyLength: key.count, valueLength: entry.value.count, flags: entry.flags)
    let shown = entry.meta.contains(StoreEntry.MetaState.binaryKey) ? Base64.encode(key) : key
    reply.append(bytes: Array("ME ".utf8) + shown)
    reply.line(
      " exp=\(exp) la=\(secondsSinceStart(store) &- entry.meta.lastAccess) cas=\(entry.cas)"
        + " fetch=\(entry.meta.contains(StoreEntry.MetaState.fetched) ? "yes" : "no")"
        + " cls=\(MemcachedItemSize.slabClass(forTotal: size)) size=\(size)")
  }
}
