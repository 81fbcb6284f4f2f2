import Glibc

/// The first occurrence of a byte in memory, found with memchr, which compares many bytes per step.
enum ByteSearch {
  /// The offset from `base` of the first `byte` in `base[start..<end]`, or nil.
  static func first(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
    guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }
}
