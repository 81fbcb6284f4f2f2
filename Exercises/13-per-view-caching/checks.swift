import CacheKit
import ExerciseKit

/// The text of a response's body.
private func text(_ response: Response) -> String {
  String(decoding: response.content, as: UTF8.self)
}

/// The session cookies of the signed-in members the checks play.
private let adaCookies: KeyValuePairs<String, String> = ["sessionid": "ada-s3ss10n"]
private let graceCookies: KeyValuePairs<String, String> = ["sessionid": "grace-s3ss10n"]

/// How many times a view ran, from the queries it leaves behind: each run of a view makes exactly one
/// query that starts with `marker`.
private func runs(_ context: CheckContext, _ marker: String) -> Int {
  context.database.queries.filter { $0.hasPrefix(marker) }.count
}

/// A number of view runs in words, for messages.
private func times(_ count: Int) -> String {
  count == 1 ? "1 run of the view" : "\(count) runs of the view"
}

/// Fails unless the view behind `marker` queries ran `count` times since the check began.
private func expectRuns(
  _ context: CheckContext, _ marker: String, _ count: Int, _ why: String, line: Int = #line
) throws {
  let actual = runs(context, marker)
  try expect(actual == count, expected: times(count), got: times(actual), why, line: line)
}

/// What a dashboard response is, in words: whose dashboard, a redirect, or something else.
private func whoseDashboard(_ response: Response) -> String {
  if response.status == 302 { return "a redirect to the login page" }
  let body = text(response)
  for name in ["Ada", "Grace", "Linus"] where body.contains("<h1>\(name)'s dashboard</h1>") {
    return "\(name)'s dashboard"
  }
  return "a page with status \(response.status): \(body.prefix(60))"
}

/// The CSRF token a contact form page carries in its hidden input, or nil.
private func formToken(_ response: Response) -> String? {
  let body = text(response)
  let marker = "name=\"csrfmiddlewaretoken\" value=\""
  guard let start = body.range(of: marker)?.upperBound else { return nil }
  return String(body[start...].prefix { $0 != "\"" })
}

/// The API response's heading, in words for messages.
private func apiLanguage(_ response: Response) -> String {
  let body = text(response)
  if body.contains("Beliebteste Beiträge") { return "the German response" }
  if body.contains("Most liked posts") { return "the English response" }
  return "a response with neither heading: \(body.prefix(60))"
}

private let articlePath = "/articles/104/"

