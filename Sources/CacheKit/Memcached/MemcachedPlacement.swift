/// How MemcachedCache decides which of its servers holds a key.
///
/// Two clients that share a pool of memcached servers must place keys alike, or each misses what the
/// other wrote. The default places them as Django's PyMemcacheCache does, so a Swift service and a
/// Django site can share one pool.
public enum MemcachedPlacement: Sendable, Equatable, CaseIterable {
  /// pymemcache's `HashClient` default, and so Django's PyMemcacheCache: rendezvous hashing, each
  /// server scoring a key with MurmurHash3 (32-bit, seed 0) of `host:port-key`, the highest winning.
  case pymemcache
  /// libketama's consistent-hash ring: 160 points per server from MD5 of `host:port-i`, and a key
  /// belongs to the first point at or after the MD5 of its UTF-8 bytes (libmemcached's `ketama`
  /// behaviour builds its points a little differently). Kept for comparing the two schemes; Django's
  /// PyMemcacheCache does not use it.
  case ketama
}

/// A placement prepared for one list of servers: the server index of each final key. MemcachedCache
/// routes every call through one; it is public so that a lesson or a tool can ask where a key lives.
public struct KeyPlacer: Sendable {
  private enum Scheme: Sendable {
    case rendezvous(RendezvousHash)
    case ring(HashRing)
  }

  private let scheme: Scheme

  /// `servers` are `host:port` names, in LOCATION order.
  public init(_ placement: MemcachedPlacement, servers: [String]) {
    switch placement {
    case .pymemcache: scheme = .rendezvous(RendezvousHash(servers: servers))
    case .ketama: scheme = .ring(HashRing(servers: servers))
    }
  }

  /// The index of the server that holds `key`.
  public func server(for key: CacheKey) -> Int {
    switch scheme {
    case .rendezvous(let hash): hash.server(for: key.rawValue)
    case .ring(let ring): ring.server(for: Array(key.rawValue.utf8))
    }
  }
}
