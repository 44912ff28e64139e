/// XML-safe text and compact numbers for SVG attributes.
enum SVGText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// One decimal at most, no trailing ".0": 12.0 → "12", 3.25 → "3.3" (rounded half away).
    static func number(_ value: Double) -> String {
        // Past Int64's tenths a double is whole anyway (a huge metric in a sweep chart's label).
        guard let tenths = Int64(exactly: (value * 10).rounded()) else { return NumberText.grouped(whole: value) }
        let whole = tenths.magnitude / 10
        let fraction = tenths.magnitude % 10
        return (tenths < 0 ? "-" : "") + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }
}
