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
            // Any other ARM expression (`[concat(…)]`) would be imported as its own text: refuse it.
            if let text = node.string, text.hasPrefix("["), text.hasSuffix("]"), !text.hasPrefix("[[") {
                return .failure(
                    Unresolved(
                        message: "\(text): only [parameters('x')] and [variables('x')] are resolved; "
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

    /// Why a placeholder has no value.
    struct Unresolved: Error {
        var message: String
    }
}
