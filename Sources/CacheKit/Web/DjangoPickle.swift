/// The pickles Django's cache holds for the page cache and fragments: a list of header names, a str,
/// an `HttpResponse`. Writing them the way Django does lets a Django site and CacheKit share a cache.
public enum DjangoPickle {
  /// The pickle of a list of strings (the page cache's learned header list).
  public static func encode(strings: [String]) -> [UInt8] {
    PickleWriter.write(.list(strings.map(PickleValue.string)))
  }

  /// The strings of a pickled list of strings, or nil.
  public static func decodeStrings(_ bytes: [UInt8]) -> [String]? {
    guard case .list(let items) = try? PickleReader.read(bytes) else { return nil }
    let strings = items.compactMap(\.string)
    return strings.count == items.count ? strings : nil
  }

  /// The pickle of a Python str.
  public static func encode(string: String) -> [UInt8] { PickleWriter.write(.string(string)) }

  /// The pickle of a `django.utils.safestring.SafeString`: what Django's `{% cache %}` tag stores,
  /// since a rendered template is marked safe.
  public static func encode(safeString: String) -> [UInt8] {
    PickleWriter.write(
      .object(
        PickleObject(module: "django.utils.safestring", name: "SafeString", arguments: [.string(safeString)]))
    )
  }

  /// The text of a pickled str or SafeString, or nil.
  public static func decodeString(_ bytes: [UInt8]) -> String? {
    switch try? PickleReader.read(bytes) {
    case .string(let text):
      return text
    case .object(let object)
    where object.module == "django.utils.safestring" && object.name == "SafeString" && object.state == nil:
      guard object.arguments.count == 1 else { return nil }
      return object.arguments[0].string
    default:
      return nil
    }
  }

  /// `response` as a pickled `django.http.response.HttpResponse` (a stream's chunks joined).
  public static func encode(response: Response) -> [UInt8] {
    let store = response.headers.map { field in
      (
        key: PickleValue.string(field.name.lowercased()),
        value: PickleValue.tuple([.string(field.name), .string(field.value)])
      )
    }
    let headers = PickleObject(
      module: "django.http.response", name: "ResponseHeaders",
      state: .dict([(.string("_store"), .dict(store))]))
    let cookies = PickleObject(
      module: "http.cookies", name: "SimpleCookie",
      items: response.cookies.map { (.string($0.name), .object(morsel($0.name, $0.cookie))) })
    let state: [(key: PickleValue, value: PickleValue)] = [
      (.string("headers"), .object(headers)),
      (.string("_charset"), .none),
      (.string("_resource_closers"), .list([])),
      (.string("_handler_class"), .none),
      (.string("cookies"), .object(cookies)),
      (.string("closed"), .bool(false)),
      (.string("status_code"), .int(response.status)),
      (.string("_reason_phrase"), .none),
      (.string("_container"), .list([.bytes(response.content)])),
    ]
    return PickleWriter.write(
      .object(PickleObject(module: "django.http.response", name: "HttpResponse", state: .dict(state))))
  }

  /// The response in a pickled `HttpResponse` (or a subclass with its state), or nil.
  public static func decodeResponse(_ bytes: [UInt8]) -> Response? {
    guard case .object(let object) = try? PickleReader.read(bytes), let state = object.state,
      case .int(let status) = state["status_code"], case .object(let headerObject) = state["headers"],
      case .dict(let store) = headerObject.state?["_store"], case .list(let chunks) = state["_container"]
    else { return nil }
    var headers = HTTPHeaders()
    for (_, field) in store {
      guard case .tuple(let pair) = field, pair.count == 2, let name = pair[0].string,
        let value = pair[1].string
      else { return nil }
      headers[name] = value
    }
    var body: [UInt8] = []
    for chunk in chunks {
      guard case .bytes(let bytes) = chunk else { return nil }
      body += bytes
    }
    var response = Response(status: status, headers: headers, body: .bytes(body))
    if case .object(let jar) = state["cookies"] {
      for (name, morsel) in jar.items {
        guard let name = name.string, case .object(let morsel) = morsel, let cookie = cookie(morsel) else {
          return nil
        }
        response.setCookie(name, cookie)
      }
    }
    return response
  }

  /// An `http.cookies.Morsel`: its attributes as dict items (empty text when unset), then its name,
  /// value and the value as the Set-Cookie header writes it.
  private static func morsel(_ name: String, _ cookie: ResponseCookie) -> PickleObject {
    func text(_ value: String?) -> PickleValue { .string(value ?? "") }
    let attributes: [(key: PickleValue, value: PickleValue)] = [
      (.string("expires"), text(cookie.expires)),
      (.string("path"), text(cookie.path)),
      (.string("comment"), text(nil)),
      (.string("domain"), text(cookie.domain)),
      (.string("max-age"), cookie.maxAge.map(PickleValue.int) ?? text(nil)),
      (.string("secure"), cookie.secure ? .bool(true) : text(nil)),
      (.string("httponly"), cookie.httpOnly ? .bool(true) : text(nil)),
      (.string("version"), text(nil)),
      (.string("samesite"), text(cookie.sameSite)),
    ]
    let state: PickleValue = .dict([
      (.string("key"), .string(name)), (.string("value"), .string(cookie.value)),
      (.string("coded_value"), .string(CookieQuoting.quote(cookie.value))),
    ])
    return PickleObject(module: "http.cookies", name: "Morsel", items: attributes, state: state)
  }

  private static func cookie(_ morsel: PickleObject) -> ResponseCookie? {
    guard let value = morsel.state?["value"]?.string else { return nil }
    let attributes = PickleValue.dict(morsel.items)
    func text(_ name: String) -> String? {
      guard let text = attributes[name]?.string, !text.isEmpty else { return nil }
      return text
    }
    func flag(_ name: String) -> Bool {
      switch attributes[name] {
      case .bool(let flag): flag
      case .string(let text): !text.isEmpty
      default: false
      }
    }
    var maxAge: Int?
    switch attributes["max-age"] {
    case .int(let seconds): maxAge = seconds
    case .string(let text): maxAge = PythonInt.parse(text)
    default: maxAge = nil
    }
    return ResponseCookie(
      value, path: text("path") ?? "", domain: text("domain"), maxAge: maxAge, expires: text("expires"),
      secure: flag("secure"), httpOnly: flag("httponly"), sameSite: text("samesite"))
  }
}

/// Python's `http.cookies._quote`: a value with only legal cookie characters as it is, anything else in
/// double quotes with `"` and `\` escaped and other special bytes as `\ooo`.
enum CookieQuoting {
  private static let legal = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~:".unicodeScalars)
  private static let unescaped = legal.union(" ()/<=>?@[]{}".unicodeScalars)

  static func quote(_ value: String) -> String {
    if !value.isEmpty && value.unicodeScalars.allSatisfy(legal.contains) { return value }
    var quoted = "\""
    for scalar in value.unicodeScalars {
      if scalar == "\"" || scalar == "\\" {
        quoted += "\\" + String(scalar)
      } else if scalar.value < 256 && !unescaped.contains(scalar) {
        let octal = String(scalar.value, radix: 8)
        quoted += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
      } else {
        quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }
}
