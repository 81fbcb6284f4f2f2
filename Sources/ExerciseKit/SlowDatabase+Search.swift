extension SlowDatabase {
  /// A member's own posts whose text contains `text`, ignoring case, newest (highest id) first.
  /// `text` is whatever the member typed: any length, any characters.
  public func searchPosts(byUser userID: Int, matching text: String) -> [Post] {
    read("search of user \(userID)'s posts (\(text.count) characters)") { state in
      let wanted = text.lowercased()
      return state.posts.filter { $0.authorID == userID && $0.text.lowercased().contains(wanted) }
        .sorted { $0.id > $1.id }
    }
  }
}
