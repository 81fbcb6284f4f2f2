import Primitives
import Testing

@Suite("RecencyList")
struct RecencyListTests {
  @Test("insert puts an element first; moveToFront and remove keep the order of the rest")
  func orderAfterEachOperation() {
    var list = RecencyList(vacant: "")
    let a = list.insert("a")
    let b = list.insert("b")
    let c = list.insert("c")
    #expect(order(list) == ["c", "b", "a"])
    list.moveToFront(a)
    #expect(order(list) == ["a", "c", "b"])
    #expect(list.remove(c) == "c")
    #expect(order(list) == ["a", "b"])
    #expect(list.leastRecentPosition == b)
    #expect(list.count == 2)
  }

  @Test("a freed slot is reused, and the other elements keep their positions")
  func freedSlotsAreReused() {
    var list = RecencyList(vacant: -1)
    let positions = (0..<4).map { list.insert($0) }
    list.remove(positions[1])
    #expect(list.isFree(positions[1]))
    #expect(list.element(inSlot: Int(positions[1])) == nil)
    let reused = list.insert(9)
    #expect(reused == positions[1])
    #expect(list.slotCount == 4)
    #expect([positions[0], positions[2], positions[3]].map { list[$0] } == [0, 2, 3])
  }

  @Test("an element is changed in place through its position")
  func elementsChangeInPlace() {
    var list = RecencyList<[Int]>(vacant: [])
    let position = list.insert([1])
    list[position].append(2)
    #expect(list[position] == [1, 2])
  }

  @Test("removeAll empties the list, which then fills from slot 0 again")
  func removeAllStartsOver() {
    var list = RecencyList(vacant: -1)
    for value in 0..<3 { list.insert(value) }
    list.removeAll(keepingCapacity: true)
    #expect(list.count == 0)
    #expect(list.leastRecentPosition == nil)
    #expect(list.positionsByRecency().isEmpty)
    #expect(list.insert(7) == 0)
  }

  @Test("10,000 seeded operations agree with an array kept in recency order")
  func agreesWithAnArrayModel() {
    var generator = SplitMix64(seed: 20_261_205)
    var list = RecencyList(vacant: -1)
    var model: [Int] = []  // most recent first
    var positionOf: [Int: Int32] = [:]
    var next = 0
    for _ in 0..<10_000 {
      switch generator.next() % 4 {
      case 0, 1:
        positionOf[next] = list.insert(next)
        model.insert(next, at: 0)
        next += 1
      case 2 where !model.isEmpty:
        let value = model[Int(generator.next() % UInt64(model.count))]
        list.moveToFront(positionOf[value]!)
        model.removeAll { $0 == value }
        model.insert(value, at: 0)
      case 3 where !model.isEmpty:
        let value = model[Int(generator.next() % UInt64(model.count))]
        #expect(list.remove(positionOf.removeValue(forKey: value)!) == value)
        model.removeAll { $0 == value }
      default:
        break
      }
      #expect(list.count == model.count)
      #expect(list.leastRecentPosition.map { list[$0] } == model.last)
    }
    #expect(order(list) == model)
  }

  private func order<Element>(_ list: RecencyList<Element>) -> [Element] {
    list.positionsByRecency().map { list[$0] }
  }
}
