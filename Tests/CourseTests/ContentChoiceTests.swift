import Foundation
import Testing

@testable import Course

/// Which lesson or exercise a command works on: the one named by number, id or folder, else the one the
/// learner is at; a name that matches nothing says so and suggests the closest.
@Suite struct ContentChoiceTests {
  let content = CourseContent.load(root: EndToEndTests.courseRoot)

  @Test func aLessonIsNamedByNumberIdOrFolder() throws {
    let second = content.lessons[1]
    for name in ["2", "02", second.lesson.id, second.folder] {
      #expect(try content.chooseLesson(name, progress: CourseProgress()).get() == second, "\(name)")
    }
  }

  @Test func withoutANameTheCurrentLessonWinsUntilItIsCompleted() throws {
    var progress = CourseProgress()
    #expect(try content.chooseLesson(nil, progress: progress).get() == content.lessons[0])
    progress.currentLesson = content.lessons[2].lesson.id
    #expect(try content.chooseLesson(nil, progress: progress).get() == content.lessons[2])
    progress.lessons[content.lessons[2].lesson.id, default: .init()].completed = true
    progress.lessons[content.lessons[0].lesson.id, default: .init()].completed = true
    #expect(try content.chooseLesson(nil, progress: progress).get() == content.lessons[1])
    for entry in content.lessons { progress.lessons[entry.lesson.id, default: .init()].completed = true }
    #expect(try content.chooseLesson(nil, progress: progress).get() == content.lessons[0])
  }

  @Test func withoutANameTheFirstExerciseNotPassedYetIsChosen() throws {
    var progress = CourseProgress()
    progress.exercises[content.exercises[0].id, default: .init()].passedAt = Date()
    #expect(try content.chooseExercise(nil, progress: progress).get() == content.exercises[1])
    #expect(try content.chooseExercise("1", progress: progress).get() == content.exercises[0])
  }

  @Test func aMistypedNameSuggestsTheClosest() {
    let lesson = content.chooseLesson("why-cahing", progress: CourseProgress())
    #expect(
      lesson.failure?.description
        == "there is no lesson 'why-cahing' (did you mean 'why-caching'?); `cachelings list` shows them all")
    let exercise = content.chooseExercise("99", progress: CourseProgress())
    #expect(exercise.failure?.description == "there is no exercise '99'; `cachelings list` shows them all")
  }

  @Test func aCourseWithNothingToChooseSaysWhereItLooked() {
    let empty = CourseContent(root: "/nowhere", lessons: [], errors: [])
    #expect(
      empty.chooseLesson("1", progress: CourseProgress()).failure?.description
        == "the course has no lessons to show (looked in /nowhere/Lessons)")
    #expect(
      empty.chooseExercise(nil, progress: CourseProgress()).failure?.description
        == "the course has no exercises (looked in /nowhere/Exercises)")
  }
}

extension Result {
  /// The error of a failure; nil for a success.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
