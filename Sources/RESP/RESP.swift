/// RESP, the Redis serialization protocol (versions 2 and 3), shared by the Redis-protocol server and
/// the RedisCache client. The limits are Redis 7.0's.
public enum RESP {
  /// The longest bulk string a request may declare (Redis's proto-max-bulk-len, 512 MB).
  public static let maxBulkLength = 512 * 1024 * 1024
  /// The longest inline command, or `*N` / `$N` header line, before its CRLF (PROTO_INLINE_MAX_SIZE).
  public static let maxInlineLength = 64 * 1024
  /// The most elements a request array may declare (INT_MAX in Redis 7).
  public static let maxMultibulkCount = Int(Int32.max)
}
