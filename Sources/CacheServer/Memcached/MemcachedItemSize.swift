/// How memcached sizes an item: its 48-byte header, the key and a NUL, the value with its CR LF, the
/// 8-byte cas and, when flags are not zero, 4 bytes of flags (items.c `item_make_header`). The total
/// decides whether an item fits the item size limit (`-I`, 1 MB by default) and its slab class.
enum MemcachedItemSize {
  static let header = 48
  /// What every item adds to its key and value: the header, the key's NUL, the value's CR LF, the cas.
  static let fixed = header + 1 + 2 + 8
  /// What non-zero client flags add.
  static let flagBytes = 4

  static func total(keyLength: Int, valueLength: Int, flags: UInt32) -> Int {
    fixed + keyLength + valueLength + (flags == 0 ? 0 : flagBytes)
  }

  /// What `stats` calls `bytes`: the sum of every item's total, from the keyspace's running counts.
  static func total(of keyspace: Keyspace) -> Int {
    keyspace.count * fixed + keyspace.keyAndValueBytes + keyspace.flaggedCount * flagBytes
  }

  static func fits(keyLength: Int, valueLength: Int, flags: UInt32, limit: Int) -> Bool {
    total(keyLength: keyLength, valueLength: valueLength, flags: flags) <= limit
  }

  /// memcached's default slab classes: 96-byte chunks growing by a factor of 1.25, aligned to 8 bytes,
  /// up to the 512 KB chunk limit of the default 1 MB item size.
  static let slabSizes: [Int] = {
    var sizes: [Int] = []
    var size = 96
    let largest = 512 * 1024
    while Double(size) <= Double(largest) / 1.25 {
      sizes.append(size)
      size = Int(Double(size) * 1.25)
      if size % 8 != 0 { size += 8 - size % 8 }
    }
    sizes.append(largest)
    return sizes
  }()

  /// The slab class (from 1) whose chunks hold an item of `total` bytes.
  static func slabClass(forTotal total: Int) -> Int {
    (slabSizes.firstIndex { $0 >= total } ?? slabSizes.count - 1) + 1
  }
}
