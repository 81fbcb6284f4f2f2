import Terminal

/// Draws a lesson's blocks as framed boxes: the question side of predict and myth blocks, their reveals,
/// pitfalls and labs.
public struct BlockView {
  let console: Console

  public init(console: Console) {
    self.console = console
  }

  private var inner: Int { max(20, console.width - 4) }
  private var symbols: Symbols { Symbols(console.theme) }

  private func box(_ title: String, _ lines: [String], _ style: Style) -> [String] {
    Box.render(title: title, lines: lines, width: console.width, theme: console.theme, style: style)
  }

  private func markdown(_ text: String) -> [String] {
    MarkdownRenderer(width: inner, theme: console.theme).renderLines(text)
  }

  private func options(_ options: [String]) -> [String] {
    options.enumerated().flatMap { index, option in
      wrap(
        console.paint(Letters.letter(index) + ")", .bold) + " " + console.inline(option), width: inner,
        indent: "   ")
    }
  }

  func predictQuestion(_ predict: Predict) -> [String] {
    box("Predict", markdown(predict.prompt) + [""] + options(predict.options), .cyan)
  }

  func predictReveal(_ predict: Predict, correct: Bool?) -> [String] {
    let answer = "\(Letters.letter(predict.answer))) \(predict.options[predict.answer])"
    var verdict: String
    switch correct {
    case true?: verdict = console.inline("\(symbols.right) Right: \(answer)", [.green, .bold])
    case false?:
      verdict = console.inline("\(symbols.wrong) Not quite. The answer: \(answer)", [.yellow, .bold])
    case nil: verdict = console.inline("The answer: \(answer)", .bold)
    }
    return wrap(verdict, width: console.width) + [""]
      + MarkdownRenderer(width: console.width, theme: console.theme)
      .renderLines(predict.reveal)
  }

  func mythQuestion(_ myth: Myth) -> [String] {
    box("Myth or fact?", markdown(myth.claim), .magenta)
  }

  func mythReveal(_ myth: Myth, correct: Bool?) -> [String] {
    let truth = myth.isTrue ? "It is true." : "It is a myth."
    let verdict: String
    switch correct {
    case true?: verdict = console.paint("\(symbols.right) Right. \(truth)", [.green, .bold])
    case false?: verdict = console.paint("\(symbols.wrong) Not quite. \(truth)", [.yellow, .bold])
    case nil: verdict = console.paint(truth, .bold)
    }
    let renderer = MarkdownRenderer(width: console.width, theme: console.theme)
    return [verdict, "", console.paint("Reality", .bold)] + renderer.renderLines(myth.reality) + [
      "", console.paint("Why it matters", .bold),
    ] + renderer.renderLines(myth.whyItMatters)
  }

  func pitfall(_ pitfall: Pitfall) -> [String] {
    let wrong = console.paint("\(symbols.wrong) Wrong", [.red, .bold])
    let right = console.paint("\(symbols.right) Right", [.green, .bold])
    let cause = console.paint("Root cause", .bold)
    let lines =
      [wrong] + markdown(pitfall.wrong) + ["", right] + markdown(pitfall.right) + ["", cause]
      + markdown(pitfall.rootCause)
    return box("Pitfall: " + pitfall.title, lines, .yellow)
  }

  func model(_ model: MentalModel) -> [String] {
    var lines = markdown(model.model)
    if let analogy = model.analogy {
      lines += ["", console.paint("Think of it as", .bold)] + markdown(analogy)
    }
    return box("Mental model", lines, .cyan)
  }

  func takeaways(_ takeaways: Takeaways) -> [String] {
    let lines = takeaways.items.flatMap { item in
      MarkdownRenderer(width: inner - 2, theme: console.theme).renderLines(item).enumerated().map {
        ($0 == 0 ? "\(symbols.bullet) " : "  ") + $1
      }
    }
    return box("Takeaways", lines, .green)
  }

  func lab(_ lab: Lab) -> [String] {
    guard let simulation = Simulations.named(lab.simulation) else { return [] }
    return self.lab(simulation, introduction: lab.introduction)
  }

  /// Runs a simulation and draws its report: the chart, the table of selected points and the findings,
  /// after the introduction (Markdown) when there is one. A lab block and `cachelings lab` both use it.
  public func lab(_ simulation: Simulation, introduction: String = "") -> [String] {
    let report = simulation.run()
    var lines = introduction.isEmpty ? [] : markdown(introduction) + [""]
    lines += wrap(console.paint(report.title, .bold), width: inner)
    if !report.series.isEmpty {
      let values = report.series.flatMap(\.values).filter(\.isFinite)
      let yRange = Chart.roundRange(low: values.min() ?? 0, high: values.max() ?? 0)
      let xTicks = report.xValues.isEmpty ? nil : Chart.XTicks(values: report.xValues, format: Self.number)
      // An odd number of rows puts the middle label on a row of its own, at a round value.
      lines += Chart.line(
        report.series, width: inner, height: 9, theme: console.theme, yRange: yRange, xTicks: xTicks,
        steps: report.steps,
        format: Self.number)
      lines += wrap(console.paint("x: \(report.xLabel), y: \(report.yUnit)", .dim), width: inner)
      lines.append("")
    }
    if !report.table.isEmpty {
      lines += Chart.bars(
        report.table.map { ($0.label, $0.value) }, width: inner, theme: console.theme,
        format: { Self.number($0) + " " + report.yUnit })
      lines.append("")
    }
    lines += report.findings.flatMap { wrap("\(symbols.bullet) " + $0, width: inner, indent: "  ") }
    return box("Lab: " + simulation.name, lines, .blue)
  }

  /// A value with at most one decimal, and none when it is whole: 42, 12.5.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }
}
