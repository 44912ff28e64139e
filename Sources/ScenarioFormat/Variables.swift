/// `vars:` and `${name}` substitution (SPEC §3): a scalar written `${name}`, or containing it, takes the
/// variable's value; `--set name=value` overrides replace the defaults. This is how sweeps vary a scenario.
///
/// Substitution runs on the node tree before anything is decoded, so every later message points at the
/// place where the variable is used. A variable whose default is a mapping or list (a distribution, say)
/// may be used as a whole scalar `${name}`; embedded in text, only scalar values work. A variable with a
/// null default has no value until it is set on the command line.
///
/// Substitution copies values, so a list variable used a thousand times multiplies the document: what it
/// adds is counted against the node limit (`ScenarioLimits.maximumNodes`, for the document as a whole)
/// and the text limit (`ScenarioLimits.maximumSubstitutedBytes`), and the first use past either is an error.
enum Variables {
    /// What substitution may still add before the document passes a limit.
    private struct Budget {
        var nodes: Int
        var bytes = ScenarioLimits.maximumSubstitutedBytes
        /// Set at the first use past a limit: later uses are left as written, and nothing is decoded.
        var exhausted = false
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, first.isASCII
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
        }
    }

    /// The document with every `${name}` replaced; problems go to `log`. `nil` when substitution passed
    /// a limit: the rest of the document is not what its author meant, so it is not decoded.
    static func substitute(in root: YNode, overrides: [String: String], log: DiagnosticLog) -> YNode? {
        let reader = NodeReader(log: log)
        var table: [String: YNode] = [:]
        var declared: [String] = []
        var varsIndex: Int?
        if case .mapping(let pairs) = root.kind, let index = pairs.firstIndex(where: { $0.key.text == "vars" }) {
            varsIndex = index
            let varsNode = pairs[index].value
            if case .mapping(let entries) = varsNode.kind {
                for entry in entries {
                    guard let name = entry.key.text, isValidName(name) else {
                        reader.expected("a variable name (letters, digits, _ - .)", "vars", found: entry.key)
                        continue
                    }
                    table[name] = entry.value
                    declared.append(name)
                }
            } else if !varsNode.isNull {
                reader.expected("a mapping of variable names to values", "vars", found: varsNode)
            }
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let declaration = table[name] else {
                let hint = EditDistance.hint(for: name, among: declared)
                log.error("--set \(name)=\(value): no variable '\(name)' is declared under 'vars'\(hint)", at: nil)
                continue
            }
            table[name] = YNode(kind: .scalar(value, plain: true), location: declaration.location)
        }
        guard case .mapping(var pairs) = root.kind else { return root }
        var budget = Budget(nodes: ScenarioLimits.maximumNodes - nodeCount(root))
        for index in pairs.indices where index != varsIndex {
            pairs[index].key = replace(pairs[index].key, table, declared, log, &budget)
            pairs[index].value = replace(pairs[index].value, table, declared, log, &budget)
        }
        if budget.exhausted { return nil }
        return YNode(kind: .mapping(pairs), location: root.location)
    }

    /// Nodes in a tree: scalars, lists and mappings, as the node limit counts them.
    private static func nodeCount(_ node: YNode) -> Int {
        switch node.kind {
        case .scalar: 1
        case .sequence(let items): items.reduce(1) { $0 + nodeCount($1) }
        case .mapping(let pairs): pairs.reduce(1) { $0 + nodeCount($1.key) + nodeCount($1.value) }
        }
    }

    private static func replace(
        _ node: YNode, _ table: [String: YNode], _ names: [String], _ log: DiagnosticLog, _ budget: inout Budget
    ) -> YNode {
        switch node.kind {
        case .scalar(let text, let plain):
            guard text.contains("${"), !budget.exhausted else { return node }
            let replaced = substituteScalar(node, text, plain, table, names, log)
            return charge(replaced, for: node, log, &budget) ? replaced : node
        case .sequence(let items):
            var replaced: [YNode] = []
            replaced.reserveCapacity(items.count)
            for item in items { replaced.append(replace(item, table, names, log, &budget)) }
            return YNode(kind: .sequence(replaced), location: node.location)
        case .mapping(let pairs):
            var replaced: [YNode.Pair] = []
            replaced.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = replace(pair.key, table, names, log, &budget)
                replaced.append(YNode.Pair(key: key, value: replace(pair.value, table, names, log, &budget)))
            }
            return YNode(kind: .mapping(replaced), location: node.location)
        }
    }

    /// Takes what replacing `original` by `replaced` adds from the budget; false (after reporting
    /// it) when that passes a limit.
    private static func charge(_ replaced: YNode, for original: YNode, _ log: DiagnosticLog, _ budget: inout Budget)
        -> Bool
    {
        if case .scalar(let text, _) = replaced.kind {
            budget.bytes -= text.utf8.count
        } else {
            budget.nodes -= nodeCount(replaced) - 1
        }
        guard budget.nodes < 0 || budget.bytes < 0 else { return true }
        budget.exhausted = true
        let limit =
            budget.nodes < 0
            ? "to more than \(ScenarioLimits.maximumNodes) nodes; this is the node limit"
            : "by more than \(ScenarioLimits.maximumSubstitutedBytes) bytes of text; this is the limit"
        log.finalError(
            "variable substitution expands the scenario \(limit): use the variable in fewer places or give it a "
                + "smaller value", at: original.location)
        return false
    }

    private static func substituteScalar(
        _ node: YNode, _ text: String, _ plain: Bool, _ table: [String: YNode], _ names: [String],
        _ log: DiagnosticLog
    ) -> YNode {
        var output = ""
        var rest = Substring(text)
        var wholeValue: YNode?
        while let start = rest.firstRange(of: "${") {
            output += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                log.finalError("unterminated '${' in \(node.found): expected '${name}'", at: node.location)
                return node
            }
            let name = String(afterOpen[..<close])
            guard let value = table[name] else {
                let hint = EditDistance.hint(for: name, among: names)
                log.finalError(
                    "undeclared variable '\(name)': expected a variable declared under 'vars'\(hint)", at: node.location
                )
                return node
            }
            if value.isNull {
                log.finalError("variable '\(name)' has no value: expected --set \(name)=VALUE", at: node.location)
                return node
            }
            let isWhole = start.lowerBound == text.startIndex && afterOpen.index(after: close) == text.endIndex
            if isWhole {
                wholeValue = value
            } else if let scalar = value.text {
                output += scalar
            } else {
                log.finalError(
                    "variable '\(name)' is \(value.found): only a whole value '${\(name)}' can take it",
                    at: node.location)
                return node
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        if let wholeValue {
            if case .scalar(let value, let valuePlain) = wholeValue.kind {
                return YNode(kind: .scalar(value, plain: plain && valuePlain), location: node.location)
            }
            return wholeValue
        }
        output += rest
        return YNode(kind: .scalar(output, plain: plain), location: node.location)
    }
}
