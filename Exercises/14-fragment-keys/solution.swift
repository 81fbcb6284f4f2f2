import CacheKit
import ExerciseKit

/// A member's page, with its three expensive parts cached as the template's {% cache %} tags would
/// cache them, and the greeting rendered for each viewer.
func memberPage(
  memberID: Int, viewer: User?, language: String, fragments: FragmentCache, database: SlowDatabase
) throws -> String {
  let card = try fragments.fragment(
    "profile-card", varyOn: [String(memberID), language], timeout: 3_600
  ) {
    MemberPage.profileCard(try database.user(id: memberID), language: language)
  }
  let posts = try fragments.fragment(
    "member-posts", varyOn: [String(memberID), language], timeout: 600
  ) {
    MemberPage.posts(database.posts(byUser: memberID), language: language)
  }
  let trending = try fragments.fragment("trending", varyOn: [language], timeout: 300) {
    MemberPage.trending(database.trendingHashtags(), language: language)
  }
  return MemberPage.page(
    greeting: MemberPage.greeting(viewer, language: language), profileCard: card, posts: posts,
    trending: trending)
}

/// Renames a member, then deletes the one fragment that shows the name, in every language.
func renameMember(id: Int, to name: String, fragments: FragmentCache, database: SlowDatabase) throws {
  try database.renameUser(id: id, to: name)
  for language in siteLanguages {
    try fragments.invalidate("profile-card", varyOn: [String(id), language])
  }
}
