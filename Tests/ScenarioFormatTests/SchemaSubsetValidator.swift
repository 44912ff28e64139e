import Foundation

@testable import ScenarioFormat

/// A small JSON Schema (draft-07) validator for the keywords `Scenarios/scenario.schema.json` uses: `$ref`,
/// `type`, `enum`, `const`, `pattern`, `minimum`/`maximum`/`exclusiveMinimum`, `properties`, `required`,
/// `additionalProperties`, `propertyNames`, `minProperties`/`maxProperties`, `items` (list and tuple),
/// `additionalItems`, `minItems`/`maxItems`, `anyOf`, `oneOf` and `allOf`. Anything else is ignored.
///
/// It reads YAML nodes, whose scalars carry no type: a scalar is a string always, a number when it reads as
/// one, a boolean when it reads `true`/`false`, as the loader reads them.
struct SchemaSubsetValidator {
    let root: [String: Any]

    /// The problems found, each as `path: what`; empty when the node is valid.
    func validate(_ node: YNode) -> [String] {
        validate(node, against: root, path: "$")
    }

    private func validate(_ node: YNode, against schema: [String: Any], path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else { return ["\(path): unresolvable \(reference)"] }
            return validate(node, against: target, path: path)
        }
        var problems: [String] = []
        if let type = schema["type"], !matchesType(node, type) {
            return ["\(path): expected type \(type), found \(node.found)"]
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { equals(node, $0) }) {
            problems.append("\(path): \(node.found) is not one of \(values)")
        }
        if let value = schema["const"], !equals(node, value) {
            problems.append("\(path): expected \(value), found \(node.found)")
        }
        problems += scalarProblems(node, schema, path)
        problems += mappingProblems(node, schema, path)
        problems += sequenceProblems(node, schema, path)
        for branch in (schema["allOf"] as? [[String: Any]]) ?? [] {
            problems += validate(node, against: branch, path: path)
        }
        if let branches = schema["anyOf"] as? [[String: Any]],
            !branches.contains(where: { validate(node, against: $0, path: path).isEmpty })
        {
            problems.append("\(path): \(node.found) matches none of anyOf")
        }
        if let branches = schema["oneOf"] as? [[String: Any]] {
            let matches = branches.filter { validate(node, against: $0, path: path).isEmpty }.count
            if matches != 1 { problems.append("\(path): \(node.found) matches \(matches) of oneOf, expected 1") }
        }
        return problems
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        let prefix = "#/definitions/"
        guard reference.hasPrefix(prefix), let definitions = root["definitions"] as? [String: Any] else { return nil }
        return definitions[String(reference.dropFirst(prefix.count))] as? [String: Any]
    }

    private func matchesType(_ node: YNode, _ type: Any) -> Bool {
        if let names = type as? [String] { return names.contains { matchesType(node, $0) } }
        guard let name = type as? String else { return true }
        switch (name, node.kind) {
        case ("object", .mapping), ("array", .sequence): return true
        case ("null", _): return node.isNull
        case ("string", .scalar): return node.text != nil
        case ("number", .scalar): return number(node) != nil
        case ("integer", .scalar): return number(node).map { $0 == $0.rounded() } ?? false
        case ("boolean", .scalar): return ["true", "false"].contains(node.text?.lowercased() ?? "")
        default: return false
        }
    }

    private func number(_ node: YNode) -> Double? {
        node.text.flatMap { NodeReader.signedNumber($0.trimmingWhitespace()) }
    }

    private func equals(_ node: YNode, _ value: Any) -> Bool {
        if let string = value as? String { return node.text == string }
        if let number = value as? Double { return self.number(node) == number }
        return false
    }

    private func scalarProblems(_ node: YNode, _ schema: [String: Any], _ path: String) -> [String] {
        var problems: [String] = []
        if let pattern = schema["pattern"] as? String, let text = node.text {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression?.firstMatch(in: text, range: range) == nil {
                problems.append("\(path): \(node.found) does not match \(pattern)")
            }
        }
        if let value = number(node) {
            if let minimum = schema["minimum"] as? Double, value < minimum {
                problems.append("\(path): \(value) < minimum \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, value > maximum {
                problems.append("\(path): \(value) > maximum \(maximum)")
            }
            if let minimum = schema["exclusiveMinimum"] as? Double, value <= minimum {
                problems.append("\(path): \(value) <= exclusive minimum \(minimum)")
            }
        }
        return problems
    }

    private func mappingProblems(_ node: YNode, _ schema: [String: Any], _ path: String) -> [String] {
        guard case .mapping(let pairs) = node.kind else { return [] }
        var problems: [String] = []
        let keys = pairs.compactMap(\.key.text)
        for name in (schema["required"] as? [String]) ?? [] where !keys.contains(name) {
            problems.append("\(path): missing required '\(name)'")
        }
        if let minimum = schema["minProperties"] as? Int, pairs.count < minimum {
            problems.append("\(path): fewer than \(minimum) properties")
        }
        if let maximum = schema["maxProperties"] as? Int, pairs.count > maximum {
            problems.append("\(path): more than \(maximum) properties")
        }
        let properties = (schema["properties"] as? [String: Any]) ?? [:]
        for pair in pairs {
            let key = pair.key.text ?? ""
            let place = "\(path).\(key)"
            if let names = schema["propertyNames"] as? [String: Any] {
                problems += validate(pair.key, against: names, path: place)
            }
            if let property = properties[key] as? [String: Any] {
                problems += validate(pair.value, against: property, path: place)
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                problems += validate(pair.value, against: additional, path: place)
            } else if schema["additionalProperties"] as? Bool == false {
                problems.append("\(path): unknown property '\(key)'")
            }
        }
        return problems
    }

    private func sequenceProblems(_ node: YNode, _ schema: [String: Any], _ path: String) -> [String] {
        guard case .sequence(let items) = node.kind else { return [] }
        var problems: [String] = []
        if let minimum = schema["minItems"] as? Int, items.count < minimum {
            problems.append("\(path): fewer than \(minimum) items")
        }
        if let maximum = schema["maxItems"] as? Int, items.count > maximum {
            problems.append("\(path): more than \(maximum) items")
        }
        if let each = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() {
                problems += validate(item, against: each, path: "\(path)[\(index)]")
            }
        } else if let tuple = schema["items"] as? [[String: Any]] {
            for (index, (item, itemSchema)) in zip(items, tuple).enumerated() {
                problems += validate(item, against: itemSchema, path: "\(path)[\(index)]")
            }
            if schema["additionalItems"] as? Bool == false, items.count > tuple.count {
                problems.append("\(path): more than \(tuple.count) items")
            }
        }
        return problems
    }
}
