import CacheKit
import ExerciseKit

/// The site's views with their page cache decisions.
func cachedViews(cache: any Cache, database: SlowDatabase) -> SiteViews {
  let views = uncachedViews(database: database)
  return SiteViews(
    // The same page for everyone: one shared copy for 10 minutes.
    article: cachePage(600, cache: cache)(views.article),
    // One copy per visitor: Vary: Cookie must be on the response before the page cache stores it,
    // so varyOnCookie goes inside cachePage.
    dashboard: cachePage(60, cache: cache)(varyOnCookie(views.dashboard)),
    // A fresh token and cookie for every visitor: never stored, by us or by anyone downstream.
    contactForm: neverCache(views.contactForm),
    // One copy per language: the key ends with the visitor's language, as LocaleMiddleware's active
    // language ends Django's, and Vary tells browsers and proxies the page depends on the header.
    api: { request in
      let page = cachePage(300, cache: cache, language: language(of: request))
      return try page(varyOnHeaders("Accept-Language")(views.api))(request)
    })
}
