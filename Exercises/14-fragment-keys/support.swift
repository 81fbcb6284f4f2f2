import CacheKit
import ExerciseKit

/// The languages the site is translated into: Django's LANGUAGES.
let siteLanguages = ["en", "de"]

/// The member page's template, split into the parts the Django template renders, each a pure function
/// of what it is given. The task gives them to the learner; the grader compiles them with the learner's
/// file.
enum MemberPage {
  /// The greeting at the top: the viewer's name, or an invitation to sign in.
  static func greeting(_ viewer: User?, language: String) -> String {
    let hello = language == "de" ? "Hallo" : "Hello"
    guard let viewer else {
      return "<header>\(hello)! <a href=\"/login/\">\(language == "de" ? "Anmelden" : "Sign in")</a></header>"
    }
    return "<header>\(hello), \(viewer.name)</header>"
  }

  /// The member's profile card: name and followers.
  static func profileCard(_ member: User, language: String) -> String {
    let followers = language == "de" ? "Abonnenten" : "followers"
    return "<section class=\"card\"><h1>\(member.name)</h1><p>\(member.followers) \(followers)</p></section>"
  }

  /// The member's posts, newest first.
  static func posts(_ posts: [Post], language: String) -> String {
    let heading = language == "de" ? "Beiträge" : "Posts"
    let items = posts.map { "<li>\($0.text) (\($0.likes))</li>" }.joined()
    return "<section class=\"posts\"><h2>\(heading)</h2><ul>\(items)</ul></section>"
  }

  /// The sidebar of trending hashtags, the same on every member's page.
  static func trending(_ hashtags: [String], language: String) -> String {
    let heading = language == "de" ? "Im Trend" : "Trending"
    let items = hashtags.map { "<li>#\($0)</li>" }.joined()
    return "<aside><h2>\(heading)</h2><ul>\(items)</ul></aside>"
  }

  /// The whole page from its parts, in order.
  static func page(greeting: String, profileCard: String, posts: String, trending: String) -> String {
    "<html><body>\(greeting)<main>\(profileCard)\(posts)</main>\(trending)</body></html>"
  }
}
