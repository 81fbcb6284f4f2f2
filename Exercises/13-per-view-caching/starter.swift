import CacheKit
import ExerciseKit

/// The site's views with their page cache decisions.
///
/// Right now every view is cached the same way, as if every page were the same for everyone: the
/// article is fine, but members see each other's dashboards, visitors share one CSRF token and
/// German visitors get English. Choose for each view what the task asks.
func cachedViews(cache: any Cache, database: SlowDatabase) -> SiteViews {
  let views = uncachedViews(database: database)
  let page = cachePage(600, cache: cache)
  return SiteViews(
    article: page(views.article),
    dashboard: page(views.dashboard),
    contactForm: page(views.contactForm),
    api: page(views.api))
}
