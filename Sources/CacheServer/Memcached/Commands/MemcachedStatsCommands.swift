import Glibc
import MemcacheText

/// `stats`, `stats settings` and `stats reset`, with memcached 1.6's names in its order.
enum MemcachedStatsCommands {
  static func stats(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    guard tokens.count > 1 else { return general(&session, &store) }
    switch String(decoding: tokens[1], as: UTF8.self) {
    case "reset" where tokens.count == 2:
      session.shared.resetCounters(now: store.clock.now())
      session.counters = MemcachedCounters()
      store.statistics = StoreStatistics()
      session.reply.line("RESET")
    case "settings" where tokens.count == 2: settings(&session)
    case "items", "slabs", "sizes", "conns": session.reply.line("END")
    default: session.reply.line("ERROR")
    }
  }

  private static func general(_ session: inout MemcachedSession, _ store: inout Store) {
    let state = session.shared.snapshot()
    // This connection's counts since its last merge, as memcached's thread-local stats count at once:
    // a get pipelined before `stats` in one read shows in it.
    var counters = state.counters
    counters.add(session.counters)
    let now = store.clock.now()
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let lines: [(String, String)] = [
      ("pid", String(getpid())), ("uptime", String((now - session.shared.startedAt) / 1_000)),
      ("time", String(now / 1_000)), ("version", MemcachedFrontEnd.reportedVersion),
      ("libevent", "none"), ("pointer_size", "64"),
      ("rusage_user", seconds(usage.ru_utime)), ("rusage_system", seconds(usage.ru_stime)),
      ("max_connections", "1024"), ("curr_connections", String(state.currentConnections)),
      ("total_connections", String(state.totalConnections)), ("rejected_connections", "0"),
      ("connection_structures", String(state.currentConnections)),
      ("cmd_get", String(counters.getCommands)), ("cmd_set", String(counters.setCommands)),
      ("cmd_flush", String(counters.flushCommands)), ("cmd_touch", String(counters.touchCommands)),
      ("get_hits", String(counters.getHits)), ("get_misses", String(counters.getMisses)),
      ("get_expired", String(counters.getExpired)), ("get_flushed", "0"),
      ("delete_misses", String(counters.deleteMisses)), ("delete_hits", String(counters.deleteHits)),
      ("incr_misses", String(counters.incrMisses)), ("incr_hits", String(counters.incrHits)),
      ("decr_misses", String(counters.decrMisses)), ("decr_hits", String(counters.decrHits)),
      ("cas_misses", String(counters.casMisses)), ("cas_hits", String(counters.casHits)),
      ("cas_badval", String(counters.casBadValue)), ("touch_hits", String(counters.touchHits)),
      ("touch_misses", String(counters.touchMisses)), ("store_too_large", String(counters.storeTooLarge)),
      ("store_no_memory", String(counters.storeNoMemory)), ("auth_cmds", "0"), ("auth_errors", "0"),
      ("bytes_read", String(counters.bytesRead)), ("bytes_written", String(counters.bytesWritten)),
      ("limit_maxbytes", String(session.shared.configuration.memoryLimit)), ("accepting_conns", "1"),
      ("threads", String(session.shared.configuration.threads)), ("conn_yields", "0"),
      ("bytes", String(MemcachedItemSize.total(of: store.databases[0]))),
      ("curr_items", String(store.databases[0].count)),
      ("total_items", String(counters.totalItems)), ("expired_unfetched", "0"), ("evicted_unfetched", "0"),
      ("evictions", String(store.statistics.evicted)), ("reclaimed", String(store.expiredTotal)),
    ]
    for (name, value) in lines { session.reply.line("STAT \(name) \(value)") }
    session.reply.line("END")
  }

  private static func settings(_ session: inout MemcachedSession) {
    let configuration = session.shared.configuration
    let lines: [(String, String)] = [
      ("maxbytes", String(configuration.memoryLimit)), ("maxconns", "1024"), ("tcpport", "0"),
      ("verbosity", String(session.shared.snapshot().verbosity)), ("evictions", "on"),
      ("num_threads", String(configuration.threads)),
      ("cas_enabled", "yes"), ("item_size_max", String(configuration.itemSizeLimit)),
      ("flush_enabled", "yes"), ("lru_crawler", "no"),
    ]
    for (name, value) in lines { session.reply.line("STAT \(name) \(value)") }
    session.reply.line("END")
  }

  private static func seconds(_ time: timeval) -> String {
    let micros = String(time.tv_usec)
    return "\(time.tv_sec)." + String(repeating: "0", count: max(0, 6 - micros.count)) + micros
  }
}