let exerciseChecks: [Check] = [
  Check("the public article runs once for every visitor, signed in or not") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    let expected = text(try uncachedViews(database: SlowDatabase()).article(Request("GET", articlePath)))
    let visitors: [(String, Request)] = [
      ("Ada, signed in", Request("GET", articlePath, cookies: adaCookies)),
      ("Grace, signed in", Request("GET", articlePath, cookies: graceCookies)),
      ("a visitor with no cookies", Request("GET", articlePath)),
      ("a visitor with only a csrftoken cookie", Request("GET", articlePath, cookies: ["csrftoken": "abc"])),
    ]
    for (who, request) in visitors {
      let page = try site.article(request)
      try expect(
        page.status == 200 && text(page) == expected, expected: "the article", got: text(page),
        "Every visitor must be shown the article as the view renders it: \(who) was not.")
    }
    try expectRuns(
      context, "top posts", 1,
      "The article is the same page for everyone, so after the first visit every visitor should get "
        + "the one stored copy. More runs mean the page was not cached, or was cached per visitor: "
        + "varying a public page on Cookie gives every visitor a copy of their own and the hit rate "
        + "of a per-user cache. Wrap the article in cachePage(600, cache: cache) and nothing else.")
    let other = try site.article(Request("GET", "/articles/105/"))
    try expect(
      text(other) != expected, expected: "article 105", got: "article 104",
      "Another URL is another page: the page cache's key holds the full URL.")
  },

  Check("the article is kept for 10 minutes") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    _ = try site.article(Request("GET", articlePath))
    try context.advance(seconds: 599)
    _ = try site.article(Request("GET", articlePath))
    try expectRuns(
      context, "top posts", 1,
      "599 s after it was stored the article is within its 600 s, so this visit should be a hit. "
        + "A second run means the page was kept for less than the 10 minutes the task allows.")
    try context.advance(seconds: 2)
    _ = try site.article(Request("GET", articlePath))
    try expectRuns(
      context, "top posts", 2,
      "601 s after it was stored the copy should have expired and the view run again. A longer "
        + "timeout shows an edited article for longer, here and in every browser the page told "
        + "max-age to: cachePage's timeout also goes out in Cache-Control.")
  },

  Check("every member gets their own dashboard, never another's") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    let ada = try site.dashboard(Request("GET", "/dashboard/", cookies: adaCookies))
    try expect(
      whoseDashboard(ada), equals: "Ada's dashboard",
      "Ada's first request must show Ada's dashboard: the cache starts empty.")
    let grace = try site.dashboard(Request("GET", "/dashboard/", cookies: graceCookies))
    try expect(
      whoseDashboard(grace), equals: "Grace's dashboard",
      "Grace received \(whoseDashboard(grace)): the page was cached under a key that does not vary "
        + "on the session cookie, so the next member to ask for /dashboard/ got the stored copy. "
        + "The response must say Vary: Cookie before the page cache stores it: varyOnCookie goes "
        + "inside cachePage, around the view itself (outside, it is added after the page was stored).")
    let stranger = try site.dashboard(Request("GET", "/dashboard/"))
    try expect(
      whoseDashboard(stranger), equals: "a redirect to the login page",
      "A visitor who is not signed in received \(whoseDashboard(stranger)). A visitor with no "
        + "cookie has no Cookie header, which is a value of its own in the key only if the page "
        + "varies on Cookie.")
    let adaAgain = try site.dashboard(Request("GET", "/dashboard/", cookies: adaCookies))
    try expect(
      whoseDashboard(adaAgain), equals: "Ada's dashboard",
      "Ada came back after Grace and must still see her own dashboard.")
  },

  Check("a member's reload within a minute is served from the cache") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    _ = try site.dashboard(Request("GET", "/dashboard/", cookies: adaCookies))
    _ = try site.dashboard(Request("GET", "/dashboard/", cookies: adaCookies))
    try expectRuns(
      context, "posts by user", 1,
      "Ada reloads her dashboard all the time, and the task keeps a copy per visitor for 60 s, so "
        + "her second request should be a hit. Refusing to cache the page (neverCache, private) "
        + "is safe but sends every reload to the database; cachePage with varyOnCookie keeps one "
        + "copy per Cookie header.")
    _ = try site.dashboard(Request("GET", "/dashboard/", cookies: graceCookies))
    try expectRuns(
      context, "posts by user", 2,
      "Nothing was stored for Grace yet, so her first request must run the view. A hit here can "
        + "only be someone else's copy: Grace was served Ada's dashboard, because the key does "
        + "not vary on the session cookie. Put varyOnCookie inside cachePage.")
    _ = try site.dashboard(Request("GET", "/dashboard/", cookies: graceCookies))
    try expectRuns(
      context, "posts by user", 2,
      "Grace's second request within the minute should be a hit on her own copy.")
    try context.advance(seconds: 59)
    _ = try site.dashboard(Request("GET", "/dashboard/", cookies: adaCookies))
    try expectRuns(
      context, "posts by user", 2,
      "59 s after Ada's page was stored it is still within the minute, so this is a hit.")
    try context.advance(seconds: 2)
    _ = try site.dashboard(Request("GET", "/dashboard/", cookies: adaCookies))
    try expectRuns(
      context, "posts by user", 3,
      "61 s after Ada's copy was stored it should have expired: a dashboard may be a minute old, "
        + "not more. Use a timeout of 60 s.")
  },

  Check("every visitor gets a contact form with their own CSRF token") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    var tokens: [String] = []
    for who in ["Ada", "Grace"] {
      let form = try site.contactForm(Request("GET", "/contact/2/"))
      let inPage = formToken(form)
      let inCookie = form.cookie("csrftoken")?.value
      try expect(
        inPage != nil && inPage == inCookie,
        expected: "the form's token and the csrftoken cookie set with it to be the same",
        got: "\(describe(inPage)) in the form and \(describe(inCookie)) in the cookie",
        "\(who)'s form came without the cookie its token belongs to, so posting it would fail the "
          + "CSRF check. The view sets both on every run; a copy served from the cache does not.")
      tokens.append(inPage ?? "")
    }
    try expect(
      tokens[0] != tokens[1], expected: "Grace to get a token of her own",
      got: "Ada's token, \(describe(tokens[0])), and Ada's csrftoken cookie",
      "Grace received Ada's form: the page was stored with Ada's token in the HTML and her cookie "
        + "in Set-Cookie, and served to the next visitor. A page that sets a cookie for its visitor "
        + "must not be stored: wrap the form in neverCache.")
    try expectRuns(
      context, "user", 2,
      "Each visit must run the form view, so that it makes a token and sets the cookie.")
  },

  Check("the contact form is never stored, here or downstream") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    var controls: [String] = []
    for _ in 0..<3 {
      let form = try site.contactForm(Request("GET", "/contact/3/", cookies: ["csrftoken": "t0k3n"]))
      try expect(
        formToken(form), equals: "t0k3n",
        "A visitor who already has a csrftoken cookie must get a form with that token; the view "
          + "reuses the cookie, so a different token means the page came from the cache.")
      controls.append(form.headers["Cache-Control"] ?? "")
    }
    try expectRuns(
      context, "user", 3,
      "The form must be built for every request, even for the same visitor: a stored form would "
        + "carry one visitor's token to the next. Do not put it behind cachePage.")
    let control = controls[0]
    try expect(
      control.lowercased().contains("private"),
      expected: "Cache-Control with private (neverCache sends it)",
      got: control.isEmpty ? "no Cache-Control header" : "Cache-Control: \(control)",
      "Our page cache is not the only one: a proxy or CDN in front of the site would store the form, "
        + "token and Set-Cookie included, and hand it to the next visitor. private (part of what "
        + "neverCache sends) tells every shared cache to keep out.")
  },

  Check("English and German visitors each get the API in their language") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    let english = try site.api(
      Request("GET", "/api/top-posts/", headers: ["Accept-Language": "en-GB,en;q=0.9"]))
    try expect(
      apiLanguage(english), equals: "the English response",
      "The first request asks for English, and the cache starts empty.")
    let german = try site.api(
      Request("GET", "/api/top-posts/", headers: ["Accept-Language": "de-DE,de;q=0.9"]))
    try expect(
      apiLanguage(german), equals: "the German response",
      "A German visitor received \(apiLanguage(german)): the API was cached under a key that does "
        + "not hold the visitor's language. cachePage's key ends with a language, en-us unless you "
        + "say otherwise, and with a language in the key it leaves Accept-Language out of Vary's "
        + "part of the key, as Django does with USE_I18N on. Build the page cache per request with "
        + "language: language(of: request), as Django's LocaleMiddleware activates it.")
    try expect(
      german.headers["Content-Language"], equals: "de",
      "The German response must say Content-Language: de.")
    let englishAgain = try site.api(
      Request("GET", "/api/top-posts/", headers: ["Accept-Language": "en-GB,en;q=0.9"]))
    try expect(
      apiLanguage(englishAgain), equals: "the English response",
      "An English visitor came back after the German one and must still get English.")
  },

  Check("visitors who ask for the same language share one copy of the API") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    for header in ["de-DE,de;q=0.9", "de", "de-AT, en;q=0.5"] {
      let response = try site.api(Request("GET", "/api/top-posts/", headers: ["Accept-Language": header]))
      try expect(
        apiLanguage(response), equals: "the German response",
        "Accept-Language: \(header) asks for German first.")
    }
    try expectRuns(
      context, "top posts", 1,
      "Three German visitors whose browsers word Accept-Language differently ran the view more than "
        + "once. The response depends on the language only, so the key should hold the language, "
        + "not the header's raw text: varying on Accept-Language with no language in the key "
        + "stores one copy per way of writing the header. Pass language: language(of: request).")
    for header in ["en-US,en;q=0.5", "en", nil] {
      let headers: HTTPHeaders = header.map { ["Accept-Language": $0] } ?? [:]
      let response = try site.api(Request("GET", "/api/top-posts/", headers: headers))
      try expect(
        apiLanguage(response), equals: "the English response",
        "\(header.map { "Accept-Language: \($0)" } ?? "A visitor with no Accept-Language header") "
          + "asks for English, after three German visitors: a German response here is the copy "
          + "they stored, so the API's key does not hold the visitor's language. A page cache "
          + "made once for every request puts the same language in every key (en-us unless you "
          + "say otherwise), and with a language in the key it leaves Accept-Language out of "
          + "Vary's part of the key, so every visitor shares the first copy stored. Build the "
          + "page cache per request with language: language(of: request).")
    }
    try expectRuns(
      context, "top posts", 2,
      "English visitors, including one with no Accept-Language header at all, should share the one "
        + "English copy: the language, not the header's text, picks the page.")
    try context.advance(seconds: 299)
    _ = try site.api(Request("GET", "/api/top-posts/", headers: ["Accept-Language": "de"]))
    try expectRuns(context, "top posts", 2, "Within 300 s the German copy is still fresh: a hit.")
    try context.advance(seconds: 2)
    _ = try site.api(Request("GET", "/api/top-posts/", headers: ["Accept-Language": "de"]))
    try expectRuns(
      context, "top posts", 3,
      "301 s after it was stored the German copy should have expired: the API is cached for 300 s.")
  },

  Check("the API tells browsers and proxies that it varies on Accept-Language") { context in
    let site = cachedViews(cache: context.cache, database: context.database)
    let request = Request("GET", "/api/top-posts/", headers: ["Accept-Language": "de"])
    for visit in ["first (a miss)", "second (a hit)"] {
      let response = try site.api(request)
      try expect(
        response.hasVaryHeader("Accept-Language"), expected: "Vary naming Accept-Language",
        got: response.headers["Vary"].map { "Vary: \($0)" } ?? "no Vary header",
        "On the \(visit) request: a proxy or CDN in front of the site keys its copies only by "
          + "the URL and the headers Vary names. Without Accept-Language there, it serves the first "
          + "language it stored to everyone. Wrap the API view in "
          + "varyOnHeaders(\"Accept-Language\") so that every response names it, hit or miss: "
          + "inside cachePage the stored copy carries the header, outside it the header is added "
          + "to each response on its way out.")
    }
  },
]
