// The tests use the shared seeded generator and free-port helper under their own names.
@_exported import Primitives
