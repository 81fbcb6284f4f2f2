/// Whether an item fits memcached's item size limit (`-I`, 1 MB by default). memcached counts its
/// 48-byte item header, the key and a NUL, the value with its CR LF, the 8-byte cas and, when flags are
/// not zero, 4 bytes of flags (items.c `item_make_header`).
enum MemcachedItemSize {
  static let header = 48

  static func fits(keyLength: Int, valueLength: Int, flags: UInt32, limit: Int) -> Bool {
    let total = header + keyLength + 1 + valueLength + 2 + 8 + (flags == 0 ? 0 : 4)
    return total <= limit
  }
}
