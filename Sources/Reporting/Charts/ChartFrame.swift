/// The common frame of every report chart: an SVG element with a `<title>` and `<desc>`, a
/// visible title, a legend, a plot area with a time axis or a value axis along x, a value
/// axis along y, and axis labels with units. Charts draw inside `plot` coordinates.
///
/// Text is sized for a 960-pixel-wide page and for print; every string is XML-escaped, so
/// each SVG parses on its own as XML (the tests check that).
struct ChartFrame {
    static let width = 960.0
    let height: Double
    let left = 76.0
    let right = 28.0
    let top: Double
    let bottom = 50.0
    /// Largest x value (milliseconds for time charts) and y value shown.
    let xMaximum: Double
    let yMaximum: Double

    var plotWidth: Double { Self.width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// - Parameter legendRows: rows the legend takes (22 px each) under the title.
    init(height: Double, legendRows: Int, xMaximum: Double, yMaximum: Double) {
        self.height = height
        top = 40 + 22 * Double(legendRows)
        self.xMaximum = max(xMaximum, 1)
        self.yMaximum = max(yMaximum, 1)
    }

    func x(_ value: Double) -> Double { left + value / xMaximum * plotWidth }
    func y(_ value: Double) -> Double { top + plotHeight - value / yMaximum * plotHeight }

    /// Opens the SVG: accessible title and description, visible title.
    func open(id: String, title: String, description: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart\" role=\"img\" "
        out += "viewBox=\"0 0 \(SVGText.number(Self.width)) \(SVGText.number(height))\" "
        out += "font-family=\"system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif\" "
        out += "aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(SVGText.escape(title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(SVGText.escape(description))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(SVGText.number(Self.width))\" height=\"\(SVGText.number(height))\" "
        out += "fill=\"#ffffff\"/>\n"
        out += text(
            x: left, y: 24, SVGText.escape(title),
            attributes: "class=\"chart-title\" font-size=\"16\" font-weight=\"bold\"")
        return out
    }

    func close() -> String { "</svg>\n" }

    /// A legend laid out left to right under the title, wrapping at the plot's width.
    func legend(_ items: [(label: String, colour: String, isLine: Bool)]) -> String {
        var out = ""
        var cursor = left
        var row = 0.0
        for item in items {
            let itemWidth = 26 + 7.2 * Double(item.label.count) + 18
            if cursor + itemWidth > left + plotWidth && cursor > left {
                cursor = left
                row += 1
            }
            let y = 44 + row * 22
            if item.isLine {
                out += "<line x1=\"\(SVGText.number(cursor))\" y1=\"\(SVGText.number(y))\" "
                out += "x2=\"\(SVGText.number(cursor + 18))\" y2=\"\(SVGText.number(y))\" stroke=\"\(item.colour)\" "
                out += "stroke-width=\"3\"/>\n"
            } else {
                out +=
                    "<rect x=\"\(SVGText.number(cursor))\" y=\"\(SVGText.number(y - 7))\" width=\"18\" height=\"14\" "
                out += "fill=\"\(item.colour)\" stroke=\"#333333\" stroke-width=\"0.5\"/>\n"
            }
            out += text(
                x: cursor + 24, y: y + 4, SVGText.escape(item.label), attributes: "class=\"legend\" font-size=\"12.5\"")
            cursor += itemWidth
        }
        return out
    }

    /// Light bands behind the plot where the account was unavailable, so every time chart
    /// shows the outage in place.
    func unavailableShading(_ intervals: [(from: Int64, to: Int64)]) -> String {
        intervals.map { interval in
            let x0 = x(Double(interval.from))
            let x1 = x(Double(interval.to))
            return "<rect x=\"\(SVGText.number(x0))\" y=\"\(SVGText.number(top))\" "
                + "width=\"\(SVGText.number(max(x1 - x0, 1)))\" height=\"\(SVGText.number(plotHeight))\" "
                + "fill=\"#f9d9d6\"/>\n"
        }.joined()
    }

    /// The x axis as time since the start, ticks labelled like scenario durations (`3h30m`).
    func timeAxis() -> String {
        let step = TickScale.timeStep(span: Int64(xMaximum), maximumTicks: 10)
        var out = axisLine(horizontal: true)
        var tick: Int64 = 0
        while Double(tick) <= xMaximum {
            let position = x(Double(tick))
            out += tickMark(x: position)
            out += text(
                x: position, y: top + plotHeight + 20, NumberText.clock(tick), attributes: tickAttributes(.middle))
            tick += step
        }
        out += axisLabel(horizontal: true, "time since the start of the run (d = days, h = hours, m = minutes)")
        return out
    }

    /// The x axis as plain numbers with a unit in its label.
    func valueXAxis(ticks: [Double], labels: [String], label: String) -> String {
        var out = axisLine(horizontal: true)
        for (value, text) in zip(ticks, labels) {
            out += tickMark(x: x(value))
            out += self.text(
                x: x(value), y: top + plotHeight + 20, SVGText.escape(text), attributes: tickAttributes(.middle))
        }
        return out + axisLabel(horizontal: true, label)
    }

    /// The y axis with grid lines at round values.
    func valueAxis(label: String) -> String {
        var out = axisLine(horizontal: false)
        for value in TickScale.niceTicks(maximum: yMaximum, maximumTicks: 6) {
            let position = y(value)
            out += "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(position))\" "
            out += "x2=\"\(SVGText.number(left + plotWidth))\" y2=\"\(SVGText.number(position))\" "
            out += "stroke=\"#000000\" stroke-opacity=\"0.12\"/>\n"
            out += text(x: left - 8, y: position + 4, TickScale.label(value), attributes: tickAttributes(.end))
        }
        return out + axisLabel(horizontal: false, label)
    }

    /// The y axis label alone (for charts without a numeric y scale).
    func axisLabel(horizontal: Bool, _ label: String) -> String {
        let escaped = SVGText.escape(label)
        if horizontal {
            return text(
                x: left + plotWidth / 2,
                y: height - 10,
                escaped,
                attributes: "class=\"axis-label\" font-size=\"13\" text-anchor=\"middle\""
            )
        }
        let cx = 18.0
        let cy = top + plotHeight / 2
        return text(
            x: cx,
            y: cy,
            escaped,
            attributes: "class=\"axis-label\" font-size=\"13\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 \(SVGText.number(cx)) \(SVGText.number(cy)))\""
        )
    }

    func text(x: Double, y: Double, _ escaped: String, attributes: String) -> String {
        "<text x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" \(attributes)>\(escaped)</text>\n"
    }

    enum Anchor: String {
        case start, middle, end
    }

    private func tickAttributes(_ anchor: Anchor) -> String {
        "class=\"tick\" font-size=\"12\" fill=\"#333333\" text-anchor=\"\(anchor.rawValue)\""
    }

    private func tickMark(x position: Double) -> String {
        let base = top + plotHeight
        return "<line x1=\"\(SVGText.number(position))\" y1=\"\(SVGText.number(base))\" "
            + "x2=\"\(SVGText.number(position))\" y2=\"\(SVGText.number(base + 5))\" stroke=\"#333333\"/>\n"
    }

    private func axisLine(horizontal: Bool) -> String {
        let base = top + plotHeight
        let (x2, y1) = horizontal ? (left + plotWidth, base) : (left, top)
        return "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(y1))\" x2=\"\(SVGText.number(x2))\" "
            + "y2=\"\(SVGText.number(base))\" stroke=\"#333333\"/>\n"
    }
}
