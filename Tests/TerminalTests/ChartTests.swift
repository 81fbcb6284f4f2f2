import Foundation
import Testing

@testable import Terminal

@Suite struct ChartTests {
  private let integer: (Double) -> String = { String(Int($0)) }
  private let oneDecimal: (Double) -> String = { String(format: "%.1f", $0) }
  private let rows: [(label: String, value: Double)] = [("LRU", 91), ("FIFO", 45.5), ("random", 10)]
  private let crossing: [(name: String, values: [Double])] = [("hits", [0, 10]), ("misses", [10, 0])]

  @Test func sparklineSpansTheLevels() {
    #expect(Chart.sparkline([1, 2, 3, 4, 5, 6, 7, 8], theme: .plain) == "▁▂▃▄▅▆▇█")
    #expect(Chart.sparkline([1, 2, 3, 4, 5, 6, 7, 8], theme: ascii) == " .:-=+*#")
    #expect(Chart.sparkline([0, 10, 5, 2.5], theme: .plain) == "▁█▅▃")
  }

  @Test func sparklineEdgeCases() {
    #expect(Chart.sparkline([], theme: .plain) == "")
    #expect(Chart.sparkline([3, 3, 3], theme: .plain) == "▄▄▄")
    #expect(Chart.sparkline([3, 3], theme: ascii) == "--")
    #expect(Chart.sparkline([1, .nan, 2], theme: .plain) == "▁ █")
  }

