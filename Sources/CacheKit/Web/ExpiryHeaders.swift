extension Response {
  /// Django's `patch_response_headers`: Expires (unless set) `timeout` seconds after `now`, and
  /// `max-age=timeout` in Cache-Control (a smaller existing one stays). A negative timeout counts as 0.
  public mutating func patchResponseHeaders(timeout: Int, now: Double) {
    let seconds = Swift.max(timeout, 0)
    if !headers.contains("Expires") {
      headers["Expires"] = HTTPDate.format(now + Double(seconds))
    }
    patchCacheControl(["max_age": .int(seconds)])
  }

  /// Django's `add_never_cache_headers`: Expires now (unless set) and
  /// `max-age=0, no-cache, no-store, must-revalidate, private`.
  public mutating func addNeverCacheHeaders(now: Double) {
    patchResponseHeaders(timeout: -1, now: now)
    patchCacheControl(["no_cache": true, "no_store": true, "must_revalidate": true, "private": true])
  }
}
