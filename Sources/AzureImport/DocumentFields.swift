/// Typed, placeholder-resolving access to one JSON object of a document, remembering which members
/// were read so that every other member is reported as not modelled.
final class DocumentFields {
    let node: JSONNode
    let origin: Origin
    /// How unmodelled fields are named: `pool`, `pool.startTask`, `task`.
    let kind: String
    private let context: TemplateContext
    private let log: ImportLog
    private var used: Set<String> = []

    init(_ node: JSONNode, origin: Origin, kind: String, context: TemplateContext, log: ImportLog) {
        self.node = node
        self.origin = origin
        self.kind = kind
        self.context = context
        self.log = log
    }

    /// Whether the object has a non-null member `key` (without reading it).
    func has(_ key: String) -> Bool {
        guard let value = node[key] else { return false }
        return !value.isNull
    }

    /// Marks members as read without using them (wrapper keys, read-only identifiers).
    func skip(_ keys: String...) {
        used.formUnion(keys)
    }

    func skip(contentsOf keys: [String]) {
        used.formUnion(keys)
    }

    /// The member's value with a placeholder resolved; `nil` when absent or null, or when a placeholder
    /// cannot be resolved (then an error is logged naming the file and JSON path).
    func raw(_ key: String) -> (node: JSONNode, origin: Origin)? {
        used.insert(key)
        guard let value = node[key], !value.isNull else { return nil }
        let place = origin.appending(key, value)
        switch context.resolve(value) {
        case .success(let resolved):
            if resolved.isNull { return nil }
            return (resolved, place)
        case .failure(let unresolved):
            log.error("unresolved placeholder \(unresolved.message)", at: place)
            return nil
        }
    }

    /// A nested object, read with the same rules.
    func child(_ key: String, kind childKind: String? = nil) -> DocumentFields? {
        guard let (value, place) = raw(key) else { return nil }
        guard value.members != nil else {
            log.error("\(key): expected an object, found \(value.found)", at: place)
            return nil
        }
        return DocumentFields(
            value, origin: place, kind: childKind ?? "\(kind).\(key)", context: context, log: log)
    }

    /// An informational string (a region, a VM size): an expression that cannot be resolved leaves it
    /// out with a warning instead of failing the import.
    func informationalString(_ key: String) -> Sourced<String>? {
        if let value = node[key], case .failure(let unresolved) = context.resolve(value) {
            used.insert(key)
            log.warn("\(kind) \(key) left out: \(unresolved.message) (\(origin.appending(key, value).comment))")
            return nil
        }
        return string(key)
    }

    func string(_ key: String) -> Sourced<String>? {
        guard let (value, place) = raw(key) else { return nil }
        guard let text = value.scalarText, value.members == nil else {
            log.error("\(key): expected a string, found \(value.found)", at: place)
            return nil
        }
        return Sourced(value: text, origin: place)
    }

    /// An integer in `range`; numbers written as strings (`"3"`, as parameters files often give them)
    /// are accepted.
    func int(_ key: String, _ range: ClosedRange<Int>) -> Sourced<Int>? {
        guard let (value, place) = raw(key) else { return nil }
        let text: String?
        switch value.kind {
        case .number(let number), .string(let number): text = number
        default: text = nil
        }
        guard let text, let number = Int(text.hasSuffix(".0") ? String(text.dropLast(2)) : text),
            range.contains(number)
        else {
            log.error(
                "\(key): expected an integer from \(range.lowerBound) to \(range.upperBound), found \(value.found)",
                at: place)
            return nil
        }
        return Sourced(value: number, origin: place)
    }

    func bool(_ key: String) -> Sourced<Bool>? {
        guard let (value, place) = raw(key) else { return nil }
        switch value.kind {
        case .bool(let flag): return Sourced(value: flag, origin: place)
        case .string(let text) where ["true", "false"].contains(text.lowercased()):
            return Sourced(value: text.lowercased() == "true", origin: place)
        default:
            log.error("\(key): expected true or false, found \(value.found)", at: place)
            return nil
        }
    }

    /// An ISO 8601 or CLI duration.
    func duration(_ key: String) -> Sourced<AzureDuration>? {
        guard let text = string(key) else { return nil }
        guard let duration = AzureDuration.parse(text.value) else {
            log.error(
                "\(key): expected an ISO 8601 duration such as PT5M or a CLI duration such as 0:05:00, found "
                    + "\"\(text.value)\"", at: text.origin)
            return nil
        }
        return Sourced(value: duration, origin: text.origin)
    }

    /// A timestamp in milliseconds since 1970.
    func timestamp(_ key: String) -> Sourced<Int64>? {
        guard let text = string(key) else { return nil }
        guard let milliseconds = AzureTimestamp.milliseconds(text.value) else {
            log.error(
                "\(key): expected a timestamp such as 2024-05-01T10:00:00Z, found \"\(text.value)\"",
                at: text.origin)
            return nil
        }
        return Sourced(value: milliseconds, origin: text.origin)
    }

    private static func isEmpty(_ value: JSONNode) -> Bool {
        value.isNull || value.members?.isEmpty == true || value.elements?.isEmpty == true
    }

    /// Lists every member not read (and not null) as not modelled.
    func finish() {
        // Null and empty values (`"tags": {}`, `"ipRules": []`) say nothing, so they are not listed.
        for member in node.members ?? [] where !used.contains(member.key) && !Self.isEmpty(member.value) {
            log.unmodelled(kind, member.key, at: origin.appending(member.key, member.value))
        }
    }
}
