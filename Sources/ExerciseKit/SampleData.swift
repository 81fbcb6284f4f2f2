/// A member of the simulated social site.
public struct User: Codable, Sendable, Equatable, Hashable {
  public var id: Int
  public var name: String
  public var email: String
  public var followers: Int

  public init(id: Int, name: String, email: String, followers: Int) {
    self.id = id
    self.name = name
    self.email = email
    self.followers = followers
  }
}

/// A post on the simulated social site.
public struct Post: Codable, Sendable, Equatable, Hashable {
  public var id: Int
  public var authorID: Int
  public var text: String
  public var likes: Int
  public var hashtags: [String]

  public init(id: Int, authorID: Int, text: String, likes: Int, hashtags: [String]) {
    self.id = id
    self.authorID = authorID
    self.text = text
    self.likes = likes
    self.hashtags = hashtags
  }
}

/// The rows the simulated database starts with: a few members, two of them influencers, and their posts.
enum SampleData {
  static let users: [User] = [
    User(id: 1, name: "Ada", email: "ada@example.org", followers: 120),
    User(id: 2, name: "Grace", email: "grace@example.org", followers: 48_000),
    User(id: 3, name: "Linus", email: "linus@example.org", followers: 310),
    User(id: 4, name: "Margaret", email: "margaret@example.org", followers: 92_500),
    User(id: 5, name: "Alan", email: "alan@example.org", followers: 75),
    User(id: 6, name: "Barbara", email: "barbara@example.org", followers: 2_400),
  ]

  static let topics: [(String, [String])] = [
    ("Warming the cache before the sale starts", ["caching", "ops"]),
    ("Why our hit rate dropped after the deploy", ["caching", "postmortem"]),
    ("Per-user keys saved us from a data leak", ["caching", "security"]),
    ("Bumping versions instead of deleting keys", ["caching", "invalidation"]),
    ("Reading Redis INFO like a pro", ["redis", "monitoring"]),
    ("memcached slabs, explained simply", ["memcached"]),
    ("Stampedes: when every request misses at once", ["caching", "stampede"]),
    ("Timeouts of 0 and None are not the same", ["django", "caching"]),
  ]

  static let posts: [Post] = {
    var posts: [Post] = []
    for index in 0..<18 {
      let (text, hashtags) = topics[index % topics.count]
      let author = users[(index * 5 + 1) % users.count].id
      let likes = (index * 37 + 11) % 97 * (author == 2 || author == 4 ? 40 : 3)
      posts.append(Post(id: 100 + index, authorID: author, text: text, likes: likes, hashtags: hashtags))
    }
    return posts
  }()
}
