internal import SimulationKernel

/// Reads typed values out of `YNode`s, reporting `field: expected …, found …` at the node's location and
/// returning `nil` on any problem, so that decoding goes on and finds the next error too.
struct NodeReader {
    let log: DiagnosticLog

    func error(_ message: String, at node: YNode) {
        log.error(message, at: node.location)
    }

    func expected(_ what: String, _ field: String, found node: YNode) {
        log.error("\(field): expected \(what), found \(node.found)", at: node.location)
    }

    /// Opens a mapping, reporting unknown keys (with a suggestion) and non-scalar keys.
    func mapping(_ node: YNode, _ field: String, keys: [String]) -> Fields? {
        guard case .mapping(let pairs) = node.kind else {
            expected("a mapping", field, found: node)
            return nil
        }
        var values: [String: YNode] = [:]
        var order: [String] = []
        for pair in pairs {
            guard let key = pair.key.text else {
                expected("a field name", field, found: pair.key)
                continue
            }
            guard keys.contains(key) else {
                let hint = EditDistance.suggestion(for: key, among: keys).map { "; did you mean '\($0)'?" }
                let list = keys.isEmpty ? "; it takes no fields" : "; expected one of: " + keys.joined(separator: ", ")
                error("unknown field '\(key)' in \(field)\(hint ?? list)", at: pair.key)
                continue
            }
            values[key] = pair.value
            order.append(key)
        }
        return Fields(reader: self, node: node, field: field, values: values, order: order)
    }

    func list(_ node: YNode, _ field: String) -> [YNode]? {
        guard case .sequence(let items) = node.kind else {
            expected("a list", field, found: node)
            return nil
        }
        return items
    }

    /// Any scalar but null, as written (names may look like numbers: a version id `1234`).
    func string(_ node: YNode, _ field: String, nonEmpty: Bool = true) -> String? {
        guard let text = node.text, !nonEmpty || !text.isEmpty else {
            expected(nonEmpty ? "a non-empty string" : "a string", field, found: node)
            return nil
        }
        return text
    }

    func int(_ node: YNode, _ field: String, _ range: ClosedRange<Int>) -> Int? {
        guard let text = node.text?.trimmingWhitespace(), let value = Int(text), range.contains(value) else {
            expected(Self.describe(range), field, found: node)
            return nil
        }
        return value
    }

    func uint64(_ node: YNode, _ field: String) -> UInt64? {
        guard let text = node.text?.trimmingWhitespace(), let value = UInt64(text) else {
            expected("an integer from 0 to \(UInt64.max)", field, found: node)
            return nil
        }
        return value
    }

    /// A finite decimal number in `range`; `what` says the range in words for messages.
    func number(_ node: YNode, _ field: String, _ range: ClosedRange<Double>, _ what: String) -> Double? {
        guard let text = node.text?.trimmingWhitespace(), let value = Self.signedNumber(text), range.contains(value)
        else {
            expected(what, field, found: node)
            return nil
        }
        return value
    }

    func bool(_ node: YNode, _ field: String) -> Bool? {
        switch node.text?.trimmingWhitespace().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            expected("true or false", field, found: node)
            return nil
        }
    }

    /// A duration of at least `minimum` milliseconds.
    func duration(_ node: YNode, _ field: String, minimum: SimTime = 0) -> SimTime? {
        guard let text = node.text, let value = DurationSyntax.parse(text), value >= minimum else {
            let what =
                switch minimum {
                case ...0: "a duration"
                case 1: "a positive duration"
                default: "a duration of at least \(DurationSyntax.format(minimum))"
                }
            expected("\(what) such as 90s, 10m, 1h30m, 2d, 250ms or a number of seconds", field, found: node)
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values; case is forgiven, anything else gets a suggestion.
    func enumeration<E: RawRepresentable & CaseIterable>(_ node: YNode, _ field: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        return choose(node, field, names).flatMap(E.init(rawValue:))
    }

    /// One of `names` (case-insensitively), returned in its canonical spelling.
    func choose(_ node: YNode, _ field: String, _ names: [String]) -> String? {
        let text = node.text ?? ""
        if let match = names.first(where: { $0.lowercased() == text.lowercased() }), node.text != nil {
            return match
        }
        let quoted = names.map { "'\($0)'" }
        let what = quoted.count > 1 ? "one of " + quoted.joined(separator: ", ") : quoted.joined()
        let hint = node.text.map { EditDistance.hint(for: $0, among: names) } ?? ""
        log.error("\(field): expected \(what), found \(node.found)\(hint)", at: node.location)
        return nil
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (0, Int.max): "a non-negative integer"
        case (1, Int.max): "a positive integer"
        case (let low, let high): "an integer from \(low) to \(high)"
        }
    }

    static func signedNumber(_ text: String) -> Double? {
        if text.hasPrefix("-") { return DurationSyntax.plainNumber(String(text.dropFirst())).map { -$0 } }
        if text.hasPrefix("+") { return DurationSyntax.plainNumber(String(text.dropFirst())) }
        return DurationSyntax.plainNumber(text)
    }
}

extension NodeReader {
    /// A pool or job id by Azure's rule: 1-64 letters, digits, hyphens and underscores.
    func identifier(_ node: YNode, _ field: String) -> String? {
        guard let text = node.text, (1...64).contains(text.unicodeScalars.count),
            text.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        else {
            expected("an id of 1-64 letters, digits, hyphens and underscores", field, found: node)
            return nil
        }
        return text
    }

    /// Resolves a reference to one of `ids` (exactly, else case-insensitively), with a suggestion on failure.
    func reference(_ node: YNode, _ field: String, kind: String, among ids: [String]) -> Int? {
        guard let text = node.text else {
            expected("a \(kind) id", field, found: node)
            return nil
        }
        if let index = ids.firstIndex(of: text) ?? ids.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
            return index
        }
        let declared = ids.isEmpty ? "none is declared" : ids.map { "'\($0)'" }.joined(separator: ", ")
        let hint = EditDistance.hint(for: text, among: ids)
        error("\(field): expected a declared \(kind) (\(declared)), found '\(text)'\(hint)", at: node)
        return nil
    }
}