  @Test func barsWithEighthBlocks() {
    #expect(
      Chart.bars(rows, width: 30, theme: .plain, format: oneDecimal) == [
        "LRU    │█████████████████ 91.0",
        "FIFO   │████████▌         45.5",
        "random │█▉                10.0",
      ])
  }

  @Test func barsInASCII() {
    #expect(
      Chart.bars(rows, width: 30, theme: ascii, format: oneDecimal) == [
        "LRU    |################# 91.0",
        "FIFO   |#########         45.5",
        "random |##                10.0",
      ])
  }

  @Test func barsInColour() {
    #expect(
      Chart.bars(rows, width: 30, theme: colour, format: oneDecimal) == [
        "LRU    │\(sgr("36", "█████████████████")) 91.0",
        "FIFO   │\(sgr("36", "████████▌"))         45.5",
        "random │\(sgr("36", "█▉"))                10.0",
      ])
  }

  @Test func barsWithZeroAndNegativeValues() {
    #expect(
      Chart.bars([("a", 1), ("b", 0), ("c", -2)], width: 16, theme: .plain, format: integer) == [
        "a │██████████  1",
        "b │            0",
        "c │           -2",
      ])
    #expect(Chart.bars([], width: 16, theme: .plain, format: integer) == [])
  }

  @Test func barsFitTheWidth() {
    let long: [(label: String, value: Double)] = [("a label far too long for the chart", 3), ("b", 1)]
    for width in [20, 30, 50] {
      for line in Chart.bars(long, width: width, theme: .plain, format: integer) {
        #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
      }
    }
  }

  @Test func lineChartOfOneSeries() {
    #expect(
      Chart.line([("hits", [0, 5, 10])], width: 16, height: 5, theme: .plain, format: integer) == [
        "10 ┤          ••",
        "   │       •••",
        " 5 ┤     ••",
        "   │  •••",
        " 0 ┤••",
        "   └────────────",
        "    • hits",
      ])
  }

  @Test func lineChartOfTwoSeriesInASCII() {
    #expect(
      Chart.line(crossing, width: 24, height: 3, theme: ascii, format: integer) == [
        "10 +xxxxx          *****",
        " 5 +     xxxxxxxxxx",
        " 0 +*****          xxxxx",
        "   +--------------------",
        "    * hits  x misses",
      ])
  }

  @Test func lineChartInColour() {
    #expect(
      Chart.line(crossing, width: 14, height: 3, theme: colour, format: integer) == [
        "10 ┤\(sgr("35", "×××"))    \(sgr("36", "•••"))",
        " 5 ┤   \(sgr("35", "××××"))",
        " 0 ┤\(sgr("36", "•••"))    \(sgr("35", "×××"))",
        "   └──────────",
        "    \(sgr("36", "•")) hits",
        "    \(sgr("35", "×")) misses",
      ])
  }

  @Test func lineChartLabelsTheMiddleRowWithItsValue() {
    #expect(
      Chart.line([("p", [0, 4, 2, 8])], width: 12, height: 4, theme: .plain, format: integer) == [
        "8 ┤        •",
        "5 ┤   •   •",
        "  │ •• •••",
        "0 ┤•",
        "  └─────────",
        "   • p",
      ])
  }

  @Test func lineChartOfAFlatSeries() {
    #expect(
      Chart.line([("flat", [2, 2, 2])], width: 10, height: 3, theme: .plain, format: integer) == [
        "2 ┤",
        "2 ┤•••••••",
        "2 ┤",
        "  └───────",
        "   • flat",
      ])
  }

  @Test func resampleInterpolatesLinearly() {
    #expect(Chart.resample([0, 10], to: 5) == [0, 2.5, 5, 7.5, 10])
    #expect(Chart.resample([4], to: 3) == [4, 4, 4])
    #expect(Chart.resample([], to: 3) == [])
  }

  @Test func resampleShowsEverySampleExactlyWhenItHasRoom() {
    // The spike sits at position 1.5 of 3 columns' worth: interpolation alone would draw it at 66.7.
    let spike = Chart.resample([0, 100, 0], to: 4)
    #expect(spike.count == 4 && spike[0] == 0 && spike[2] == 100 && spike[3] == 0, "\(spike)")
    let forty = (0..<40).map { $0 == 30 ? 100.0 : 0 }
    #expect(
      Chart.resample(forty, to: 90).compactMap { $0 }.max() == 100, "a one-second peak keeps its height")
    #expect(Chart.resample([1, .infinity, 3], to: 5)[2] == nil, "a sample that is not finite stays a gap")
  }

  @Test func stepsDrawEachBucketWithoutSlopes() {
    #expect(
      Chart.line([("q", [0, 0, 9, 0, 0])], width: 10, height: 3, theme: .plain, steps: true, format: integer)
        == [
          "9 ┤   •",
          "4 ┤",
          "0 ┤••• •••",
          "  └───────",
          "   • q",
        ])
    #expect(Chart.nearest([1, 2], to: 4) == [1, 1, 2, 2])
    #expect(Chart.nearest([1, .nan], to: 2) == [1, nil] && Chart.nearest([], to: 3) == [])
  }

  @Test func lineChartDrawsAOneSampleSpikeAtItsHeight() {
    #expect(
      Chart.line([("q", [0, 0, 9, 0, 0])], width: 10, height: 3, theme: .plain, format: integer) == [
        "9 ┤   •",
        "4 ┤    •",
        "0 ┤•••  ••",
        "  └───────",
        "   • q",
      ])
  }

  @Test func roundRangesLabelTheAxisWithRoundNumbers() {
    #expect(Chart.roundRange(low: 2, high: 113.1) == (0, 120))
    #expect(Chart.roundRange(low: 0, high: 100) == (0, 100))
    #expect(Chart.roundRange(low: 21.8, high: 200) == (0, 200))
    #expect(Chart.roundRange(low: 3, high: 47) == (0, 50))
    let (low, high) = Chart.roundRange(low: 2, high: 113.1)
    let chart = Chart.line(
      [("latency", [2, 50, 113.1])], width: 30, height: 5, theme: .plain, yRange: (low, high),
      format: integer)
    #expect(
      chart.prefix(5).compactMap { $0.split(separator: " ").first }.filter { $0 != "│" } == [
        "120", "60", "0",
      ])
  }

  @Test func xTicksMarkRoundValuesAlongTheAxis() {
    let ticks = Chart.XTicks(values: [0, 25, 50, 75, 100], format: integer)
    let chart = Chart.line(
      [("p", [0, 1, 2, 3, 4])], width: 24, height: 3, theme: .plain, xTicks: ticks, format: integer)
    #expect(chart[3] == "  └┬────┬────┬────┬────┬")
    #expect(chart[4] == "   0   25   50   75  100")
    // Seconds 0 to 39: ticks at 0, 10, 20 and 30, not at the middle sample's 19.5.
    let seconds = Chart.XTicks(values: (0..<40).map(Double.init), format: integer)
    #expect(Chart.tickLabels(seconds, plotWidth: 40).map(\.label) == ["0", "10", "20", "30"])
    #expect(Chart.tickLabels(seconds, plotWidth: 40).map(\.column) == [0, 10, 20, 30])
  }

  @Test func xValuesNotEvenlySpacedAreLabelledAtTheEndsAndMiddle() {
    let ticks = Chart.XTicks(values: [3, 1, 2], format: integer)
    #expect(Chart.tickLabels(ticks, plotWidth: 21).map(\.label) == ["3", "1", "2"])
    // TTLs of 1 s to an hour sit at evenly spaced columns, so a round value has no column of its own.
    let ttls = Chart.XTicks(values: [1, 60, 600, 3600], format: integer)
    let labels = Chart.tickLabels(ttls, plotWidth: 31).map(\.label)
    #expect(labels.first == "1" && labels.last == "3600" && labels.count == 3)
  }
}
