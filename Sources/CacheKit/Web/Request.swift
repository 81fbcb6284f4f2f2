/// An HTTP request as Django's cache sees it: a method, an absolute URI, header fields and the cookies
/// they carry.
///
/// The URI is split as Django's request holds it: `path` percent-decoded (Django's `request.path`) and
/// `query` as sent (its `QUERY_STRING`); `absoluteURI` rebuilds them as `build_absolute_uri()` does.
public struct Request: Sendable, Equatable {
  /// Upper-cased, as Django's `request.method`.
  public var method: String
  public var scheme: String
  /// Host and optional port, as the Host header gives them.
  public var host: String
  /// The path, percent-decoded.
  public var path: String
  /// The query string without `?`, as sent.
  public var query: String
  public var headers: HTTPHeaders

  /// A request for `uri` (`scheme://host/path?query`; a URI without scheme and host means
  /// `http://testserver`, Django's test host). A fragment is dropped, as browsers never send one.
  /// `cookies`, when given, become the Cookie header (`name=value; ...`) unless `headers` has one.
  public init(
    _ method: String = "GET", _ uri: String, headers: HTTPHeaders = [:],
    cookies: KeyValuePairs<String, String> = [:]
  ) {
    self.method = method.uppercased()
    self.headers = headers
    if !cookies.isEmpty && !headers.contains("Cookie") {
      self.headers["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
    var rest = Substring(uri)
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    let slashes = rest.firstIndex { $0 == "/" || $0 == "?" }
    if let colon = rest.firstIndex(of: ":"), colon < (slashes ?? rest.endIndex),
      rest[rest.index(after: colon)...].hasPrefix("//")
    {
      scheme = rest[..<colon].lowercased()
      rest = rest[rest.index(colon, offsetBy: 3)...]
      let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
      host = String(rest[..<hostEnd])
      rest = rest[hostEnd...]
    } else {
      scheme = "http"
      host = "testserver"
    }
    if let questionMark = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: questionMark)...])
      rest = rest[..<questionMark]
    } else {
      query = ""
    }
    path = URIEncoding.percentDecoded(rest.isEmpty ? "/" : String(rest))
  }

  /// The URI Django's `request.build_absolute_uri()` returns: the path escaped by `escape_uri_path`, the
  /// query by `iri_to_uri`. Page cache keys hash it.
  ///
  /// Under WSGI the query string reaches Django as its bytes read as Latin-1, so a raw non-ASCII byte
  /// in it is escaped as the UTF-8 of that Latin-1 character (`é` becomes `%C3%83%C2%A9`), as Django does.
  public var absoluteURI: String {
    var uri = scheme + "://" + URIEncoding.iriToURI(host) + URIEncoding.escapeURIPath(path)
    if !query.isEmpty { uri += "?" + URIEncoding.iriToURI(URIEncoding.wsgiText(query)) }
    return uri
  }

  /// The cookies of the Cookie header, as Django's `parse_cookie` reads them (later names win).
  public var cookies: [String: String] {
    var cookies: [String: String] = [:]
    for chunk in (headers["Cookie"] ?? "").split(separator: ";", omittingEmptySubsequences: false) {
      let parts = chunk.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = parts.count == 2 ? parts[0].trimmingSpaces : ""
      let value = (parts.count == 2 ? parts[1] : parts[0]).trimmingSpaces
      if !name.isEmpty || !value.isEmpty { cookies[name] = value }
    }
    return cookies
  }

  /// The value Django finds under a `request.META` name such as `HTTP_ACCEPT_ENCODING`: the header
  /// whose name, upper-cased with `-` as `_`, follows `HTTP_`, its bytes read as Latin-1 as WSGI hands
  /// them over. Content-Type and Content-Length live under `CONTENT_TYPE` and `CONTENT_LENGTH` in WSGI,
  /// so `HTTP_CONTENT_TYPE` is never present.
  public func metaValue(_ metaName: String) -> String? {
    for (name, value) in headers {
      let upper = name.uppercased().replacingHyphens
      let wsgiName = upper == "CONTENT_TYPE" || upper == "CONTENT_LENGTH" ? upper : "HTTP_" + upper
      if wsgiName == metaName { return URIEncoding.wsgiText(value) }
    }
    return nil
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  var replacingHyphens: String { String(map { $0 == "-" ? "_" : $0 }) }
}
