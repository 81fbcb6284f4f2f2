import ExerciseKit

/// A member's dashboard: their profile and their posts, newest first. The task gives it to the learner;
/// the grader compiles it with the learner's file.
struct Dashboard: Codable, Equatable, Sendable {
  var user: User
  var posts: [Post]
}
