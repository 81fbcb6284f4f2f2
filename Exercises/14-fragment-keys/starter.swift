import CacheKit
import ExerciseKit

/// A member's page.
///
/// Right now every part is rendered from the database on every request. Cache the profile card,
/// the posts and the trending sidebar as the template's {% cache %} tags do, with FragmentCache and
/// the names, vary-on values and timeouts of the task.
func memberPage(
  memberID: Int, viewer: User?, language: String, fragments: FragmentCache, database: SlowDatabase
) throws -> String {
  let card = MemberPage.profileCard(try database.user(id: memberID), language: language)
  let posts = MemberPage.posts(database.posts(byUser: memberID), language: language)
  let trending = MemberPage.trending(database.trendingHashtags(), language: language)
  return MemberPage.page(
    greeting: MemberPage.greeting(viewer, language: language), profileCard: card, posts: posts,
    trending: trending)
}

/// Renames a member. Once the profile card is cached, delete the member's cards here.
func renameMember(id: Int, to name: String, fragments: FragmentCache, database: SlowDatabase) throws {
  try database.renameUser(id: id, to: name)
}
