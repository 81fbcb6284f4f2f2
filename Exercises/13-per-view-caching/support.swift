import CacheKit
import ExerciseKit

/// The site's four views, as they are before any caching: each builds its page from the database on
/// every request. The task gives them to the learner; the grader compiles them with the learner's file.
struct SiteViews: Sendable {
  /// `GET /articles/<post id>/`: a post and its author's name, the same page for every visitor.
  var article: View
  /// `GET /dashboard/`: the signed-in member's name, email and posts, found from the `sessionid`
  /// cookie. Without a known session it redirects to the login page.
  var dashboard: View
  /// `GET /contact/<member id>/`: a form to write to a member. It puts a CSRF token in the form and
  /// sets the `csrftoken` cookie to it, reusing the visitor's cookie when the request has one.
  var contactForm: View
  /// `GET /api/top-posts/`: the most liked posts as JSON, with a heading in the visitor's language
  /// (`language(of:)`), and `Content-Language` saying which.
  var api: View
}

/// The sessions of the signed-in members: `sessionid` cookie value to member id.
let sessions: [String: Int] = ["ada-s3ss10n": 1, "grace-s3ss10n": 2, "linus-s3ss10n": 3]

/// The language the site answers `request` in, from its Accept-Language header: `"de"` when the
/// first language it names that the site has is German, otherwise `"en"`. (What Django's
/// LocaleMiddleware activates, for a site with LANGUAGES = en, de.)
func language(of request: Request) -> String {
  for entry in (request.headers["Accept-Language"] ?? "").split(separator: ",") {
    let tag = entry.split(separator: ";").first ?? ""
    let primary = tag.split(separator: "-").first.map { $0.trimmingSpacesForSite.lowercased() } ?? ""
    if primary == "de" || primary == "en" { return primary }
  }
  return "en"
}

/// The four views, reading `database`.
func uncachedViews(database: SlowDatabase) -> SiteViews {
  SiteViews(
    article: { request in
      guard let id = Int(request.pathSegment(1) ?? ""),
        let post = database.topPosts(limit: Int.max).first(where: { $0.id == id })
      else { return Response(status: 404, text: "<h1>No such article</h1>") }
      let author = try database.user(id: post.authorID)
      return Response(
        text: "<article><h1>\(post.text)</h1><p>by \(author.name), \(post.likes) likes</p></article>")
    },
    dashboard: { request in
      guard let session = request.cookies["sessionid"], let userID = sessions[session] else {
        return Response(status: 302, headers: ["Location": "/login/?next=/dashboard/"], text: "")
      }
      let user = try database.user(id: userID)
      let posts = database.posts(byUser: userID).map { "<li>\($0.text)</li>" }.joined()
      return Response(
        text: "<h1>\(user.name)'s dashboard</h1><p>\(user.email)</p><ul>\(posts)</ul>")
    },
    contactForm: { request in
      guard let id = Int(request.pathSegment(1) ?? "") else {
        return Response(status: 404, text: "<h1>No such member</h1>")
      }
      let member = try database.user(id: id)
      let token = request.cookies["csrftoken"] ?? newCSRFToken()
      var response = Response(
        text: "<h1>Write to \(member.name)</h1><form method=\"post\">"
          + "<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"\(token)\">"
          + "<textarea name=\"message\"></textarea></form>")
      response.setCookie("csrftoken", ResponseCookie(token, maxAge: 31_449_600, sameSite: "Lax"))
      return response
    },
    api: { request in
      let chosen = language(of: request)
      let heading = chosen == "de" ? "Beliebteste Beiträge" : "Most liked posts"
      let posts = database.topPosts().map { "{\"id\": \($0.id), \"likes\": \($0.likes)}" }
      return Response(
        headers: ["Content-Type": "application/json", "Content-Language": chosen],
        text: "{\"heading\": \"\(heading)\", \"posts\": [\(posts.joined(separator: ", "))]}")
    })
}

/// A fresh CSRF token: 32 letters and digits.
private func newCSRFToken() -> String {
  let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
  return String((0..<32).map { _ in alphabet.randomElement()! })
}

extension Request {
  /// The path's segment at `index` (from 0): `/articles/104/` has "articles" and "104".
  fileprivate func pathSegment(_ index: Int) -> String? {
    let segments = path.split(separator: "/")
    return index < segments.count ? String(segments[index]) : nil
  }
}

extension StringProtocol {
  fileprivate var trimmingSpacesForSite: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
