import CacheKit
import ExerciseKit

/// The cache key of one member's search.
///
/// The text goes into the key as the member typed it: memcached refuses a key with a space or
/// over 250 bytes, and the text can be anything. The key must be valid for any text, differ for
/// any two texts or members, and be the same in every process.
func searchKey(userID: Int, query: String) -> String {
  "search:\(userID):\(query)"
}

/// A member's posts that contain the text, cached for 120 s. Written for you.
func searchPosts(
  userID: Int, query: String, cache: any Cache, database: SlowDatabase
) throws -> [Post] {
  try cache.getOrSet(searchKey(userID: userID, query: query), timeout: 120) {
    database.searchPosts(byUser: userID, matching: query)
  }
}
