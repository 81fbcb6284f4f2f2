import CacheKit
import ExerciseKit

/// The cache key of one member's search: the member's id in the clear, the text as an MD5 digest,
/// so any text gives a short key of safe characters, the same in every process.
func searchKey(userID: Int, query: String) -> String {
  "search:\(userID):" + MD5.hex(Array(query.utf8))
}

/// A member's posts that contain the text, cached for 120 s.
func searchPosts(
  userID: Int, query: String, cache: any Cache, database: SlowDatabase
) throws -> [Post] {
  try cache.getOrSet(searchKey(userID: userID, query: query), timeout: 120) {
    database.searchPosts(byUser: userID, matching: query)
  }
}
