/// A key press read from a raw-mode terminal, as `KeyDecoder` recognises it.
public enum Key: Equatable, Sendable {
  /// A printable character, decoded from UTF-8.
  case character(Character)
  /// Enter (CR or LF), Backspace (DEL or BS), Tab, and Escape on its own.
  case enter, backspace, tab, escape
  /// Arrow, Home, End, Page Up and Page Down keys, from CSI or SS3 sequences.
  case up, down, left, right, home, end, pageUp, pageDown
  /// Ctrl-C, which arrives as a key because raw mode turns ISIG off.
  case interrupt
  /// Ctrl-D.
  case endOfInput
  /// Ctrl and a letter that none of the cases above names, by its lowercase letter: Ctrl-L is
  /// `.control("l")`, the usual key to redraw a screen.
  case control(Character)
}
