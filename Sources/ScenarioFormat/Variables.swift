/// `vars:` and `${name}` substitution (SPEC §3): a scalar written `${name}`, or containing it, takes the
/// variable's value; `--set name=value` overrides replace the defaults. This is how sweeps vary a scenario.
///
/// Substitution runs on the node tree before anything is decoded, so every later message points at the
/// place where the variable is used. A variable whose default is a mapping or list (a distribution, say)
/// may be used as a whole scalar `${name}`; embedded in text, only scalar values work. A variable with a
/// null default has no value until it is set on the command line.
enum Variables {
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, first.isASCII
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
        }
    }

    /// The document with every `${name}` replaced; problems go to `log`.
    static func substitute(in root: YNode, overrides: [String: String], log: DiagnosticLog) -> YNode {
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
        for index in pairs.indices where index != varsIndex {
            pairs[index].key = replace(pairs[index].key, table, declared, log)
            pairs[index].value = replace(pairs[index].value, table, declared, log)
        }
        return YNode(kind: .mapping(pairs), location: root.location)
    }

    private static func replace(_ node: YNode, _ table: [String: YNode], _ names: [String], _ log: DiagnosticLog)
        -> YNode
    {
        switch node.kind {
        case .scalar(let text, let plain):
            guard text.contains("${") else { return node }
            return substituteScalar(node, text, plain, table, names, log)
        case .sequence(let items):
            return YNode(kind: .sequence(items.map { replace($0, table, names, log) }), location: node.location)
        case .mapping(let pairs):
            let replaced = pairs.map {
                YNode.Pair(key: replace($0.key, table, names, log), value: replace($0.value, table, names, log))
            }
            return YNode(kind: .mapping(replaced), location: node.location)
        }
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
