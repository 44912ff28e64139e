internal import SimulationKernel

/// The fields of one mapping, with typed accessors that report problems at the right place.
///
/// A field written as null (`key:` or `key: ~`) counts as absent, so optional fields can be blanked.
struct Fields {
    let reader: NodeReader
    let node: YNode
    /// How messages name this mapping (`pools[0]`, `tasks`).
    let field: String
    let values: [String: YNode]
    /// Keys in file order.
    let order: [String]

    var location: SourceLocation { node.location }

    /// The value, or `nil` when absent or null.
    subscript(key: String) -> YNode? {
        guard let value = values[key], !value.isNull else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The value of a required field; reports it missing (or null) otherwise.
    func required(_ key: String) -> YNode? {
        if let value = values[key] {
            if value.isNull {
                reader.error("\(key): expected a value (it is required in \(field)), found null", at: value)
                return nil
            }
            return value
        }
        reader.log.error("missing required field '\(key)' in \(field)", at: node.location)
        return nil
    }

    private func value(_ key: String, _ required: Bool) -> YNode? {
        required ? self.required(key) : self[key]
    }

    func string(_ key: String, required: Bool = false) -> String? {
        value(key, required).flatMap { reader.string($0, key) }
    }

    func int(_ key: String, _ range: ClosedRange<Int>, required: Bool = false) -> Int? {
        value(key, required).flatMap { reader.int($0, key, range) }
    }

    func number(_ key: String, _ range: ClosedRange<Double>, _ what: String, required: Bool = false) -> Double? {
        value(key, required).flatMap { reader.number($0, key, range, what) }
    }

    func bool(_ key: String) -> Bool? {
        self[key].flatMap { reader.bool($0, key) }
    }

    func duration(_ key: String, minimum: SimTime = 0, required: Bool = false) -> SimTime? {
        value(key, required).flatMap { reader.duration($0, key, minimum: minimum) }
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        self[key].flatMap { reader.enumeration($0, key, type) }
    }

    func mapping(_ key: String, keys: [String], required: Bool = false) -> Fields? {
        value(key, required).flatMap { reader.mapping($0, key, keys: keys) }
    }

    func list(_ key: String, required: Bool = false) -> [YNode]? {
        value(key, required).flatMap { reader.list($0, key) }
    }

    /// A list of non-empty strings; a single scalar is also accepted as a one-element list.
    func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let node = value(key, required) else { return nil }
        if node.text != nil { return reader.string(node, key).map { [$0] } }
        guard let items = reader.list(node, key) else { return nil }
        let strings = items.enumerated().compactMap { reader.string($1, "\(key)[\($0)]") }
        return strings.count == items.count ? strings : nil
    }
}
