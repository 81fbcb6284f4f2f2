import Glibc

/// Starts a POSIX thread for a worker's event loop. The loop object moves to that thread, which owns
/// it from then on; the starting thread only stops and joins it.
enum WorkerThread {
  private final class Work: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  static func start(_ body: @escaping () -> Void) -> pthread_t? {
    let work = Unmanaged.passRetained(Work(body)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { context in
        let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
        work.body()
        return nil
      }, work)
    guard started == 0 else {
      Unmanaged<Work>.fromOpaque(work).release()
      return nil
    }
    return thread
  }
}
