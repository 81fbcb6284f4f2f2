import CacheKit
import ExerciseKit

/// The dashboard the database gives for a member, read from a database of its own so the check's
/// query count stays clean.
private func expectedDashboard(_ userID: Int) throws -> Dashboard {
  let database = SlowDatabase()
  return Dashboard(user: try database.user(id: userID), posts: database.posts(byUser: userID))
}

/// A dashboard in a short form for messages: whose it is.
private func whose(_ dashboard: Dashboard?) -> String {
  guard let dashboard else { return "nothing" }
  return "\(dashboard.user.name)'s dashboard (user \(dashboard.user.id), \(dashboard.posts.count) posts)"
}

/// What a call for an id nobody has did.
private enum UnknownMemberOutcome {
  case threwNotFound
  case threw(any Error)
  case returned(Dashboard)
}

private func dashboardOfUnknownMember(_ userID: Int, _ context: CheckContext) -> UnknownMemberOutcome {
  do {
    return .returned(try dashboard(for: userID, cache: context.cache, database: context.database))
  } catch is SlowDatabase.NotFound {
    return .threwNotFound
  } catch {
    return .threw(error)
  }
}

/// Fails unless a call for an id nobody has threw SlowDatabase.NotFound.
private func expectNotFound(_ outcome: UnknownMemberOutcome, _ userID: Int, line: Int = #line) throws {
  switch outcome {
  case .threwNotFound:
    return
  case .returned(let shown):
    throw CheckFailure(
      expected: "SlowDatabase.NotFound for user \(userID), who does not exist", got: whose(shown),
      why: "Nobody has the id \(userID), yet a dashboard came back: this is a data leak. The page showed "
        + "a copy cached for someone else because the key did not say whose dashboard it was. "
        + "Build the key from the id, \"dashboard:\(userID)\", so an unknown id can only miss.",
      line: line)
  case .threw(let error):
    throw CheckFailure(
      expected: "SlowDatabase.NotFound for user \(userID)", got: "the error \(error)",
      why: "The caller needs the database's own answer, \"no such member\", to show a 404. Let "
        + "SlowDatabase.NotFound from database.user(id:) pass through instead of replacing it.",
      line: line)
  }
}

let exerciseChecks: [Check] = [
  Check("two members get their own dashboards, never each other's") { context in
    let ada = try dashboard(for: 1, cache: context.cache, database: context.database)
    let expectedAda = try expectedDashboard(1)
    try expect(
      ada == expectedAda, expected: whose(expectedAda), got: whose(ada),
      "The first dashboard comes straight from the database, so it must be member 1's own profile and posts.")
    let grace = try dashboard(for: 2, cache: context.cache, database: context.database)
    let expectedGrace = try expectedDashboard(2)
    try expect(
      grace.user.id == 2, expected: whose(expectedGrace), got: whose(grace),
      "This is a data leak: member 2 was shown member \(grace.user.id)'s name, email and posts, "
        + "because both dashboards were cached under a key that does not say whose page it is. "
        + "Put the member's id into the key, \"dashboard:<id>\", so every member has a copy of their own.")
    try expect(
      grace == expectedGrace, expected: whose(expectedGrace) + " with the database's profile and posts",
      got: whose(grace) + " with other contents",
      "A cached dashboard must hold exactly what the database returned for that member.")
    let adaAgain = try dashboard(for: 1, cache: context.cache, database: context.database)
    try expect(
      adaAgain == expectedAda, expected: whose(expectedAda), got: whose(adaAgain),
      "Member 1 came back after member 2's visit and must still see their own dashboard. Caching "
        + "member 2's page must not overwrite member 1's copy.")
  },

  Check("repeated visits by a member are served from the cache") { context in
    _ = try dashboard(for: 1, cache: context.cache, database: context.database)
    let afterFirstVisit = context.database.queryCount
    try expect(
      afterFirstVisit > 0, expected: "the database to be asked on the first visit", got: "no query",
      "The cache starts empty, so member 1's first visit must be a miss that loads the dashboard.")
    _ = try dashboard(for: 1, cache: context.cache, database: context.database)
    try expectQueries(
      context, afterFirstVisit,
      "Member 1's second visit came well within 300 s, so it should be a hit that runs no query. "
        + "Extra queries mean the dashboard was not found in the cache: read and write the same key.")
    _ = try dashboard(for: 2, cache: context.cache, database: context.database)
    let afterOtherMember = context.database.queryCount
    try expect(
      afterOtherMember > afterFirstVisit, expected: "member 2's first visit to query the database",
      got: "no query: member 2 was served a copy cached earlier",
      "Nothing had been cached for member 2 yet, so a hit here can only be someone else's dashboard: "
        + "a data leak. Each member needs a key of their own, \"dashboard:<id>\".")
    _ = try dashboard(for: 2, cache: context.cache, database: context.database)
    try expectQueries(
      context, afterOtherMember,
      "Member 2's second visit should be a hit on member 2's own key, with no query.")
  },

  Check("the dashboard is stored under \"dashboard:<id>\" for 300 seconds") { context in
    _ = try dashboard(for: 3, cache: context.cache, database: context.database)
    try expectStored(
      expectedDashboard(3), under: "dashboard:3", in: context.cache, kind: "a Dashboard", shown: whose,
      "The key names whose data it holds. Other code finds the copy by that key, for instance to delete "
        + "it when the member edits their profile, so store the Dashboard itself under \"dashboard:<id>\".")
    try context.advance(seconds: 299)
    context.database.resetCounters()
    _ = try dashboard(for: 3, cache: context.cache, database: context.database)
    try expectQueries(
      context, 0,
      "299 s after it was stored, the dashboard may still be reused (it keeps 300 s); a query means "
        + "it was kept for less, which sends visits to the database that the cache should have answered.")
    try context.advance(seconds: 2)
    _ = try dashboard(for: 3, cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount > 0, expected: "a query 301 s after the dashboard was stored",
      got: "no query",
      "After 300 s the copy should have expired and been rebuilt from the database. A longer timeout "
        + "(or .never) lets a member look at an out-of-date dashboard for longer than the page allows.")
  },

  Check("an unknown member gets an error, and nothing is cached for them") { context in
    _ = try dashboard(for: 1, cache: context.cache, database: context.database)
    let unknownID = 99
    try expectNotFound(dashboardOfUnknownMember(unknownID, context), unknownID)
    let cached = try context.cache.hasKey("dashboard:\(unknownID)")
    try expect(
      !cached, expected: "no value under \"dashboard:\(unknownID)\"", got: "a value stored there",
      "A stored marker for the missing member would keep answering \"no such member\" for up to 300 s, "
        + "even after they sign up. Here only a dashboard that was actually built goes into the cache.")
    context.database.resetCounters()
    try expectNotFound(dashboardOfUnknownMember(unknownID, context), unknownID)
    try expect(
      context.database.queryCount > 0, expected: "the database to be asked again", got: "no query",
      "The error must not be remembered: if member \(unknownID) signs up a minute later, the next visit "
        + "has to find them in the database.")
  },
]
