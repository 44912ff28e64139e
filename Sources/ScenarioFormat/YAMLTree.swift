internal import Yams

/// Turns Yams output into `YNode`s and libyaml errors into diagnostics.
enum YAMLTree {
    /// Node budget after alias expansion: a scenario has thousands of nodes, an alias bomb billions.
    static let maximumNodes = 2_000_000

    enum Failure: Error {
        case diagnostic(Diagnostic)
    }

    /// Parses one YAML (or JSON) document. `nil` for an empty document.
    static func parse(_ text: String, file: String) throws(Failure) -> YNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .diagnostic(diagnostic(for: error, file: file))
        } catch {
            throw .diagnostic(Diagnostic(severity: .error, location: nil, message: "\(error)", file: file))
        }
        guard let node else { return nil }
        var budget = maximumNodes
        guard let converted = convert(node, file: file, budget: &budget) else {
            let message = "the document expands to more than \(maximumNodes) nodes (aliases?); this is the limit"
            throw .diagnostic(Diagnostic(severity: .error, location: location(node.mark, file), message: message))
        }
        return converted
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
    }

    private static func convert(_ node: Node, file: String, budget: inout Int) -> YNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let place = location(node.mark, file)
        switch node {
        case .scalar(let scalar):
            return YNode(
                kind: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), location: place)
        case .sequence(let sequence):
            var items: [YNode] = []
            for item in sequence {
                guard let converted = convert(item, file: file, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YNode(kind: .sequence(items), location: place)
        case .mapping(let mapping):
            var pairs: [YNode.Pair] = []
            for (key, value) in mapping {
                guard let convertedKey = convert(key, file: file, budget: &budget),
                    let convertedValue = convert(value, file: file, budget: &budget)
                else { return nil }
                pairs.append(YNode.Pair(key: convertedKey, value: convertedValue))
            }
            return YNode(kind: .mapping(applyingMergeKeys(pairs)), location: place)
        case .alias(let alias):
            return YNode(kind: .scalar("*" + alias.anchor.rawValue, plain: false), location: location(alias.mark, file))
        }
    }

    /// YAML merge keys (`<<: *base` or `<<: [*a, *b]`): entries of the merged mappings that the mapping
    /// does not set itself, so shared settings can be written once with an anchor.
    private static func applyingMergeKeys(_ pairs: [YNode.Pair]) -> [YNode.Pair] {
        guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
        var own = pairs.filter { !isMergeKey($0.key) }
        var seen = Set(own.compactMap(\.key.text))
        for pair in pairs where isMergeKey(pair.key) {
            let sources: [YNode]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items): sources = items
            case .scalar:
                own.append(pair)  // reported as an unknown field by the reader
                continue
            }
            for case .mapping(let merged) in sources.map(\.kind) {
                for entry in merged where !seen.contains(entry.key.text ?? "") {
                    seen.insert(entry.key.text ?? "")
                    own.append(entry)
                }
            }
        }
        return own
    }

    private static func isMergeKey(_ node: YNode) -> Bool {
        if case .scalar("<<", plain: true) = node.kind { return true }
        return false
    }

    /// A libyaml error as `file:line:column: error: …`.
    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func make(_ mark: Mark?, _ text: String) -> Diagnostic {
            Diagnostic(severity: .error, location: location(mark, file), message: text)
        }
        func make(_ place: SourceLocation?, _ text: String) -> Diagnostic {
            Diagnostic(severity: .error, location: place, message: text, file: file)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return make(mark, "invalid YAML: \(problem)\(contextText)")
        case .reader(let problem, let offset, _, let yaml):
            let place = offset.map { locationOfOffset($0, in: yaml, file: file) }
            return make(place, "invalid text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return make(context.mark, "duplicate key \(names) in one mapping: expected each key once")
        default:
            return Diagnostic(severity: .error, location: nil, message: "invalid YAML: \(error)", file: file)
        }
    }

    private static func locationOfOffset(_ offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, character) in text.unicodeScalars.enumerated() {
            if index >= offset { break }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
