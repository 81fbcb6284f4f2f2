import MemcacheText

/// How memcached stores an item (memcached.c do_store_item) and applies a delta (do_add_delta), shared
/// by the classic text commands and the meta commands.
extension MemcachedSession {
  enum StoreOutcome: Equatable {
    case stored(cas: UInt64)
    case exists
    case notFound
    case notStored
    case outOfMemory
  }

  /// Stores `value` by `command`'s rule. `requestCas` 0 means the client asked for no cas check.
  /// `allowStale` (ms with I and a cas) accepts an older cas: the value is stored but marked stale,
  /// keeping the item's TTL and its win token, as a late writer after an invalidation.
  mutating func storeItem(
    _ command: StorageCommand, key: StoreKey, value: [UInt8], flags: UInt32, deadline: Int64,
    requestCas: UInt64, allowStale: Bool = false, _ store: inout Store
  ) -> StoreOutcome {
    let fresh = StoreEntry(value: value, expiresAt: deadline, flags: flags)
    guard let old = store.peek(key, in: 0) else {
      switch command {
      case .set, .add: return save(key, fresh, &store)
      case .cas:
        counters.casMisses += 1
        return .notFound
      case .replace, .append, .prepend: return .notStored
      }
    }
    let casMatches = requestCas == old.cas
    switch command {
    case .add:
      _ = store.modify(key, in: 0, touch: true) { _ in }
      return .notStored
    case .cas:
      if allowStale && requestCas != 0 && requestCas < old.cas {
        counters.casHits += 1
        var late = fresh
        late.expiresAt = old.expiresAt
        late.meta.insert(StoreEntry.MetaState.stale)
        if old.meta.contains(StoreEntry.MetaState.tokenSent) {
          late.meta.insert(StoreEntry.MetaState.tokenSent)
        }
        return save(key, late, &store)
      }
      guard requestCas != 0 && casMatches else {
        counters.casBadValue += 1
        return .exists
      }
      counters.casHits += 1
      return save(key, fresh, &store)
    case .append, .prepend:
      if requestCas != 0 && !casMatches { return .exists }
      var joined = old
      joined.value = command == .append ? old.value + value : value + old.value
      joined.meta = StoreEntry.MetaState()
      return save(key, joined, &store)
    case .set, .replace:
      return save(key, fresh, &store)
    }
  }

  /// Stores `entry` with a new cas unique and the current time as its last access, evicting the least
  /// recently used items to stay within the memory limit.
  mutating func save(_ key: StoreKey, _ entry: StoreEntry, _ store: inout Store) -> StoreOutcome {
    var entry = entry
    entry.cas = shared.nextCas()
    entry.meta.lastAccess = secondsSinceStart(store)
    store.write(key, entry, in: 0)
    guard store.enforceMemoryLimit() else {
      store.delete(key, in: 0)
      counters.storeNoMemory += 1
      return .outOfMemory
    }
    counters.totalItems += 1
    return .stored(cas: entry.cas)
  }

  func secondsSinceStart(_ store: Store) -> UInt32 {
    UInt32(truncatingIfNeeded: max(0, (store.clock.now() - shared.startedAt) / 1_000))
  }

  enum DeltaOutcome {
    case applied(value: UInt64, entry: StoreEntry)
    case notFound
    case nonNumeric
    case casMismatch
  }

  /// incr or decr: 64-bit wrap upwards, a floor of 0 downwards; a shorter result is padded with spaces
  /// in place, as memcached rewrites the item it has.
  mutating func addDelta(
    key: StoreKey, increment: Bool, delta: UInt64, requestCas: UInt64, _ store: inout Store
  ) -> DeltaOutcome {
    let nextCas = shared.nextCas()
    let outcome = store.modify(key, in: 0) { entry -> DeltaOutcome in
      guard !entry.value.isEmpty else { return .nonNumeric }
      if requestCas != 0 && entry.cas != requestCas { return .casMismatch }
      guard let current = MemcacheNumber.uint64(entry.value) else { return .nonNumeric }
      let result = increment ? current &+ delta : (delta > current ? 0 : current - delta)
      let digits = Array(String(result).utf8)
      entry.value =
        digits.count <= entry.value.count
        ? digits + Array(repeating: UInt8(ascii: " "), count: entry.value.count - digits.count) : digits
      entry.cas = nextCas
      return .applied(value: result, entry: entry)
    }
    guard let outcome else { return .notFound }
    if case .applied = outcome {
      if increment { counters.incrHits += 1 } else { counters.decrHits += 1 }
    }
    return outcome
  }
}
