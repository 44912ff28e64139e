import Foundation

/// The `parameters` and `variables` of a Batch CLI template, and the values of parameters files given
/// on the command line, for resolving `[parameters('x')]` and `[variables('x')]`.
///
/// Only whole-value placeholders are resolved, and only in fields batchsim models: a placeholder inside
/// a command line or an image reference is listed with the unmodelled fields and never fails.
struct TemplateContext {
    /// Values from parameters files (`{"x": {"value": v}}`), which win over a template's defaults.
    var given: [String: JSONNode] = [:]
    /// The template's `parameters` object.
    var parameters: JSONNode?
    /// The template's `variables` object.
    var variables: JSONNode?

    /// What a whole-value placeholder names: ("parameters", "x") for `[parameters('x')]`.
    static func placeholder(_ node: JSONNode) -> (function: String, name: String)? {
        guard let text = node.string?.trimmingCharacters(in: .whitespaces), text.hasPrefix("["), text.hasSuffix("]"),
            !text.hasPrefix("[[")
        else { return nil }
        let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        for function in ["parameters", "variables"] {
            let prefix = function + "("
            guard inner.hasPrefix(prefix), inner.hasSuffix(")") else { continue }
            let argument = inner.dropFirst(prefix.count).dropLast().trimmingCharacters(in: .whitespaces)
            guard argument.count >= 2, argument.hasPrefix("'"), argument.hasSuffix("'") else { return nil }
            return (function, String(argument.dropFirst().dropLast()))
        }
        return nil
    }

    /// The node with a placeholder replaced by its value, or an error message when it has none.
    func resolve(_ node: JSONNode) -> Result<JSONNode, Unresolved> {
        guard let (function, name) = Self.placeholder(node) else {
            if let text = node.string, let arguments = Self.concatArguments(text) {
                return concat(arguments, in: text, at: node)
            }
            // Any other ARM expression (`[concat(…)]`) would be imported as its own text: refuse it.
            if let text = node.string, text.hasPrefix("["), text.hasSuffix("]"), !text.hasPrefix("[[") {
                return .failure(
                    Unresolved(
                        message:
                            "\(text): only [parameters('x')], [variables('x')] and [concat(…)] of them are resolved; "
                            + "write the value in a parameters file or the document"))
            }
            return .success(node)
        }
        if function == "variables" {
            if let value = variables?[name] { return .success(value) }
            return .failure(Unresolved(message: "[variables('\(name)')]: the template defines no variable '\(name)'"))
        }
        if let value = given[name] { return .success(value) }
        if let value = parameters?[name]?["defaultValue"] { return .success(value) }
        let declared = parameters?[name] != nil
        return .failure(
            Unresolved(
                message: "[parameters('\(name)')]: parameter '\(name)' "
                    + (declared ? "has no defaultValue" : "is not declared by the template")
                    + " and no parameters file gives it a value"))
    }

    /// The arguments of `[concat(a, b, …)]` as written, split at top-level commas; `nil` for other text.
    /// `az group export` names child resources this way (`[concat(parameters('account'), '/render')]`).
    static func concatArguments(_ text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[concat("), trimmed.hasSuffix(")]") else { return nil }
        let inner = trimmed.dropFirst("[concat(".count).dropLast(2)
        var arguments: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        for character in inner {
            if character == "'" { quoted.toggle() }
            if !quoted {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if character == ",", depth == 0 {
                    arguments.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        arguments.append(current.trimmingCharacters(in: .whitespaces))
        return quoted || depth != 0 ? nil : arguments
    }

    /// Joins string literals and resolved placeholders; anything else in a `concat` is refused.
    private func concat(_ arguments: [String], in text: String, at node: JSONNode) -> Result<JSONNode, Unresolved> {
        var joined = ""
        for argument in arguments {
            if argument.count >= 2, argument.hasPrefix("'"), argument.hasSuffix("'") {
                joined += argument.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'")
                continue
            }
            let inner = JSONNode(.string("[" + argument + "]"), line: node.line, column: node.column)
            guard Self.placeholder(inner) != nil else {
                return .failure(
                    Unresolved(message: "\(text): '\(argument)' is not a string, parameters('x') or variables('x')"))
            }
            switch resolve(inner) {
            case .failure(let unresolved): return .failure(unresolved)
            case .success(let value):
                guard let scalar = value.scalarText else {
                    return .failure(Unresolved(message: "\(text): '\(argument)' is \(value.found), not a string"))
                }
                joined += scalar
            }
        }
        return .success(JSONNode(.string(joined), line: node.line, column: node.column))
    }

    /// Why a placeholder has no value.
    struct Unresolved: Error {
        var message: String
    }
}
